"""The app shell in real headless Chromium: back always returns, reload locks, caseload filters and
search, people on the family screen, and Settings -> Link to team server against a real server.

Screenshots of every screen land in test-artifacts/screenshots/<size>-shell-*.png.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from app.services import caseload, families, session, visits
from app.services.families import PersonInput
from tests.server.helpers import new_team
from tests.server.pg import database
from tests.sync.procs import ServerProcess
from tests.ui.browser import (
    TABLET,
    back,
    chromium,
    enable_semantics,
    open_page,
    running_app,
    shot,
    sizes,
    tap,
    textbox,
    type_into,
)

pytestmark = pytest.mark.e2e
PASSPHRASE = "doorstep passphrase 7"


def _caseload(home: Path) -> None:
    """A small caseload: O'Brien (nothing recorded), Clark (high risk), Dunn (overdue)."""
    store = session.create(
        home=home, passphrase=PASSPHRASE, practitioner="Ann Visitor", team="Riverside", demo=False
    )
    try:
        jo = PersonInput(name="Jo O'Brien", relationship="mother", phone="07700 900123")
        families.create_family(
            store=store,
            name="O'Brien family",
            surname="O'Brien",
            postcode="SO14 7DU",
            address="1 Quay St",
            baby_name="Niamh",
            baby_born="02/11/2026",
            carers=(jo,),
        )
        for name, answers, follow in (
            ("Clark", {"sleep.shared_surfaces": ["sofa"]}, ""),
            ("Dunn", {"sleep.place": "cot"}, "2026-11-20"),
        ):
            fid = families.create_family(
                store=store,
                name=f"{name} family",
                surname=name,
                postcode="SO15 2AB",
                address="",
                baby_name="Sam",
                baby_born="01/11/2026",
            )
            baby = families.family(store=store, family_id=fid).babies[0].baby_id
            vid = visits.start_visit(store=store, family_id=fid, baby_id=baby)
            for path, value in answers.items():
                visits.save_answer(store=store, visit_id=vid, path=path, value=value)
            if follow:
                visits.save_notes(store=store, visit_id=vid, notes={"follow_up": follow})
            visits.sign(store=store, visit_id=vid, incomplete_reason="Mother asked to stop early")
    finally:
        store.close()


def _frames(page: Any) -> None:
    """Wait for two painted frames: Flutter has taken in the keys typed before the next tap."""
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")


def _type(page: Any, name: str, text: str, *, clear: bool = False) -> None:
    """Type into a field (emptied first when `clear`, checked empty before typing)."""
    if clear:
        box = textbox(page, name)
        box.click()
        for _ in range(3):
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            _frames(page)
            if box.input_value() == "":
                break
        expect(box).to_have_value("")
    type_into(page, name, text)
    _frames(page)


def _unlock(page: Any, *, clear: bool = False) -> None:
    _type(page, "Passphrase", PASSPHRASE, clear=clear)
    tap(page.get_by_role("button", name="Unlock", exact=True))
    textbox(page, "Search caseload").wait_for()


def _back_to_caseload(page: Any) -> None:
    back(page)
    textbox(page, "Search caseload").wait_for()  # the caseload, never a blank "Working..." page
    page.get_by_role("heading", name="Caseload").wait_for()


@pytest.mark.parametrize(("size", "viewport"), sizes("phone"))
def test_back_returns_filters_find_people_are_added_and_a_reload_locks(
    tmp_path: Path, size: str, viewport: dict[str, int]
) -> None:
    home = tmp_path / "device"
    _caseload(home)
    with running_app(home, demo=False) as app, chromium() as browser:
        page = open_page(browser, app.url, viewport)
        textbox(page, "Passphrase").wait_for()
        shot(page, "shell-01-unlock", size)
        _unlock(page)
        page.get_by_role("button", name="Open Dunn family").wait_for()
        page.get_by_role(
            "group", name=re.compile("Visit overdue by 11 days")
        ).wait_for()  # a card reads whole
        shot(page, "shell-02-caseload-urgent", size)

        tap(page.get_by_role("button", name="High risk"))
        page.get_by_role("button", name="Open O'Brien family").wait_for(state="detached")
        page.get_by_role("button", name="Open Clark family").wait_for()
        shot(page, "shell-03-caseload-high-risk", size)
        tap(page.get_by_role("button", name="Most urgent first"))
        page.get_by_role("button", name="Open O'Brien family").wait_for()  # the whole caseload again
        _frames(page)
        _type(page, "Search caseload", "OBrien")
        page.get_by_role("button", name="Open Dunn family").wait_for(state="detached")
        page.get_by_role("button", name="Open O'Brien family").wait_for()
        shot(page, "shell-04-caseload-search-obrien", size)

        tap(page.get_by_role("button", name="Open O'Brien family"))
        page.get_by_role("heading", name="Chronology").wait_for()
        shot(page, "shell-05-family", size)
        tap(page.get_by_role("button", name="Add a carer"))
        page.get_by_role("heading", name=re.compile("^Add a carer — ")).wait_for()
        _type(page, "Name", "Liam O'Brien")
        tap(page.get_by_role("radio", name="Father"))
        _type(page, "Phone", "023 8000 0000")
        _type(page, "NHS number", "943 476 5918")  # wrong check digit
        tap(page.get_by_role("button", name="Save carer"))
        page.get_by_text("valid check digit").wait_for()
        shot(page, "shell-06-add-carer-error", size)
        _type(page, "NHS number", "943 476 5919", clear=True)
        tap(page.get_by_role("button", name="Save carer"))
        page.get_by_role("heading", name="Chronology").wait_for()
        page.get_by_role("button", name="Edit Liam O'Brien").wait_for()

        tap(page.get_by_role("button", name="Add another adult"))
        page.get_by_role("heading", name=re.compile("^Add another adult — ")).wait_for()
        _type(page, "Name", "Unknown male")
        tap(page.get_by_role("radio", name="Friend"))
        tap(page.get_by_role("radio", name="Visits the home"))
        _type(page, "Notes", "Stays some weekends")
        shot(page, "shell-07-add-adult", size)
        tap(page.get_by_role("button", name="Save adult"))
        page.get_by_role("heading", name="Chronology").wait_for()
        page.get_by_role("button", name="Edit Unknown male").wait_for()
        shot(page, "shell-08-family-with-people", size)

        tap(page.get_by_role("button", name="Edit Jo O'Brien"))
        page.get_by_role("heading", name=re.compile("^Edit a carer — ")).wait_for()
        back(page)
        page.get_by_role("heading", name="Chronology").wait_for()  # back to the family, not blank
        _back_to_caseload(page)

        tap(page.get_by_role("button", name="Settings"))
        page.get_by_role("heading", name="Link to team server").wait_for()
        shot(page, "shell-09-settings", size)
        _back_to_caseload(page)
        tap(page.get_by_role("button", name="New family"))
        textbox(page, "Household name").wait_for()
        shot(page, "shell-10-new-family", size)
        _back_to_caseload(page)

        page.reload()
        page.wait_for_selector("#loading", state="detached")
        enable_semantics(page)
        textbox(page, "Passphrase").wait_for()  # a reload locks the store
        page.get_by_text("Locked because the page was reloaded").wait_for()
        shot(page, "shell-11-locked-after-reload", size)
        _type(page, "Passphrase", "not my passphrase")
        tap(page.get_by_role("button", name="Unlock", exact=True))
        page.get_by_text("Wrong passphrase: the store could not be unlocked").wait_for()
        _unlock(page, clear=True)
        tap(page.get_by_role("button", name="Lock"))
        textbox(page, "Passphrase").wait_for()
        assert page.outside_requests == []

    store = session.unlock(home=home, passphrase=PASSPHRASE)
    try:
        fid = caseload.search(store=store, query="OBrien")[0].family_id
        people = families.people(store=store, family_id=fid)
    finally:
        store.close()
    assert [(p.kind, p.name, p.relationship) for p in people] == [
        ("carer", "Jo O'Brien", "mother"),
        ("carer", "Liam O'Brien", "father"),
        ("adult", "Unknown male", "friend"),
    ]
    assert (people[1].phone, people[1].nhs_number) == ("023 8000 0000", "943 476 5919")
    assert (people[2].lives_in, people[2].notes) == (False, "Stays some weekends")


def test_a_tablet_is_linked_and_synced_from_settings_against_a_real_team_server(tmp_path: Path) -> None:
    with database("sqlite", tmp_path) as db_url:
        server = ServerProcess(db_url, tmp_path / "server.log").start()
        try:
            _, code = new_team(db_url, name="Riverside HV team")
            _link_and_sync(tmp_path / "device", server, code)
        finally:
            server.stop()


def _link_and_sync(home: Path, server: ServerProcess, code: str) -> None:
    with running_app(home, demo=False) as app, chromium() as browser:
        page = open_page(browser, app.url, TABLET)
        textbox(page, "Practitioner name").wait_for()
        shot(page, "shell-00-setup", "tablet")
        tap(page.get_by_role("button", name="Show passphrase").first)
        _type(page, "Practitioner name", "Ann Visitor")
        _type(page, "Team", "Riverside")
        _type(page, "Passphrase", PASSPHRASE)
        _type(page, "Repeat passphrase", PASSPHRASE)
        tap(page.get_by_role("button", name="Create and unlock"))
        textbox(page, "Search caseload").wait_for()
        tap(page.get_by_role("button", name="New family"))
        _type(page, "Household name", "Okafor family")
        _type(page, "Surname", "Okafor")
        _type(page, "Baby's name", "Sam")
        tap(page.get_by_role("button", name="Save family"))
        page.get_by_role("heading", name="Chronology").wait_for()
        back(page)
        tap(page.get_by_role("button", name="Settings"))
        page.get_by_role("heading", name="Link to team server").wait_for()
        page.get_by_text("Waiting to be sent: ").wait_for()

        _type(page, "Team server address", "http://127.0.0.1:9")  # nothing listens there
        _type(page, "Enrolment code", code)
        tap(page.get_by_role("button", name="Link this tablet"))
        page.get_by_text(re.compile("^Not linked. Cannot reach the team server")).wait_for()
        shot(page, "shell-12-link-unreachable", "tablet")

        _type(page, "Team server address", server.url, clear=True)
        tap(page.get_by_role("button", name="Link this tablet"))
        page.get_by_text("Linked to Riverside HV team. Now press Sync.").wait_for()
        tap(page.get_by_role("button", name="Sync now"))
        result = page.get_by_text(re.compile("^Sync finished: .*1 family update.* sent; 0 updates received"))
        result.wait_for()
        page.get_by_text("Nothing waiting to be sent.").wait_for()
        page.get_by_text(re.compile("^Last sync: [0-9]+ [A-Z][a-z]{2} [0-9]{4} at ")).wait_for()
        shot(page, "shell-13-synced", "tablet")

        server.stop()  # the team server goes away: a plain message, nothing lost
        tap(page.get_by_role("button", name="Sync now"))
        page.get_by_text(re.compile("^Sync did not finish. Cannot reach the team server")).wait_for()
        shot(page, "shell-14-sync-server-gone", "tablet")
        assert "ConnectError" not in (page.locator("flt-semantics").all_inner_texts().__str__())
