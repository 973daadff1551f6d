"""The idle lock in real Chromium: typing alone (no taps) keeps the store open; stopping locks it.

The app runs with SAFESLEEP_IDLE_LOCK_SECONDS=6 (tests only; the app's setting is in minutes).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.ui.questions import STEPS
from tests.ui.browser import (
    TABLET,
    chromium,
    expect_field_text,
    next_step,
    open_page,
    running_app,
    shot,
    tap,
    textbox,
    type_into,
)
from tests.ui.helpers import one_family_store

pytestmark = pytest.mark.e2e
PASSPHRASE = "idle lock passphrase 8"
IDLE_S = 6
NOTE = "Mum says baby sleeps in the cot"


def test_typing_into_a_note_keeps_the_store_open_past_the_idle_time_and_stopping_locks_it(
    tmp_path: Path,
) -> None:
    home = tmp_path / "device"
    one_family_store(home, PASSPHRASE)
    with (
        running_app(home, demo=False, env={"SAFESLEEP_IDLE_LOCK_SECONDS": str(IDLE_S)}) as app,
        chromium() as browser,
    ):
        page = open_page(browser, app.url, TABLET)
        type_into(page, "Passphrase", PASSPHRASE)
        tap(page.get_by_role("button", name="Unlock"))
        type_into(page, "Search caseload", "Lewis")
        tap(page.get_by_role("button", name="Open Lewis family"))
        tap(page.get_by_role("button", name="Start visit").first)
        for step in STEPS[1:]:
            next_step(page, step.title)
        box = textbox(page, "What the parents said")
        box.click()
        started = time.monotonic()
        typed = ""
        for ch in NOTE:  # a slow typist: one key a second, nothing else touched, for longer than IDLE_S
            page.keyboard.type(ch)
            typed += ch
            page.wait_for_timeout(1000)  # the pause IS the test: time passing with only keys pressed
            assert textbox(page, "Passphrase").count() == 0, f"locked while typing, after {ch!r}"
            assert page.get_by_text("Error running app").count() == 0
            if time.monotonic() - started > 2 * IDLE_S:
                break
        assert time.monotonic() - started > IDLE_S
        stopped = time.monotonic()
        page.get_by_text(f"Locked after {IDLE_S} seconds without use.").wait_for()  # stop typing: it locks
        assert time.monotonic() - stopped >= IDLE_S - 1
        textbox(page, "Passphrase").wait_for()
        assert page.get_by_text("Error running app").count() == 0  # locking mid-visit draws the lock screen
        shot(page, "idle-01-locked", "tablet")
        type_into(page, "Passphrase", PASSPHRASE)  # unlocking returns to the note, every key kept
        tap(page.get_by_role("button", name="Unlock"))
        page.get_by_role("heading", name="Notes", exact=True).wait_for()
        expect_field_text(page, "What the parents said", typed)
