"""Admin, Users: the team's accounts listed with their state; added, disabled, enabled and reset,
each audited with the admin; only an admin of the same team gets anything."""

from __future__ import annotations

import re
import uuid

import pytest

from app.server.portal.accounts import AccountError, NotSignedIn, SignInRefused
from app.server.portal.admin.service import Admin
from app.server.portal.queue import NotFound
from app.server.portal.service import Portal
from tests.portal.admin_helpers import admin_of, audited, user_id
from tests.portal.helpers import PASSWORD, PortalTeam


def test_the_admin_sees_every_account_of_the_team_with_its_role_and_state(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    portal = Portal(team.engine)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            portal.sign_in(team.emails["supervisor"], "not the password at all")
    admin, token = admin_of(team)
    admin.set_enabled(token, user_id(team, "practitioner"), False)
    rows = {r.email: (r.role, r.state) for r in admin.users(token)}
    assert rows == {
        team.emails["practitioner"]: ("practitioner", "disabled"),
        team.emails["supervisor"]: ("supervisor", "locked"),
        team.emails["admin"]: ("admin", "active"),
    }
    assert not set(other.emails.values()) & set(rows)


def test_an_added_person_signs_in_with_the_temporary_password_shown_once(team: PortalTeam):
    admin, token = admin_of(team)
    issued = admin.add_user(token, "  New.Person@Example.org ", "supervisor", "New Person")
    assert issued.email == "new.person@example.org"
    assert re.fullmatch(r"([A-Z2-9]{4}-){3}[A-Z2-9]{4}", issued.password)
    assert Portal(team.engine).sign_in(issued.email, issued.password)
    again = admin.reset_password(token, next(r.id for r in admin.users(token) if r.email == issued.email))
    assert again.password != issued.password
    with pytest.raises(SignInRefused):
        Portal(team.engine).sign_in(issued.email, issued.password)
    assert ("user.add", {"role": "supervisor", "target": str(_id(admin, token, issued.email))}) in audited(
        team, user_id(team, "admin"), "user."
    )


def _id(admin: Admin, token: str, email: str) -> uuid.UUID:
    return next(r.id for r in admin.users(token) if r.email == email)


@pytest.mark.parametrize(
    ("email", "role", "words"),
    [
        ("not-an-email", "supervisor", "email: 'not-an-email' is not an email address (name@example.org)"),
        (
            "ok@example.org",
            "boss",
            "role: 'boss' is not allowed; use one of: practitioner, supervisor, admin",
        ),
    ],
)
def test_a_wrong_email_or_role_is_refused_naming_the_field_and_what_is_allowed(
    team: PortalTeam, email: str, role: str, words: str
):
    admin, token = admin_of(team)
    with pytest.raises(AccountError, match=re.escape(words)):
        admin.add_user(token, email, role)
    assert email not in {r.email for r in admin.users(token)}


def test_an_email_already_in_use_in_any_team_is_refused(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    admin, token = admin_of(team)
    with pytest.raises(AccountError, match=r"email: an account for .* already exists"):
        admin.add_user(token, other.emails["supervisor"], "supervisor")


def test_disabling_ends_the_persons_sessions_and_enabling_lets_them_back_with_their_password(
    team: PortalTeam,
):
    portal = Portal(team.engine)
    their_session = portal.sign_in(team.emails["supervisor"], PASSWORD)
    admin, token = admin_of(team)
    sid = user_id(team, "supervisor")
    assert admin.set_enabled(token, sid, False) == team.emails["supervisor"]
    with pytest.raises(NotSignedIn):
        portal.person(their_session)
    with pytest.raises(SignInRefused, match="disabled"):
        portal.sign_in(team.emails["supervisor"], PASSWORD)
    admin.set_enabled(token, sid, True)
    assert portal.sign_in(team.emails["supervisor"], PASSWORD)
    target = {"target": str(sid)}
    assert [a for a in audited(team, user_id(team, "admin"), "user.") if a[1] == target] == [
        ("user.disable", target),
        ("user.enable", target),
    ]


def test_a_reset_unlocks_a_locked_account(team: PortalTeam):
    portal = Portal(team.engine)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            portal.sign_in(team.emails["supervisor"], "not the password at all")
    admin, token = admin_of(team)
    issued = admin.reset_password(token, user_id(team, "supervisor"))
    assert portal.sign_in(team.emails["supervisor"], issued.password)
    assert {r.email: r.state for r in admin.users(token)}[team.emails["supervisor"]] == "active"


def test_the_admin_cannot_disable_or_reset_their_own_account_here(team: PortalTeam):
    admin, token = admin_of(team)
    me = user_id(team, "admin")
    with pytest.raises(AccountError, match="account: you cannot disable your own account"):
        admin.set_enabled(token, me, False)
    with pytest.raises(AccountError, match="account: you cannot reset your own password here"):
        admin.reset_password(token, me)
    assert admin.users(token)  # still signed in


@pytest.mark.parametrize("role", ["supervisor", "practitioner"])
def test_a_supervisor_or_practitioner_gets_not_found_from_every_user_action(team: PortalTeam, role: str):
    admin, token = admin_of(team, role)
    target = user_id(team, "admin")
    for call in (
        lambda: admin.users(token),
        lambda: admin.add_user(token, "x@example.org", "admin"),
        lambda: admin.set_enabled(token, target, False),
        lambda: admin.reset_password(token, target),
    ):
        with pytest.raises(NotFound):
            call()
    assert "x@example.org" not in {r.email for r in admin_of(team)[0].users(admin_of(team)[1])}


def test_an_account_of_another_team_is_not_found(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    admin, token = admin_of(team)
    for call in (
        lambda: admin.set_enabled(token, user_id(other, "supervisor"), False),
        lambda: admin.reset_password(token, user_id(other, "supervisor")),
        lambda: admin.set_enabled(token, uuid.uuid4(), True),
    ):
        with pytest.raises(NotFound):
            call()
    assert Portal(other.engine).sign_in(other.emails["supervisor"], PASSWORD)
