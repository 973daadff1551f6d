// Says in words when the app's server has stopped (the Flet client alone shows only "Working...").
// Loaded before the Flutter client: it watches the client's WebSocket to this server. While the
// connection is down for more than a moment, a message covers the page; when the client
// reconnects (the app was started again), the message goes.
(() => {
  "use strict";
  const SHOW_AFTER_MS = 1500; // a reload or a short network blip reconnects within this
  const Native = window.WebSocket;
  let open = 0;
  let timer = null;
  let leaving = false;
  window.addEventListener("beforeunload", () => { leaving = true; });

  function box() {
    let el = document.getElementById("app-stopped");
    if (el) return el;
    el = document.createElement("div");
    el.id = "app-stopped";
    el.setAttribute("role", "alert");
    el.setAttribute("aria-live", "assertive");
    el.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;display:none;align-items:center;justify-content:center;" +
      "background:rgba(255,255,255,0.96);font:18px/1.5 Roboto,Arial,sans-serif;color:#1b1b1f;padding:24px;";
    el.innerHTML =
      '<div style="max-width:560px;border:3px solid #8c1d18;border-radius:12px;padding:24px;background:#fff">' +
      '<h1 style="font-size:24px;margin:0 0 12px;color:#8c1d18">The app has stopped</h1>' +
      "<p style=\"margin:0 0 12px\">Safer Sleep Visits is not running on this tablet any more, so nothing you " +
      "do on this page can be saved now.</p>" +
      "<p style=\"margin:0 0 12px\"><strong>Your answers are safe:</strong> everything you entered before " +
      "it stopped was saved as you went.</p>" +
      "<p style=\"margin:0 0 16px\">Start Safer Sleep Visits again. This page reconnects by itself " +
      "when the app is back, then asks for your passphrase.</p>" +
      '<p id="app-stopped-trying" style="margin:0 0 16px;font-style:italic">Trying to reconnect…</p>' +
      '<button type="button" style="font-size:18px;min-height:48px;padding:8px 20px" ' +
      'onclick="location.reload()">Reload this page</button></div>';
    document.body.appendChild(el);
    return el;
  }

  function down() {
    if (leaving || open > 0 || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      if (!leaving && open === 0) box().style.display = "flex";
    }, SHOW_AFTER_MS);
  }

  function up() {
    if (timer !== null) { clearTimeout(timer); timer = null; }
    const el = document.getElementById("app-stopped");
    if (el) el.style.display = "none";
  }

  function watch(ws) {
    let counted = false;
    ws.addEventListener("open", () => { counted = true; open += 1; up(); });
    ws.addEventListener("close", () => {
      if (counted) { counted = false; open -= 1; }
      down();
    });
  }

  window.WebSocket = new Proxy(Native, {
    construct(target, args) {
      const ws = new target(...args);
      try { watch(ws); } catch (e) { /* never stop the client connecting */ }
      return ws;
    },
  });
})();
