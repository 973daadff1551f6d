"""Done-when: a device pushes an escalated visit; a supervisor signs in, sees it in the review queue,
records a supervision with one action and closes it; the device syncs and its chronology shows the
supervision. Another team's supervisor sees none of it; five wrong passwords lock the account."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sync import sync_now
from tests.portal.portal_procs import (
    ARTIFACTS,
    Staff,
    escalated_visit,
    field_holds,
    see,
    shots,
    shows,
    sign_in,
    type_field,
)
from tests.server.pg import database
from tests.sync.procs import ServerProcess
from tests.ui.browser import TABLET, chromium, enable_semantics, open_page, still_screenshot

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1440, "height": 1800}  # tall: the whole form in view while typing


# In the browser on PostgreSQL, as in production; the portal's services are tested on both databases
# (tests/portal/test_queue.py and the rest), so a second browser run on SQLite would add nothing.
@pytest.fixture(scope="module", params=[pytest.param("postgres", marks=pytest.mark.postgres)])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    with database(request.param, tmp_path_factory.mktemp("e2edb")) as url:
        proc = ServerProcess(url, tmp_path_factory.mktemp("log") / "server.log").start()
        yield proc
        proc.stop()


def test_a_supervisor_discusses_and_closes_an_escalated_visit_and_the_tablet_shows_it(
    server: ServerProcess, tmp_path: Path
):
    north, south = (
        Staff.create(server.db_url, server.url, "north"),
        Staff.create(server.db_url, server.url, "south"),
    )
    tablet = north.tablet(tmp_path / "tablet")
    family_id, visit_id = escalated_visit(tablet, "Okafor")
    assert sync_now(store=tablet).pushed >= 3
    today = f"{dt.date.today():%d/%m/%Y}"
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["supervisor"])
        page.get_by_role("heading", name="Review queue").wait_for()
        see(page, "Okafor family — Sam")
        still_screenshot(page, ARTIFACTS / "queue-desktop.png")
        see(page, "Escalate: discuss with a supervisor")
        page.get_by_role("button", name="Open Okafor family — Sam").click()
        page.get_by_role("heading", name="Review item: Okafor family — Sam").wait_for()
        type_field(page, "Discussion", "Sofa sharing with domestic abuse.")
        type_field(page, "Action 1", "Joint visit with social worker")
        type_field(page, "Owner of action 1", "Priya Visitor")
        type_field(page, "Due date of action 1", today)
        page.get_by_role("button", name="Record and close").click()
        see(page, "Decision: required to close the item")
        still_screenshot(page, ARTIFACTS / "item-problems-desktop.png")
        for name, typed in (
            ("Discussion", "Sofa sharing with domestic abuse."),
            ("Action 1", "Joint visit with social worker"),
            ("Due date of action 1", today),
        ):
            field_holds(page, name, typed)  # a problem shown never erases what was typed
        type_field(page, "Decision", "Refer to children's services today")
        still_screenshot(page, ARTIFACTS / "item-desktop.png")
        page.get_by_role("button", name="Record and close").click()
        see(page, "Closed.")
        still_screenshot(page, ARTIFACTS / "item-closed-desktop.png")
        see(page, "Action: Joint visit with social worker — Priya Visitor")
        page.get_by_role("button", name="Mark done: Joint visit with social worker").click()
        see(page, "Action marked done.")
        see(page, f"due {today} — done {today}")
        shots(page, "item-action-done", DESKTOP)

    with chromium() as browser:  # a browser of its own: a second page in one browser gets no keys
        other = open_page(browser, server.url, TABLET)
        sign_in(other, south.emails["supervisor"])
        other.get_by_role("heading", name="Review queue").wait_for()
        see(other, "Nothing waiting for review")
        assert not shows(other, "Okafor")
        other.goto(f"{server.url}/item/{visit_id}")  # another team's id: "not found"
        other.wait_for_selector("#loading", state="detached")
        enable_semantics(other)
        see(other, "Not found: no such item in your team.")

    pulled = sync_now(store=tablet)
    assert pulled.pulled >= 1
    from app.store import family_chronology

    with tablet.session() as s:
        entries = family_chronology(session=s, family_id=family_id)
    sup = [e for e in entries if e.kind == "supervision"]
    assert len(sup) == 1
    assert (
        "Discussed with Sam Supervisor on" in sup[0].summary
        and "Refer to children's services today" in sup[0].summary
    )
    assert "Joint visit with social worker" in sup[0].summary


def test_five_wrong_passwords_lock_the_account_and_the_portal_says_so(server: ServerProcess):
    team = Staff.create(server.db_url, server.url, "lock")
    with chromium() as browser:
        page = open_page(browser, server.url, TABLET)
        for attempt in range(1, 6):
            left = f"{5 - attempt} attempt" if attempt < 5 else "locked after 5 wrong passwords"
            sign_in(
                page, team.emails["supervisor"] if attempt == 1 else "", "not the right password", expect=left
            )
        see(page, "This account is locked after 5 wrong passwords")
        sign_in(page, "", "a long enough password", expect="Try again in 15 minutes")
        still_screenshot(page, ARTIFACTS / "locked-tablet.png")
        assert page.get_by_role("heading", name="Review queue").count() == 0
