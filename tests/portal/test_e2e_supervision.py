"""Done-when: a device pushes an escalated visit; a supervisor signs in, sees it in the review queue,
records a supervision with one action and closes it; the device syncs and its chronology shows the
supervision. Another team's supervisor sees none of it; five wrong passwords lock the account."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sync import sync_now
from tests.portal.portal_procs import ARTIFACTS, Staff, escalated_visit, see, shows, sign_in
from tests.server.pg import database
from tests.sync.procs import ServerProcess
from tests.ui.browser import TABLET, chromium, enable_semantics, open_page

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1440, "height": 900}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
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
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    today = f"{dt.date.today():%d/%m/%Y}"
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["supervisor"])
        page.get_by_role("heading", name="Review queue").wait_for()
        see(page, "Okafor family — Sam")
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / "queue-desktop.png"))
        see(page, "Escalate: discuss with a supervisor")
        page.get_by_role("button", name="Open Okafor family — Sam").click()
        page.get_by_role("heading", name="Review item: Okafor family — Sam").wait_for()
        page.get_by_role("textbox", name="Discussion").press_sequentially("Sofa sharing with domestic abuse.")
        page.get_by_role("textbox", name="Action 1", exact=True).press_sequentially(
            "Joint visit with social worker"
        )
        page.get_by_role("textbox", name="Action 1 owner").press_sequentially("Priya Visitor")
        page.get_by_role("textbox", name="Action 1 due date").press_sequentially(today)
        page.get_by_role("button", name="Record and close").click()
        see(page, "Decision: required to close the item")
        page.get_by_role("textbox", name="Decision").press_sequentially("Refer to children's services today")
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / "item-desktop.png"))
        page.get_by_role("button", name="Record and close").click()
        see(page, "Closed.")
        see(page, "Action: Joint visit with social worker — Priya Visitor")

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
            sign_in(page, team.emails["supervisor"] if attempt == 1 else "", "not the right password")
            if attempt < 5:
                see(page, f"{5 - attempt} attempt")
            page.get_by_role("textbox", name="Password").fill("")
        see(page, "This account is locked after 5 wrong passwords")
        page.get_by_role("textbox", name="Password").press_sequentially("a long enough password")
        page.get_by_role("button", name="Sign in").click()
        see(page, "Try again in 15 minutes")
        page.screenshot(path=str(ARTIFACTS / "locked-tablet.png"))
        assert page.get_by_role("heading", name="Review queue").count() == 0
