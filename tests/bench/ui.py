"""Benchmark: the app in real Chromium with a 20,000-family store.

Run: python -m tests.bench.ui  [--families N] [--home DIR]
Measures process start -> first Flutter frame in Chromium, tapping an answer -> the screen
showing the new risk, tapping an answer -> the answer on disk (read by another connection),
typing 60 characters into a note (every keystroke handled; the final text on disk after the
last key), caseload search through the services (20,000 families) and the app process's RSS
with that store open (after unlock, caseload and a visit).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from app.services import caseload, session, visits
from app.services.families import create_family
from app.ui.questions import STEPS
from app.ui.state import VisitState
from tests.ui.browser import (
    TABLET,
    choose,
    chromium,
    focused,
    open_page,
    question,
    running_app,
    tap,
    textbox,
    type_into,
)

PASSPHRASE = "benchmark passphrase"
TAP_TO_SCREEN_JS = """(el, words) => new Promise(resolve => {
  const t0 = performance.now();
  el.click();
  const poll = () => {
    const hit = [...document.querySelectorAll('flt-semantics')]
      .some(n => (n.getAttribute('aria-label') || n.textContent).trim() === words);
    if (hit) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 20000) resolve(NaN);
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})"""
NOTE = "Baby sleeps in the cot beside our bed; we stopped using the sofa"[:60]
DISK_TIMEOUT_S = 10
QUERIES = ("smi", "ok", "SO15", "ab", "ber", "po1", "wes", "taylor", "kh", "nor")


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build_store(home: Path, families: int) -> float:
    """The store helper's bench builder: families, babies, 3 signed visits each."""
    from tests.bench.store import build

    store = session.create(
        home=home, passphrase=PASSPHRASE, practitioner="Bench", team="Bench team", demo=False
    )
    started = time.perf_counter()
    build(store, families, random.Random(20261128))
    create_family(
        store=store,
        name="Benchmark family",
        surname="Benchmark",
        postcode="SO14 7DU",
        address="",
        baby_name="Kit",
        baby_born="2026-11-01",
    )
    store.close()
    return time.perf_counter() - started


def first_frame(home: Path, runs: int) -> list[float]:
    out = []
    with chromium() as browser:
        for _ in range(runs):
            with running_app(home, demo=False) as app:
                context = browser.new_context(viewport=TABLET)
                page = context.new_page()
                page.goto(app.url)
                page.wait_for_selector("#loading", state="detached", timeout=60_000)
                out.append((time.perf_counter() - app.started) * 1000)
                context.close()
    return out


def _disk(store: Any, visit_id: Any) -> tuple[dict[str, Any], str]:
    """The draft row as another connection reads it now: (answers, parents_said).

    One plain SELECT on a pooled connection: polled every millisecond, it must not itself load
    the 2-core machine the app runs on (an ORM session per poll did).
    """
    import json

    from sqlalchemy import text

    with store.engine.connect() as conn:
        answers, said = conn.execute(
            text("SELECT answers, parents_said FROM visit WHERE id = :id"), {"id": visit_id.hex}
        ).one()
    return (json.loads(answers) if isinstance(answers, str) else dict(answers)), said or ""


def _until(check: Any, started: float) -> float:
    """ms from `started` until `check()` is true (polled from this process, every ~1 ms)."""
    deadline = time.perf_counter() + DISK_TIMEOUT_S
    while not check():
        if time.perf_counter() > deadline:
            return float("nan")
        time.sleep(0.001)
    return (time.perf_counter() - started) * 1000


RISK_NOW_JS = """() => ([...document.querySelectorAll('flt-semantics')]
  .map(n => n.textContent.trim()).find(t => /^Risk so far: \\w+$/.test(t)) || '')"""


def _risk_word(page: Any) -> str:
    return str(page.evaluate(RISK_NOW_JS)).removeprefix("Risk so far: ")


def in_browser(home: Path, taps: int) -> dict[str, Any]:
    """Tap-to-screen and tap-to-disk latency, typing into a note, and the app's RSS (big store open)."""
    from app.store import list_drafts

    reader = session.unlock(home=home, passphrase=PASSPHRASE)
    with reader.session() as s:
        old = [str(d.id) for d in list_drafts(session=s) if d.family_name == "Benchmark family"]
    for draft in old:  # every run starts a fresh visit (a reused store keeps the last run's draft)
        visits.discard_draft(store=reader, visit_id=draft, reason="benchmark run")
    try:
        with running_app(home, demo=False) as app, chromium() as browser:
            page = open_page(browser, app.url, TABLET)
            type_into(page, "Passphrase", PASSPHRASE)
            tap(page.get_by_role("button", name="Unlock"))
            textbox(page, "Search caseload").wait_for(timeout=60_000)
            type_into(page, "Search caseload", "Benchmark")
            page.get_by_role("button", name="Open Benchmark family").wait_for()
            tap(page.get_by_role("button", name=re.compile("^(Start|Continue) visit")).first)
            page.get_by_role("heading", name=STEPS[0].title, exact=True).wait_for()
            with reader.session() as s:
                vid = next(d.id for d in list_drafts(session=s) if d.family_name == "Benchmark family")
            for title in ("Baby", "Where baby sleeps"):
                tap(page.get_by_role("button", name="Next", exact=True))
                page.get_by_role("heading", name=title, exact=True).wait_for()
            samples, clicks, disk = [], [], []
            choose(page, "sleep.place", "Sofa")
            page.get_by_text("Risk so far: High", exact=True).wait_for()
            choose(page, "sleep.place", "Cot")
            page.wait_for_function(f"() => !({RISK_NOW_JS})().endsWith('High')")
            words = {"Sofa": "High", "Cot": _risk_word(page)}
            for i in range(taps):
                place = ("Sofa", "Cot")[i % 2]
                radio = question(page, "sleep.place").get_by_role("radio", name=place, exact=True)
                radio.scroll_into_view_if_needed()
                # Timed inside the page: DOM tap -> the risk words change in the accessibility tree.
                samples.append(radio.evaluate(TAP_TO_SCREEN_JS, f"Risk so far: {words[place]}"))
            for i in range(taps):  # tap -> on disk: the tap dispatched in the page, the app idle before it
                place = ("Sofa", "Cot")[i % 2]
                radio = question(page, "sleep.place").get_by_role("radio", name=place, exact=True)
                started = time.perf_counter()
                radio.evaluate("el => el.click()")
                disk.append(
                    _until(
                        lambda v=place.lower(): _disk(reader, vid)[0].get("sleep", {}).get("place") == v,
                        started,
                    )
                )
                page.get_by_text(f"Risk so far: {words[place]}", exact=True).wait_for()
            for i in range(taps):  # the same tap as Playwright's click (it waits for frames)
                place = ("Sofa", "Cot")[i % 2]
                started = time.perf_counter()
                choose(page, "sleep.place", place)
                page.get_by_text(f"Risk so far: {words[place]}", exact=True).wait_for()
                clicks.append((time.perf_counter() - started) * 1000)
            for step in STEPS[3:]:
                tap(page.get_by_role("button", name="Next", exact=True))
                page.get_by_role("heading", name=step.title, exact=True).wait_for()
                if step.slug == "notes":
                    break
            box = textbox(page, "What the parents said")
            box.click()
            focused(page, box)  # keys typed before the field holds the focus go nowhere
            page.keyboard.type(NOTE, delay=40)  # a fast typist: 25 keys a second
            last_key = time.perf_counter()
            typed = _until(lambda: _disk(reader, vid)[1] == NOTE, last_key)
            if typed != typed:  # nan: say what did arrive
                print(f"typed text on disk: {_disk(reader, vid)[1]!r}")
            rss = _rss_mib(app.proc.pid)
    finally:
        reader.close()
    return {"taps": samples, "clicks": clicks, "disk": disk, "typed": typed, "rss": rss}


def in_process(home: Path, runs: int) -> dict[str, list[float]]:
    """Search, the caseload's orders, and answer->review through the UI services (what each tap costs)."""
    store = session.unlock(home=home, passphrase=PASSPHRASE)
    try:
        caseload.search(store=store, query="warm")
        search = []
        for _ in range(runs):
            for q in QUERIES:
                started = time.perf_counter()
                caseload.search(store=store, query=q)
                search.append((time.perf_counter() - started) * 1000)
        views: dict[str, list[float]] = {}
        for show in ("urgent", "high", "overdue", "drafts", "name"):  # the whole caseload, each order
            for _ in range(runs * 2):
                started = time.perf_counter()
                caseload.search(store=store, query="", show=show)
                views.setdefault(show, []).append((time.perf_counter() - started) * 1000)
        row = caseload.search(store=store, query="Benchmark")[0]
        vid = row.draft_visit_id or visits.start_visit(
            store=store, family_id=row.family_id, baby_id=row.baby_id
        )
        visit = VisitState()
        visit.open(store, vid)
        answer, keystroke = [], []
        for i in range(runs * 5):
            started = time.perf_counter()
            visit.answer("sleep.place", "sofa" if i % 2 == 0 else "cot")
            answer.append((time.perf_counter() - started) * 1000)
        for i in range(1, len(NOTE) + 1):
            started = time.perf_counter()
            visit.answer_text("notes.observed", NOTE[:i], final=False)
            keystroke.append((time.perf_counter() - started) * 1000)
        for text in ("3", "36", "3", "36"):
            started = time.perf_counter()
            visit.answer_text("baby.gestation_weeks", text, final=False)
            keystroke.append((time.perf_counter() - started) * 1000)
    finally:
        store.close()
    return {
        "search": search,
        "answer": answer,
        "keystroke": keystroke,
        **{f"view {k}": v for k, v in views.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", type=int, default=20_000)
    parser.add_argument("--home", type=Path, help="keep (or reuse) the benchmark store here")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "device"
        built = (
            "reused"
            if session.store_exists(home=home)
            else (f"built in {build_store(home, args.families):.0f} s")
        )
        frames = first_frame(home, args.runs)
        browser = in_browser(home, args.runs * 4)
        python = in_process(home, args.runs)

    rows = [
        ("process start -> first frame in Chromium", frames, 3000),
        ("tap an answer -> risk shown on screen (in page)", browser["taps"], 150),
        ("  the same through Playwright's click", browser["clicks"], None),
        ("tap an answer -> the answer on disk (another connection)", browser["disk"], 50),
        ("  of which: save + reassess (VisitState.answer)", python["answer"], None),
        ("one keystroke saved (VisitState.answer_text, typing)", python["keystroke"], None),
        ("caseload search, 20,000 families (caseload.search)", python["search"], 100),
        ("caseload opened: most urgent first (no search)", python["view urgent"], 100),
        ("  only high risk, most urgent first", python["view high"], 100),
        ("  only overdue, longest first", python["view overdue"], 100),
        ("  only drafts", python["view drafts"], 100),
        ("  A to Z (for comparison: no urgency)", python["view name"], None),
    ]
    print(f"Store: {args.families} families ({built}); Chromium headless, no GPU\n")
    header = ("measure", "runs", "median ms", "p95 ms", "aim ms")
    table = [header] + [
        (label, str(len(s)), f"{_ms(s)[0]:.1f}", f"{_ms(s)[1]:.1f}", str(aim or "")) for label, s, aim in rows
    ]
    table.append(("app process RSS with the store open (MiB)", "1", f"{browser['rss']:.0f}", "", "200"))
    table.append(
        (
            f"typed {len(NOTE)} keys (40 ms apart): last key -> all on disk",
            "1",
            f"{browser['typed']:.0f}",
            "",
            "1000",
        )
    )
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for r in [table[0], tuple("-" * w for w in widths), *table[1:]]:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )


if __name__ == "__main__":
    main()
