"""Serve the Flet web app and its small API (leaflet PDFs) in one process, offline (no CDN)."""

from __future__ import annotations

import asyncio
import logging
import secrets
from pathlib import Path
from typing import Any, cast

import flet as ft

from app.ui.pdf_links import LINKS
from app.ui.theme import BRAND

log = logging.getLogger("safesleep.ui")
IDLE_CHECK_S = 1.0

# Blocks every fetch that is not this server (the web bundle tries a CDN for rive_native.js).
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' "
    "blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self' ws: wss: blob: data:; worker-src 'self' blob:; "
    "frame-src 'self'; object-src 'self'"
)
STOPPED_JS = Path(__file__).with_name("web") / "stopped.js"  # says so when this server has stopped
STOPPED_TAG = b'<script src="/api/stopped.js"></script></head>'


def make_main(*, home: Path, demo: bool) -> Any:
    """The Flet entry point for one browser session (a reload re-attaches to the same session)."""

    def main(page: ft.Page) -> None:
        page.title = "Safer Sleep Visits"
        page.theme = ft.Theme(color_scheme_seed=BRAND, visual_density=ft.VisualDensity.STANDARD)  # 48 px
        page.theme_mode = ft.ThemeMode.LIGHT
        session_id = secrets.token_hex(16)
        from app.settings import get_settings
        from app.ui.root import App  # the screens load with the first session, not at start
        from app.ui.state.app_state import LOCKED_DISCONNECTED
        from app.ui.state.session import SessionState

        state = SessionState.start(home=home, demo=demo, idle_lock_seconds=get_settings().idle_lock_seconds)
        app = state.app

        async def lock_when_idle() -> None:
            while True:
                await asyncio.sleep(IDLE_CHECK_S)
                app.lock_if_idle()

        idle = page.run_task(lock_when_idle)

        def closed(e: Any) -> None:
            idle.cancel()
            LINKS.forget_session(session_id)
            app.lock()

        def disconnected(e: Any) -> None:  # a reload, a closed tab or a dropped connection
            app.lock(LOCKED_DISCONNECTED)

        def connected(e: Any) -> None:  # updates made while disconnected never reached the client
            cast(ft.Observable, app).notify()  # type: ignore[no-untyped-call]  # flet leaves it untyped

        page.on_disconnect = disconnected
        page.on_connect = connected
        page.on_keyboard_event = lambda e: app.touch()
        page.on_close = closed
        page.on_error = lambda e: log.error("app error: %s", e.data)
        page.render_views(App, state, session_id)

    return main


def build_app(*, home: Path, demo: bool = False) -> Any:
    """One ASGI app: the leaflet route first, then the Flet web client mounted at /."""
    import flet_web.fastapi as flet_fastapi
    from fastapi import FastAPI, HTTPException, Request, Response

    api: FastAPI = flet_fastapi.FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    stopped_js = STOPPED_JS.read_bytes()

    @api.middleware("http")
    async def no_network(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        if response.headers.get("content-type", "").startswith("text/html"):
            response = await _with_stopped_notice(response)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @api.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @api.get("/api/stopped.js")
    def stopped() -> Response:
        return Response(stopped_js, media_type="text/javascript", headers={"Cache-Control": "no-store"})

    @api.get("/leaflets/{token}.pdf")
    def leaflet(token: str) -> Response:
        found = LINKS.get(token)
        if found is None:
            raise HTTPException(status_code=404, detail="This leaflet link has expired.")
        pdf, name = found
        return Response(
            pdf,
            media_type="application/pdf",
            headers={
                "Cache-Control": "no-store",
                "Content-Disposition": f'inline; filename="{name}"',
            },
        )

    api.mount("/", flet_fastapi.app(make_main(home=home, demo=demo), no_cdn=True))
    return api


async def _with_stopped_notice(response: Any) -> Any:
    """The app's page with the "app has stopped" watcher loaded before the Flutter client."""
    from fastapi import Response

    body = b"".join([chunk async for chunk in response.body_iterator])
    body = body.replace(b"</head>", STOPPED_TAG, 1)
    headers = {
        k: v
        for k, v in response.headers.items()
        if k.lower() not in ("content-length", "etag", "last-modified")
    }
    headers["Cache-Control"] = "no-store"
    return Response(body, status_code=response.status_code, headers=headers, media_type="text/html")


def serve(*, host: str = "127.0.0.1", port: int = 8550, demo: bool = False) -> None:
    """Serve the app on http://HOST:PORT and block (the store lives in settings.home)."""
    import uvicorn

    from app.settings import get_settings

    home = get_settings().home
    home.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s")
    uvicorn.run(
        build_app(home=home, demo=demo),
        host=host,
        port=port,
        ws="websockets-sansio",
        log_config=None,
        log_level="warning",
    )
