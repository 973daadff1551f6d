"""Real-process, real-Chromium helpers for the end-to-end tests (FLET_OFFLINE.md recipe)."""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.ui.app_process import ROOT
from tests.ui.app_process import AppProcess as AppProcess
from tests.ui.app_process import running_app as running_app
from tests.ui.app_process import start_app as start_app

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
FAILURES = ROOT / "test-artifacts" / "failures"
CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 1024, "height": 768}
PORTRAIT = {"width": 800, "height": 1280}
ALL_SIZES = [("phone", PHONE), ("tablet", TABLET), ("portrait", PORTRAIT)]
WAIT_MS = 60_000  # generous: a loaded CI machine is slow, never wrong
STABLE_SHOT_TRIES = 20
# Screenshots for looking at the screens (`make screens`); off in `make test`, where they only cost time.
SCREENSHOTS_WANTED = os.environ.get("SAFESLEEP_SCREENSHOTS", "") not in ("", "0")


def sizes(checked_at: str) -> list[tuple[str, dict[str, int]]]:
    """The screen sizes a flow runs at: the one its behaviour is checked at in `make test` (each size is
    some test's), and all three under `make screens`, which photographs every screen at every size."""
    return ALL_SIZES if SCREENSHOTS_WANTED else [s for s in ALL_SIZES if s[0] == checked_at]


_CSP_BLOCKED = {"csp", "net::err_blocked_by_csp"}  # stopped in the browser, never sent


CHROMIUM_ARGS = ["--no-sandbox", "--disable-quic", "--disable-background-networking", "--disable-gpu"]
_shared: dict[str, Any] = {}  # this test process's Playwright and Chromium, started on first use
_in_use: list[int] = [0]


def _playwright() -> Any:
    if "playwright" not in _shared:
        from playwright.sync_api import sync_playwright

        _shared["playwright"] = sync_playwright().start()
        atexit.register(_stop_shared)
    return _shared["playwright"]


def _launch() -> Any:
    return _playwright().chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def _stop_shared() -> None:
    browser, playwright = _shared.pop("browser", None), _shared.pop("playwright", None)
    with contextlib.suppress(Exception):
        if browser is not None:
            browser.close()
    with contextlib.suppress(Exception):
        if playwright is not None:
            playwright.stop()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium for one test; every page and context the test opened is closed after it.

    Launching Chromium costs seconds, so a test process keeps one and lends it to each test in
    turn (a test's pages live in their own browser contexts: no cookies or storage are shared).
    A test that asks for a second browser while holding one gets a new Chromium of its own.
    """
    if _in_use[0]:
        browser = _launch()
        try:
            yield browser
        finally:
            browser.close()
        return
    browser = _shared.get("browser")
    if browser is None or not browser.is_connected():
        browser = _shared["browser"] = _launch()
    _in_use[0] += 1
    try:
        yield browser
    except BaseException:
        failure_shots(browser)
        raise
    finally:
        _in_use[0] -= 1
        for context in list(browser.contexts):
            with contextlib.suppress(Exception):
                context.close()


def failure_shots(browser: Any) -> None:
    """A screenshot of every page still open when a test failed: test-artifacts/failures/<test>-<n>.png."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "test").split(" ")[0]
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", test.split("/")[-1])[:150]
    pages = [p for context in browser.contexts for p in context.pages]
    for n, page in enumerate(pages, start=1):
        with contextlib.suppress(Exception):
            FAILURES.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(FAILURES / f"{name}-{n}.png"), timeout=10_000)


def open_page(browser: Any, url: str, viewport: dict[str, int]) -> Any:
    """A page with the app loaded and Flutter's accessibility tree switched on."""
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.outside_requests = []  # requests for other hosts that were NOT stopped by the CSP
    page.on("requestfinished", lambda r: _note_outside(page, r))
    page.on(
        "requestfailed",
        lambda r: None if (r.failure or "").lower() in _CSP_BLOCKED else _note_outside(page, r),
    )
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.wait_for_selector("#loading", state="detached")  # removed on Flutter's first frame
    enable_semantics(page)
    return page


def _note_outside(page: Any, request: Any) -> None:
    if not request.url.startswith(("http://127.0.0.1", "blob:", "data:")):
        page.outside_requests.append(f"{request.url} ({request.failure or 'fetched'})")


def enable_semantics(page: Any) -> None:
    page.wait_for_selector("flt-semantics-placeholder", state="attached")
    page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
    page.wait_for_selector("flt-semantics", state="attached")


def next_frames(page: Any, frames: int = 2) -> None:
    """Return after the browser has drawn `frames` more animation frames."""
    page.evaluate(
        "n => new Promise(done => { const step = k => k ? requestAnimationFrame(() => step(k - 1)) : done();"
        " step(n); })",
        frames,
    )


def still_screenshot(page: Any, path: Path, *, full_page: bool = False) -> None:
    """Save a screenshot at `path` once the screen is still: two frames apart look the same.

    The accessibility DOM (what the tests wait for) appears before Flutter's paint and its page
    transitions finish, so waiting for the DOM alone can catch a half-drawn screen.
    Saved only when screenshots are wanted (SAFESLEEP_SCREENSHOTS=1, `make screens`).
    """
    if not SCREENSHOTS_WANTED:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = page.screenshot(full_page=full_page)
    for _ in range(STABLE_SHOT_TRIES):
        next_frames(page)
        again = page.screenshot(full_page=full_page)
        if again == picture:
            break
        picture = again
    path.write_bytes(picture)


def shot(page: Any, name: str, size: str) -> None:
    """Save a still screenshot under test-artifacts/screenshots/<size>-<name>.png."""
    still_screenshot(page, SCREENSHOTS / f"{size}-{name}.png")


def question(page: Any, path: str) -> Any:
    """The semantics node holding one question's controls."""
    return page.locator(f'flt-semantics[flt-semantics-identifier="{path.replace(".", "-")}"]')


def type_into(page: Any, name: str, text: str, *, clear: bool = False) -> None:
    """Tap a text field (by its label) and type, as a person would."""
    box = textbox(page, name)
    box.click()
    focused(page, box)
    if clear:
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        left = box.input_value()  # a value the app set may not be selectable: delete it key by key
        if left:
            page.keyboard.press("End")
            for _ in left:
                page.keyboard.press("Backspace")
    box.press_sequentially(text)


FOCUS_MS = 3_000
FOCUSED_JS = "el => el === document.activeElement || el.contains(document.activeElement)"


def focused(page: Any, box: Any) -> None:
    """Wait until the tapped field holds the keyboard focus (keys typed before that are lost).

    Flutter web moves the focus into the field's DOM input a frame or more after the tap; a person
    never types that fast, but a test does: on a busy machine its first letter went nowhere.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # a field Flutter re-creates on focus hands it to a new node: then just let frames pass
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(FOCUSED_JS, arg=box.element_handle(), timeout=FOCUS_MS)
    next_frames(page)


def textbox(page: Any, name: str) -> Any:
    """A text field by its label (its accessible name may add the hint on a new line)."""
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(name)}(\s|$)"))


def choose(page: Any, path: str, words: str, *, role: str = "radio") -> None:
    """Answer one question: a "radio" (yes/no and choices) or a "checkbox" tile, by its words."""
    tap(question(page, path).get_by_role(role, name=words, exact=True))


def selected(page: Any, path: str, words: str, *, role: str = "radio") -> bool:
    """Whether that answer shows as chosen (aria-current for segments, aria-checked else)."""
    el = question(page, path).get_by_role(role, name=words, exact=True)
    attr = "aria-current" if role == "button" else "aria-checked"
    return bool(el.get_attribute(attr) == "true")


def tap(locator: Any) -> None:
    """Tap a control even when it is scrolled out of view (Flutter scrolls it in).

    Flet may re-render the control between finding and tapping it (Flutter then replaces its
    accessibility node): a node found stale is looked up again, never tapped.
    """
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        try:
            locator.scroll_into_view_if_needed()
            break
        except Exception as exc:  # playwright's Error: its sync API gives no narrower class for this
            if not _detached(exc) or time.monotonic() > deadline:
                raise
    locator.click()  # Playwright's click itself waits again for an attached, stable node


def _detached(exc: Exception) -> bool:
    return "not attached to the DOM" in str(exc)


# What a text field holds: its semantics input, or Flutter's own editing input while it has the focus
HOLDS_JS = """([el, text]) => { const a = document.activeElement;
    return el.value === text || (!!a && a.classList.contains('flt-text-editing') && a.value === text); }"""


def expect_field_text(page: Any, name: str, text: str) -> None:
    """The field holds `text` once tapped (Flutter fills an editing input on focus); waits for it.

    A tap while Flet redraws the form can miss the focus, so the field is tapped again until it
    holds the text or the wait runs out.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = textbox(page, name)
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        box.click()
        try:
            page.wait_for_function(HOLDS_JS, arg=[box.element_handle(), text], timeout=2 * FOCUS_MS)
            return
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise AssertionError(f"the field {name!r} does not hold {text!r}") from None
            page.keyboard.press("Tab")  # leave the field, so the next tap focuses it afresh


def heading_shown(page: Any, title: str) -> None:
    """Wait until a screen with this heading is on top."""
    page.get_by_role("heading", name=title, exact=True).wait_for()


VISIT_BACK = 'flt-semantics[flt-semantics-identifier^="back "]'  # a visit screen's own Back
TOP_BACK_JS = f"""() => {{
  const found = [...document.querySelectorAll('{VISIT_BACK}')];
  return found.length === 1
    && found[0].getAttribute('flt-semantics-identifier') === 'back ' + location.pathname;
}}"""


LEFT_JS = "start => location.pathname !== start"
# The AppBar arrow: "Back", or "Back Back" while its hover tooltip shows (after a tap on the arrow
# of the screen before, at the same spot, the tooltip's node is owned by the button).
APPBAR_BACK = re.compile(r"^Back(\s+Back)?$")
BACK_TRY_MS = 10_000  # one try at finding and tapping the arrow; a stale node is looked up again


def back(page: Any) -> None:
    """Tap the AppBar's back arrow of the screen on top, and wait until that screen has gone.

    A visit screen's Back carries its screen's address; while screens swap, the leaving one's is
    still there for a moment, so wait until exactly one is left (the top screen's) and tap it.
    Flet re-renders the AppBar after a navigation, so the node found can be replaced before the
    tap lands (Playwright: "not attached to the DOM"): then it is looked up again and tapped.
    Once a tap has landed it is never repeated (a second tap would go back two screens): the
    address must then change.
    """
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    start = page.evaluate("() => location.pathname")
    visit_back = "/visit/" in start and "/person/" not in start  # a person opened from a step: AppBar's
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        try:
            if visit_back:
                page.wait_for_function(TOP_BACK_JS, timeout=BACK_TRY_MS)
                page.locator(VISIT_BACK).click(timeout=BACK_TRY_MS)
            else:
                page.get_by_role("button", name=APPBAR_BACK).last.click(timeout=BACK_TRY_MS)
            break
        except PlaywrightError as exc:  # a stale node, or none on top yet: look again
            stale = _detached(exc) or isinstance(exc, PlaywrightTimeout)
            if not stale or time.monotonic() > deadline or page.evaluate(LEFT_JS, start):
                raise
    page.wait_for_function(LEFT_JS, arg=start)  # the screen it was on has gone


NEXT_TRY_MS = 15_000  # a tap the app received changes the address in well under a second, even loaded


def next_step(page: Any, title: str) -> None:
    """Tap "Next" and wait for the step headed `title`.

    Flutter drops a tap made while a page transition is still running (its Navigator cancels the
    pointers), and a test taps faster than any person: when the address has not changed long
    after the tap, the old step is still on top and the tap went nowhere, so it is tapped again.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    start = page.evaluate("() => location.pathname")
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        tap(page.get_by_role("button", name="Next", exact=True))
        try:
            page.wait_for_function(LEFT_JS, arg=start, timeout=NEXT_TRY_MS)
            break
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise
    heading_shown(page, title)
