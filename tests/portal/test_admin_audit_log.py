"""Admin, Audit log: the team's entries newest first, filtered by person, family, action and UK
dates, a page at a time; only the team's; looking at it is itself audited."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import AuditEvent
from app.server.portal.accounts import AccountError
from app.server.portal.admin.audit_log import PAGE_SIZE, AuditFilter
from app.server.portal.queue import NotFound
from app.server.portal.service import Portal
from tests.portal.admin_helpers import admin_of, audited, user_id
from tests.portal.helpers import ESCALATED, PortalTeam


def test_the_log_is_newest_first_names_who_did_what_and_holds_only_the_team(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    admin, token = admin_of(team)
    admin.set_enabled(token, user_id(team, "practitioner"), False)
    lines, total = admin.audit_log(token, AuditFilter())
    assert total == len(lines) and lines == sorted(lines, key=lambda x: x.at, reverse=True)
    first = lines[0]
    assert (first.who, first.what, first.detail) == (
        team.emails["admin"],
        "Disabled an account",
        f"target: {team.emails['practitioner']}",
    )
    assert {"Added an account", "Tablet enrolled", "Signed in"} <= {x.what for x in lines}
    assert not {other.emails["admin"], other.emails["supervisor"]} & {x.who for x in lines}


def test_filters_by_person_family_action_and_uk_dates(team: PortalTeam):
    family_id, baby_id = team.family("Okafor")
    team.visit(family_id, baby_id, **ESCALATED)
    sup = Portal(team.engine)
    sup_token = sup.sign_in(team.emails["supervisor"], "a long enough password")
    sup.chronology(sup_token, family_id)
    admin, token = admin_of(team)
    by_sup, _ = admin.audit_log(token, AuditFilter(user=team.emails["supervisor"].upper()))
    assert {x.who for x in by_sup} == {team.emails["supervisor"]}
    assert [x.action for x in by_sup][:2] == ["family.chronology_view", "signin.success"]
    of_family, n = admin.audit_log(token, AuditFilter(family=str(family_id)))
    assert (
        n == 1
        and of_family[0].family == "Okafor family"
        and of_family[0].what == "Looked at a family's chronology"
    )
    signins, _ = admin.audit_log(token, AuditFilter(action="signin.success"))
    assert {x.action for x in signins} == {"signin.success"} and len(signins) >= 2
    today = dt.datetime.now(dt.UTC).date()
    assert (
        admin.audit_log(
            token, AuditFilter(start=today - dt.timedelta(days=1), end=today + dt.timedelta(days=1))
        )[1]
        > 0
    )
    assert admin.audit_log(token, AuditFilter(end=today - dt.timedelta(days=2)))[1] == 0
    assert "signin.success" in admin.audit_actions(token)


@pytest.mark.parametrize(
    ("flt", "words"),
    [
        (AuditFilter(user="nobody@example.org"), "user: no account nobody@example.org in your team"),
        (AuditFilter(family="Okafor"), "family: 'Okafor' is not a family id"),
        (AuditFilter(start=dt.date(2026, 2, 2), end=dt.date(2026, 2, 1)), "from: must be on or before to"),
    ],
)
def test_a_wrong_filter_names_the_field(team: PortalTeam, flt: AuditFilter, words: str):
    admin, token = admin_of(team)
    with pytest.raises(AccountError, match=re.escape(words)):
        admin.audit_log(token, flt)


def test_another_teams_person_is_not_a_filter_here(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    admin, token = admin_of(team)
    with pytest.raises(AccountError, match="user: no account"):
        admin.audit_log(token, AuditFilter(user=other.emails["admin"]))


def test_pages_hold_at_most_a_page_and_together_every_entry(team: PortalTeam):
    with Session(team.engine) as s:
        s.add_all(
            AuditEvent(at=dt.datetime.now(dt.UTC), team_id=team.id, action="test.filler", detail="{}")
            for _ in range(PAGE_SIZE + 5)
        )
        s.commit()
    admin, token = admin_of(team)
    first, total = admin.audit_log(token, AuditFilter(action="test.filler"))
    second, _ = admin.audit_log(token, AuditFilter(action="test.filler", page=1))
    assert (len(first), len(second), total) == (PAGE_SIZE, 5, PAGE_SIZE + 5)


def test_looking_at_the_log_is_audited_with_the_admin(team: PortalTeam):
    admin, token = admin_of(team)
    admin.audit_log(token, AuditFilter(action="signin.success", page=0))
    assert ("audit.view", {"filtered": 1, "page": 0}) in audited(team, user_id(team, "admin"), "audit.")
    lines, _ = admin.audit_log(token, AuditFilter(action="audit.view"))
    assert lines[0].who == team.emails["admin"]


@pytest.mark.parametrize("role", ["supervisor", "practitioner"])
def test_a_supervisor_or_practitioner_gets_not_found(team: PortalTeam, role: str):
    admin, token = admin_of(team, role)
    with pytest.raises(NotFound):
        admin.audit_log(token, AuditFilter())
    with pytest.raises(NotFound):
        admin.audit_actions(token)
    with Session(team.engine) as s:
        assert not s.scalars(
            sa.select(col(AuditEvent.id)).where(
                col(AuditEvent.action) == "audit.view", col(AuditEvent.user_id) == user_id(team, role)
            )
        ).all()
