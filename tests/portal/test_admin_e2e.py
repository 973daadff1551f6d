"""The admin screens in Chromium against a real `safesleep serve`: an admin works each one; a
supervisor finds no admin screen; another team's id is "not found". Screenshots at desktop and tablet."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import httpx
import pytest

from app.server.portal.service import Portal
from tests.portal.admin_browser import (
    DESKTOP,
    address_conflict,
    enrolled_device,
    fill,
    gone,
    open_admin,
    press,
    row_button,
    shots,
)
from tests.portal.portal_procs import Staff, see, shows, sign_in
from tests.server.pg import database
from tests.sync.procs import ServerProcess
from tests.ui.browser import TABLET, chromium, expect_field_text, open_page, tap

pytestmark = pytest.mark.e2e
PASSWORD_SHAPE = re.compile(r"([A-Z2-9]{4}-){3}[A-Z2-9]{4}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with database("sqlite", tmp_path_factory.mktemp("admindb")) as url:
        proc = ServerProcess(url, tmp_path_factory.mktemp("log") / "server.log").start()
        yield proc
        proc.stop()


def _tree_text(page) -> str:
    """Every label and text of the accessibility tree, joined."""
    return str(
        page.evaluate(
            "() => Array.from(document.querySelectorAll('flt-semantics, flt-semantics *'))"
            ".map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.textContent || '')).join(' ')"
        )
    )


def _shown_password(page) -> str:
    found = PASSWORD_SHAPE.search(_tree_text(page))
    assert found, "no temporary password on screen"
    return found.group(0)


def test_an_admin_adds_disables_and_resets_people_and_a_supervisor_finds_no_admin_screen(
    server: ServerProcess,
):
    north = Staff.create(server.db_url, server.url, "north")
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["admin"])
        tap(page.get_by_role("button", name="Admin", exact=True))
        page.get_by_role("heading", name="Users", exact=True).wait_for()
        see(page, north.emails["supervisor"])
        tap(page.get_by_role("radio", name="Supervisor"))  # first: choosing re-renders the form
        fill(page, "Email", "not an email")
        press(page, "Add person", then="Email: 'not an email' is not an email address")
        expect_field_text(page, "Email", "not an email")  # kept after the error
        fill(page, "Email", "new.lead@north.example.org")
        fill(page, "Name (as shown in records)", "Nia Lead")
        press(page, "Add person", then="Temporary password for new.lead@north.example.org")
        password = _shown_password(page)
        shots(page, "users-added")
        tap(row_button(page, f"user {north.emails['practitioner']}", "Disable"))
        see(page, f"{north.emails['practitioner']} is disabled")
        see(page, "Disabled")
        tap(row_button(page, f"user {north.emails['supervisor']}", "Reset password"))
        press(page, "Yes, reset the password", then=f"New password for {north.emails['supervisor']}")
        assert _shown_password(page) != password
        shots(page, "users-reset")
        press(page, "Done: I have noted it", then="People in")
    from app.server.db import make_engine

    engine = make_engine(server.db_url)
    try:
        portal = Portal(engine)
        assert portal.person(portal.sign_in("new.lead@north.example.org", password)).role == "supervisor"
    finally:
        engine.dispose()

    with chromium() as browser:
        page = open_page(browser, server.url, TABLET)
        sign_in(page, "new.lead@north.example.org", password)
        page.get_by_role("heading", name="Review queue").wait_for()
        assert page.get_by_role("button", name="Admin", exact=True).count() == 0  # no Admin entry
        open_admin(page, server.url, "/admin/users", "Not found")
        see(page, "Not found: there is no such screen for your account.")
        assert not shows(page, north.emails["practitioner"])


CODE_SHAPE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")


def test_an_admin_issues_an_enrolment_code_as_text_and_qr_and_revokes_the_device_it_enrolled(
    server: ServerProcess,
):
    north = Staff.create(server.db_url, server.url, "north")
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["admin"])
        open_admin(page, server.url, "/admin/devices", "Devices")
        see(page, "No device enrolled yet.")
        press(page, "Issue enrolment code", then="Practitioner: choose whose device this code will enrol")
        tap(page.locator('flt-semantics[flt-semantics-identifier="enrol-practitioner"]'))
        tap(page.get_by_role("button", name=f"Priya Visitor ({north.emails['practitioner']})"))
        press(page, "Issue enrolment code", then="Enrolment code")
        found = CODE_SHAPE.search(_tree_text(page))
        assert found
        code = found.group(0)
        see(page, f"QR code of the enrolment code {code}")
        see(page, f"enter the server address ({server.url}) and this code")
        shots(page, "devices-code")
        enrolled = httpx.post(f"{server.url}/enrol", json={"code": code, "device_name": "Priya's tablet"})
        assert enrolled.status_code == 200, enrolled.text
        token = enrolled.json()["token"]
        press(page, "Refresh the list", then="Priya's tablet")
        see(page, "never")  # not synced yet
        assert httpx.get(f"{server.url}/sync/pull", headers={"Authorization": f"Bearer {token}"}).is_success
        tap(page.get_by_role("button", name="Refresh the list"))
        gone(page, "never")  # its last sync is shown now
        see(page, north.emails["practitioner"])
        tap(row_button(page, "device Priya's tablet", "Revoke"))
        see(page, "Revoke Priya's tablet?")
        shots(page, "devices-revoke-confirm")
        press(page, "Yes, revoke it", then="Priya's tablet is revoked: it can no longer sync.")
        see(page, "Revoked ")
        shots(page, "devices-revoked")
    push = httpx.post(
        f"{server.url}/sync/push",
        headers={"Authorization": f"Bearer {token}"},
        json={"batch_id": str(uuid.uuid4()), "ops": []},
    )
    assert push.status_code == 403 and push.json()["error"] == "device_revoked"


def test_an_admin_sees_both_values_of_a_sync_conflict_and_keeps_the_tablets_and_another_team_finds_nothing(
    server: ServerProcess,
):
    north, south = (
        Staff.create(server.db_url, server.url, "north"),
        Staff.create(server.db_url, server.url, "south"),
    )
    headers = enrolled_device(server.db_url, server.url, north.emails["practitioner"])
    address_conflict(server.url, headers, "Okafor")
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["admin"])
        open_admin(page, server.url, "/admin/conflicts", "Sync conflicts")
        see(page, "On the server: 2 Lane  ·  On the tablet: 3 Close")
        shots(page, "conflicts")
        tap(page.get_by_role("button", name="Open Family: Okafor family — address"))
        page.get_by_role("heading", name="Sync conflict: Family: Okafor family — address").wait_for()
        see(page, "Before both changes: 1 Road")
        conflict_url = page.url
        shots(page, "conflict")
        tap(page.get_by_role("button", name="Keep the tablet's value"))
        press(page, "Yes, keep the tablet's value", then="Resolved: address is now 3 Close.")
        shots(page, "conflict-resolved")
    pulled = httpx.get(f"{server.url}/sync/pull", headers=headers, params={"since": 0}).json()["changes"]
    assert pulled[-1]["payload"]["address"] == "3 Close"

    with chromium() as browser:
        page = open_page(browser, server.url, TABLET)
        sign_in(page, south.emails["admin"])
        open_admin(page, server.url, "/admin/conflicts", "Sync conflicts")
        see(page, "No sync conflict is waiting.")
        assert not shows(page, "Okafor")
        open_admin(page, server.url, conflict_url.removeprefix(server.url), "Not found")
        see(page, "Not found: no such sync conflict in your team.")


def test_an_admin_publishes_a_guidance_file_sees_its_problems_first_and_then_what_changed(
    server: ServerProcess, tmp_path
):
    from tests.portal.test_admin_guidance import changed_guidance

    north = Staff.create(server.db_url, server.url, "north")
    version = f"2099.{north.name}"
    good = tmp_path / "guidance.toml"
    good.write_text(changed_guidance(version), encoding="utf-8")
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["admin"])
        open_admin(page, server.url, "/admin/guidance", "Guidance versions")
        see(page, "Packaged with the server")
        fill(page, "Guidance file text (TOML)", 'guidance_version = "2099.bad"')
        press(page, "Check and publish", then="Not published. Please correct the file:")
        see(page, "Entry factors.sofa_or_armchair_sharing: missing: every factors code the assessment uses")
        expect_field_text(page, "Guidance file text (TOML)", 'guidance_version = "2099.bad"')  # kept
        shots(page, "guidance-problems", scroll=400)
        with page.expect_file_chooser() as chooser:
            tap(page.get_by_role("button", name="Choose a guidance file…"))
        chooser.value.set_files(str(good))
        see(page, "Chosen: guidance.toml")
        press(page, "Check and publish", then=f"Published guidance {version}: tablets receive it")
        see(page, "Newest: tablets get this one")
        press(page, "Show what changed", then="1 added, 0 removed, 2 changed.")
        see(page, "factors.baby_in_a_swing — A baby asleep in a swing")
        see(page, "[added: riskiest]")
        shots(page, "guidance-diff", scroll=3000)


def test_an_admin_filters_the_audit_log_by_person_and_action_and_a_wrong_date_is_named(
    server: ServerProcess,
):
    north = Staff.create(server.db_url, server.url, "north")
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["admin"])
        open_admin(page, server.url, "/admin/users", "Users")
        tap(row_button(page, f"user {north.emails['supervisor']}", "Disable"))
        see(page, f"{north.emails['supervisor']} is disabled")
        open_admin(page, server.url, "/admin/audit", "Audit log")
        see(page, "Disabled an account")
        fill(page, "From", "31/02/2026")
        press(page, "Show entries", then="From: '31/02/2026' is not a date; write it as dd/mm/yyyy")
        fill(page, "From", "")
        fill(page, "Person (email)", north.emails["admin"])
        tap(page.locator('flt-semantics[flt-semantics-identifier="audit-action"]'))
        tap(page.get_by_role("button", name="Disabled an account"))
        press(page, "Show entries", then="1 entry, showing 1–1, newest first")
        see(page, f"target: {north.emails['supervisor']}")
        shots(page, "audit")
