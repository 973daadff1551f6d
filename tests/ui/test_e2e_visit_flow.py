"""The visit flow in real headless Chromium at phone and tablet sizes: back, drafts, dates, review, signing.

Each test starts the app as its own process on a store made here (no demo), so it runs in seconds.
Screenshots of every visit screen land in test-artifacts/screenshots/ (<size>-visit-*.png).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.services import session
from app.store import add_baby, create_family, export_visit, list_drafts
from app.ui.questions import STEPS
from tests.ui.browser import (
    PHONE,
    TABLET,
    back,
    choose,
    chromium,
    heading_shown,
    next_step,
    open_page,
    question,
    running_app,
    selected,
    shot,
    sizes,
    tap,
    textbox,
    type_into,
)

pytestmark = pytest.mark.e2e
PASSPHRASE = "visit flow passphrase 3"
BORN = dt.date.today() - dt.timedelta(days=20)


def make_store(home: Path) -> str:
    """A store with one family (two carers) and a 20-day-old baby; returns the family id."""
    store = session.create(
        home=home, passphrase=PASSPHRASE, practitioner="Ann Visitor", team="Riverside", demo=False
    )
    try:
        with store.unit_of_work() as uow:
            f = create_family(
                session=uow.session,
                data={
                    "name": "Lewis family",
                    "surname": "Lewis",
                    "postcode": "SO14 7DU",
                    "address": "2 Quay Road",
                    "carers": [
                        {"name": "Jo Lewis", "relationship": "mother", "phone": ""},
                        {"name": "Sam Lewis", "relationship": "father", "phone": ""},
                    ],
                },
            )
            add_baby(session=uow.session, family_id=f.id, data={"name": "Maya", "date_of_birth": BORN})
            uow.commit()
        return str(f.id)
    finally:
        store.close()


def drafts_on_disk(home: Path) -> list[Any]:
    store = session.unlock(home=home, passphrase=PASSPHRASE)
    try:
        with store.session() as s:
            return list(list_drafts(session=s))
    finally:
        store.close()


def exported(home: Path) -> dict[str, Any]:
    """The draft as the exchange format exports it (read by another process while the app runs)."""
    store = session.unlock(home=home, passphrase=PASSPHRASE)
    try:
        with store.unit_of_work() as uow:
            (draft,) = list_drafts(session=uow.session)
            doc = export_visit(session=uow.session, visit_id=draft.id)
            uow.commit()
        return doc
    finally:
        store.close()


def unlock_and_open_family(page: Any) -> None:
    type_into(page, "Passphrase", PASSPHRASE)
    tap(page.get_by_role("button", name="Unlock"))
    textbox(page, "Search caseload").wait_for()
    type_into(page, "Search caseload", "Lewis")
    tap(page.get_by_role("button", name="Open Lewis family"))
    page.get_by_role("heading", name="Chronology").wait_for()


def start_visit(page: Any) -> None:
    tap(page.get_by_role("button", name=re.compile(r"^(Start|Continue) visit")).first)
    heading_shown(page, STEPS[0].title)


@contextmanager
def visit_started(home: Path, viewport: dict[str, int]) -> Iterator[Any]:
    """The app on a new store (make_store) at `viewport`: unlocked, the family open, a visit started."""
    make_store(home)
    with running_app(home, demo=False) as app, chromium() as browser:
        page = open_page(browser, app.url, viewport)
        unlock_and_open_family(page)
        start_visit(page)
        yield page


def risk_text(page: Any) -> str:
    node = page.locator('flt-semantics[flt-semantics-identifier="risk-level"]')
    node.wait_for()
    return str(node.get_attribute("aria-label") or node.inner_text())


@pytest.mark.parametrize(("size", "viewport"), sizes("phone"))
def test_back_from_a_step_the_review_and_sign_returns_to_the_previous_screen(
    tmp_path: Path, size: str, viewport: dict[str, int]
) -> None:
    home = tmp_path / "device"
    with visit_started(home, viewport) as page:
        shot(page, f"visit-{1:02d}-{STEPS[0].slug}", size)
        for i, step in enumerate(STEPS[1:], start=2):  # every step, screenshot each
            next_step(page, step.title)
            shot(page, f"visit-{i:02d}-{step.slug}", size)
        back(page)  # from the last step: the step before it
        heading_shown(page, STEPS[-2].title)
        tap(page.get_by_role("button", name="Review now"))
        page.get_by_role("heading", name="The record").wait_for()
        shot(page, "visit-20-review", size)
        back(page)  # from the review: the step it was opened from
        heading_shown(page, STEPS[-2].title)
        tap(page.get_by_role("button", name="Review now"))
        tap(page.get_by_role("button", name="Sign", exact=True))
        page.get_by_role("heading", name="Sign this visit").wait_for()
        shot(page, "visit-21-sign", size)
        back(page)  # from sign: the review
        page.get_by_role("heading", name="The record").wait_for()
        tap(page.get_by_role("button", name="Leaflet", exact=True))
        page.get_by_role("button", name="Open leaflet (PDF)").wait_for()
        shot(page, "visit-23-leaflet", size)
        back(page)  # from the leaflet: the review
        page.get_by_role("heading", name="The record").wait_for()
        back(page)
        heading_shown(page, STEPS[-2].title)
        for step in reversed(STEPS[:-2]):  # and so on, one screen at a time, to the first step
            back(page)
            heading_shown(page, step.title)
        back(page)  # from the first step: the family
        page.get_by_role("heading", name="Chronology").wait_for()


def test_start_visit_on_a_baby_with_a_draft_continues_it_and_a_draft_can_be_discarded(tmp_path: Path) -> None:
    home = tmp_path / "device"
    with visit_started(home, TABLET) as page:
        choose(page, "visit.baby_seen", "Yes")
        back(page)
        page.get_by_role("heading", name="Chronology").wait_for()
        start_visit(page)  # the same baby again
        assert selected(page, "visit.baby_seen", "Yes")
        assert len(drafts_on_disk(home)) == 1
        tap(page.get_by_role("button", name="Review now"))
        tap(page.get_by_role("button", name="Discard this draft…"))
        type_into(page, "Reason for discarding", "Started on the wrong baby")
        shot(page, "visit-22-discard", "tablet")
        tap(page.get_by_role("button", name="Discard draft", exact=True))
        page.get_by_role("heading", name="Chronology").wait_for()
    assert drafts_on_disk(home) == []


def test_a_date_typed_as_03_04_2026_is_stored_as_2026_04_03(tmp_path: Path) -> None:
    home = tmp_path / "device"
    with visit_started(home, PHONE) as page:
        next_step(page, "Baby")
        type_into(page, "Date of birth", "03/04/2026", clear=True)
        page.keyboard.press("Tab")
        page.get_by_text("Saved", exact=True).wait_for()
        assert exported(home)["baby"]["date_of_birth"] == "2026-04-03"
        today = dt.date.today()
        tap(page.get_by_role("button", name="Choose date: Date of birth"))  # or pick it from the calendar
        tap(page.get_by_role("button", name=re.compile(rf"^{today.day}, \w+, .*{today:%B}.*{today.year}")))
        tap(page.get_by_role("button", name="OK", exact=True))
        page.get_by_text(f"{today:%A} {today.day} {today:%B %Y}").wait_for()
        assert exported(home)["baby"]["date_of_birth"] == today.isoformat()
        type_into(page, "Date of birth", "03/04/2026", clear=True)
        page.keyboard.press("Tab")
        page.get_by_text("Friday 3 April 2026").wait_for()
        tap(page.get_by_role("button", name="Review now"))
        question(page, "answer-baby.date_of_birth").get_by_text("3 Apr 2026").wait_for()


def test_review_shows_a_recorded_and_a_pending_answer_and_the_export_holds_no_value_for_it(
    tmp_path: Path,
) -> None:
    home = tmp_path / "device"
    with visit_started(home, TABLET) as page:
        next_step(page, "Baby")
        type_into(page, "Gestation: weeks", "350")  # "35" was valid (saved); "350" is not: cleared
        page.keyboard.press("Tab")
        page.get_by_text(
            re.compile("^This answer is not saved yet: must be a whole number between 22 and 44")
        ).wait_for()
        shot(page, "visit-30-not-saved", "tablet")
        next_step(page, "Where baby sleeps")
        choose(page, "sleep.place", "Sofa")
        tap(page.get_by_role("button", name="Review now"))
        page.get_by_text("Not saved yet: “350”").wait_for()
        question(page, "answer-sleep.place").get_by_text("Sofa").wait_for()
        shot(page, "visit-31-review-pending", "tablet")
        doc = exported(home)
        assert "gestation_weeks" not in doc.get("baby", {})
        assert doc["sleep"]["place"] == "sofa"


@pytest.mark.parametrize(("size", "viewport"), sizes("tablet"))
def test_an_empty_visit_is_incomplete_on_review_and_signing_it_asks_for_a_reason(
    tmp_path: Path, size: str, viewport: dict[str, int]
) -> None:
    home = tmp_path / "device"
    with visit_started(home, viewport) as page:
        tap(page.get_by_role("button", name="Review now"))
        words = risk_text(page)
        assert re.search(r"Incomplete — \d+ core questions not asked", words), words
        assert "Low" not in words
        shot(page, "visit-40-review-empty", size)
        tap(page.get_by_role("button", name="Sign", exact=True))
        tap(page.get_by_role("checkbox", name="I have checked this record and it is accurate"))
        tap(page.get_by_role("button", name="Sign visit"))
        page.get_by_text(re.compile("^Reason: say why core questions were not asked")).wait_for()
        shot(page, "visit-41-sign-needs-reason", size)
        type_into(page, "Reason core questions were not asked", "Parent declined to answer")
        tap(page.get_by_role("button", name="Sign visit"))
        page.get_by_text(re.compile("Signed incomplete, reason: Parent declined to answer")).wait_for()
        shot(page, "visit-42-signed", size)
        tap(page.get_by_role("button", name="Amend this visit"))
        page.get_by_role("button", name="Record amendment").wait_for()
        shot(page, "visit-43-amend", size)
    assert drafts_on_disk(home) == []


@pytest.mark.parametrize(("size", "viewport"), sizes("portrait"))
def test_add_this_adult_from_the_visit_returns_to_the_visit_step_on_back_and_on_saving(
    tmp_path: Path, size: str, viewport: dict[str, int]
) -> None:
    home = tmp_path / "device"
    make_store(home)
    family_step = next(s for s in STEPS if s.slug == "family")
    with running_app(home, demo=False) as app, chromium() as browser:
        page = open_page(browser, app.url, viewport)
        unlock_and_open_family(page)
        start_visit(page)
        for step in STEPS[1 : STEPS.index(family_step) + 1]:
            next_step(page, step.title)
        choose(page, "family.unidentified_adults", "Yes")
        tap(page.get_by_role("button", name="Add this adult"))
        page.get_by_role("heading", name=re.compile("^Add another adult — ")).wait_for()
        shot(page, "visit-50-add-this-adult", size)
        back(page)  # Back: the visit step it came from, not the family screen
        heading_shown(page, family_step.title)
        assert selected(page, "family.unidentified_adults", "Yes")
        tap(page.get_by_role("button", name="Add this adult"))
        type_into(page, "Name", "Unknown male")
        tap(page.get_by_role("radio", name="Friend"))
        tap(page.get_by_role("radio", name="Visits the home"))
        tap(page.get_by_role("button", name="Save adult"))
        heading_shown(page, family_step.title)  # saving returns there too
        shot(page, "visit-51-adult-added", size)
        for step in reversed(STEPS[: STEPS.index(family_step)]):
            back(page)
            heading_shown(page, step.title)
        # "Who was present" on the first step now offers the adult just added
        question(page, "visit.present").get_by_role("checkbox", name=re.compile("^Unknown male")).wait_for()
