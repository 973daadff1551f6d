"""SIGKILL the app mid-visit: after a restart every answer, and all text not yet an answer, is back."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from app.services import caseload, session, visits
from tests.ui.browser import (
    TABLET,
    choose,
    chromium,
    expect_field_text,
    next_step,
    open_page,
    running_app,
    selected,
    tap,
    textbox,
    type_into,
)
from tests.ui.helpers import one_family_store

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSPHRASE = "kill me gently 42"
SAID = "We doze on the sofa with her after the late feed"
HALF_WEIGHT = "5lb 1o"  # still being typed: not a weight yet, so pending, never stored as 5 lb
DISK_TIMEOUT_S = 30


def _saved(home: Path) -> dict[str, Any]:
    """What is on disk now (answers, notes and pending text), read by another process while the app runs."""
    store = session.unlock(home=home, passphrase=PASSPHRASE)
    try:
        row = caseload.search(store=store, query="Lewis")[0]
        if row.draft_visit_id is None:
            return {}
        rec = visits.load_visit(store=store, visit_id=row.draft_visit_id)
        pending = {f"pending.{k}": v for k, v in (rec.pending or {}).items()}
        return {**rec.answers, **{f"notes.{k}": v for k, v in rec.notes.items()}, **pending}
    finally:
        store.close()


def _wait_for_disk(home: Path, path: str, value: Any) -> dict[str, Any]:
    """Poll the store (another process) until the app has committed this value."""
    deadline = time.monotonic() + DISK_TIMEOUT_S
    seen: dict[str, Any] = {}
    while time.monotonic() < deadline:
        seen = _saved(home)
        if seen.get(path) == value:
            return seen
        time.sleep(0.1)
    raise AssertionError(f"{path} never reached the store; on disk: {seen.get(path)!r}")


def _unlock(page: Any) -> None:
    type_into(page, "Passphrase", PASSPHRASE)
    tap(page.get_by_role("button", name="Unlock"))
    textbox(page, "Search caseload").wait_for()


def test_killing_the_app_mid_visit_loses_no_answer_and_no_pending_text(tmp_path: Path) -> None:
    home = tmp_path / "device"
    one_family_store(home, PASSPHRASE)

    with chromium() as browser:
        with running_app(home, demo=False) as app:
            page = open_page(browser, app.url, TABLET)
            _unlock(page)
            tap(page.get_by_role("button", name="Start visit"))
            page.get_by_role("heading", name="The visit", exact=True).wait_for()
            next_step(page, "Baby")
            type_into(page, "Gestation: weeks", "35")
            tap(page.get_by_role("button", name="lb", exact=True))
            type_into(page, "Birth weight", HALF_WEIGHT)  # still in the field: not left
            _wait_for_disk(home, "pending.baby.birth_weight_lb", HALF_WEIGHT)
            next_step(page, "Where baby sleeps")
            choose(page, "sleep.place", "Sofa")
            choose(page, "sleep.seen", "No")
            next_step(page, "The sleep space")
            choose(page, "sleep.items", "Pillow", role="checkbox")
            next_step(page, "Sharing sleep")
            choose(page, "sleep.bed_sharing", "Sometimes")
            next_step(page, "The carers")
            choose(page, "carers.alcohol", "Yes")
            for title in ("Feeding and dummy", "Family context", "The plan", "Notes"):
                next_step(page, title)
            type_into(page, "What the parents said", SAID)  # still in the field: not left
            on_disk = _wait_for_disk(home, "notes.parents_said", SAID)
            app.kill()
        assert app.proc.returncode == -9

        assert on_disk["baby.gestation_weeks"] == 35
        assert "baby.birth_weight_lb" not in on_disk and "baby.birth_weight_kg" not in on_disk
        assert on_disk["sleep.place"] == "sofa" and on_disk["sleep.seen"] is False
        assert on_disk["sleep.items"] == ["pillow"]
        assert on_disk["sleep.bed_sharing"] == "sometimes" and on_disk["carers.alcohol"] is True

        with running_app(home, demo=False) as app:
            page = open_page(browser, app.url, TABLET)
            _unlock(page)
            tap(page.get_by_role("button", name="Continue visit"))  # the draft is offered
            page.get_by_role("heading", name="The visit", exact=True).wait_for()
            next_step(page, "Baby")
            expect_field_text(page, "Gestation: weeks", "35")
            expect_field_text(page, "Birth weight", HALF_WEIGHT)
            page.get_by_text('This answer is not saved yet: "5lb 1o" is not a weight', exact=False).wait_for()
            next_step(page, "Where baby sleeps")
            assert selected(page, "sleep.place", "Sofa")
            assert selected(page, "sleep.seen", "No")
            next_step(page, "The sleep space")
            assert selected(page, "sleep.items", "Pillow", role="checkbox")
            next_step(page, "Sharing sleep")
            assert selected(page, "sleep.bed_sharing", "Sometimes")
            next_step(page, "The carers")
            assert selected(page, "carers.alcohol", "Yes")
            for title in ("Feeding and dummy", "Family context", "The plan", "Notes"):
                next_step(page, title)
            expect_field_text(page, "What the parents said", SAID)
