"""When the app's server dies, the page says so in words (not only "Working..."), and recovers.

The real app process is SIGKILLed under Playwright at each size; the answer tapped before the kill
is on disk; started again on the same address, the page reconnects and asks for the passphrase.
Screenshots land in test-artifacts/screenshots/<size>-stopped-*.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from app.services import caseload, session, visits
from tests.ui.browser import (
    choose,
    chromium,
    open_page,
    running_app,
    shot,
    sizes,
    start_app,
    tap,
    textbox,
    type_into,
)
from tests.ui.helpers import one_family_store

pytestmark = pytest.mark.e2e
PASSPHRASE = "stopped app passphrase 5"
STOPPED = "The app has stopped"


def _on_disk(home: Path) -> dict[str, Any]:
    store = session.unlock(home=home, passphrase=PASSPHRASE)
    try:
        draft = caseload.search(store=store, query="Lewis")[0].draft_visit_id
        return visits.load_visit(store=store, visit_id=draft).answers if draft else {}
    finally:
        store.close()


def _notice(page: Any) -> Any:
    return page.get_by_role("alert").filter(has_text=STOPPED)


@pytest.mark.parametrize(("size", "viewport"), sizes("portrait"))
def test_killing_the_app_says_in_words_that_it_stopped_and_the_page_recovers_when_it_is_back(
    tmp_path: Path, size: str, viewport: dict[str, int]
) -> None:
    home = tmp_path / "device"
    one_family_store(home, PASSPHRASE)
    with running_app(home, demo=False) as app, chromium() as browser:
        page = open_page(browser, app.url, viewport)
        assert _notice(page).count() == 0  # the page has it only once the connection has gone
        type_into(page, "Passphrase", PASSPHRASE)
        tap(page.get_by_role("button", name="Unlock"))
        type_into(page, "Search caseload", "Lewis")
        tap(page.get_by_role("button", name="Open Lewis family"))
        tap(page.get_by_role("button", name="Start visit").first)
        choose(page, "visit.baby_seen", "Yes")
        page.get_by_text("Saved", exact=True).wait_for()

        app.kill()  # SIGKILL: no clean shutdown, as when the tablet's app process dies
        notice = _notice(page)
        notice.wait_for()
        text = notice.inner_text()
        assert "everything you entered before it stopped was saved" in text
        assert "Start Safer Sleep Visits again" in text
        page.get_by_role("button", name="Reload this page").wait_for()
        shot(page, "stopped-01-app-stopped", size)
        assert _on_disk(home)["visit.baby_seen"] is True  # the last answer was on disk already

        again = start_app(home, demo=False, port=urlparse(app.url).port)  # the same address
        try:
            notice.wait_for(state="hidden")  # the client reconnected by itself
            textbox(page, "Passphrase").wait_for()  # a new app process: the store is locked
            shot(page, "stopped-02-back-again", size)
        finally:
            again.proc.terminate()
            again.proc.wait(timeout=10)
