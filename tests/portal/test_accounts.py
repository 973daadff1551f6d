"""People at base: passwords hashed with argon2, lockout after 5 wrong passwords, idle sessions."""

from __future__ import annotations

import datetime as dt
import logging
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import AuditEvent
from app.server.portal.accounts import NotSignedIn, SignInRefused, disable_user, reset_password, user_by_email
from app.server.portal.service import Portal
from app.server.portal.tables import PortalSession
from tests.portal.helpers import PASSWORD, PortalTeam


def _actions(team: PortalTeam, user_id: uuid.UUID) -> list[str]:
    with Session(team.engine) as s:
        return list(
            s.scalars(
                sa.select(col(AuditEvent.action))
                .where(col(AuditEvent.user_id) == user_id)
                .order_by(col(AuditEvent.id))
            )
        )


def _user_id(team: PortalTeam, role: str) -> uuid.UUID:
    with Session(team.engine) as s:
        return user_by_email(session=s, email=team.emails[role]).id


def test_passwords_are_stored_only_as_argon2_hashes(team: PortalTeam):
    with Session(team.engine) as s:
        user = user_by_email(session=s, email=team.emails["supervisor"])
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_five_wrong_passwords_lock_the_account_even_against_the_right_password(
    team: PortalTeam, caplog: pytest.LogCaptureFixture
):
    portal, email = Portal(team.engine), team.emails["supervisor"]
    caplog.set_level(logging.DEBUG)
    refusals = []
    for _ in range(5):
        with pytest.raises(SignInRefused) as refused:
            portal.sign_in(email, "wrong password here")
        refusals.append(refused.value)
    assert [r.locked for r in refusals] == [False] * 4 + [True]
    assert "1 attempt left" in refusals[3].message
    assert "locked after 5 wrong passwords" in refusals[4].message and "15 minutes" in refusals[4].message
    with pytest.raises(SignInRefused) as refused:
        portal.sign_in(email, PASSWORD)
    assert refused.value.locked
    actions = _actions(team, _user_id(team, "supervisor"))
    assert actions[-7:] == ["signin.failure"] * 5 + ["signin.lockout", "signin.locked"]
    assert PASSWORD not in caplog.text and "wrong password here" not in caplog.text


def test_an_unknown_email_is_refused_with_the_same_words_as_a_wrong_password(team: PortalTeam):
    portal = Portal(team.engine)
    with pytest.raises(SignInRefused) as unknown:
        portal.sign_in("nobody@example.org", PASSWORD)
    with pytest.raises(SignInRefused) as wrong:
        portal.sign_in(team.emails["practitioner"], "not the password at all")
    assert unknown.value.message.split(".")[0] == wrong.value.message.split(".")[0]


def test_a_session_ends_after_15_idle_minutes_and_each_use_restarts_the_clock(team: PortalTeam):
    portal = Portal(team.engine)
    token = portal.sign_in(team.emails["supervisor"], PASSWORD)
    assert portal.person(token).role == "supervisor"

    def idle(minutes: int) -> None:
        with Session(team.engine) as s:
            s.execute(
                sa.update(PortalSession)
                .where(col(PortalSession.user_id) == _user_id(team, "supervisor"))
                .values(last_seen=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes))
            )
            s.commit()

    idle(14)
    assert portal.person(token).email == team.emails["supervisor"]
    idle(16)
    with pytest.raises(NotSignedIn):
        portal.person(token)
    assert "session.expired" in _actions(team, _user_id(team, "supervisor"))


def test_a_reset_password_unlocks_and_a_disabled_account_cannot_sign_in(team: PortalTeam):
    portal, email = Portal(team.engine), team.emails["practitioner"]
    token = portal.sign_in(email, PASSWORD)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            portal.sign_in(email, "wrong password here")
    with Session(team.engine) as s:
        reset_password(session=s, user=user_by_email(session=s, email=email), password="a new long password")
        s.commit()
    with pytest.raises(NotSignedIn):  # the reset ended the earlier session
        portal.person(token)
    token = portal.sign_in(email, "a new long password")
    with Session(team.engine) as s:
        disable_user(session=s, user=user_by_email(session=s, email=email))
        s.commit()
    with pytest.raises(NotSignedIn):
        portal.person(token)
    with pytest.raises(SignInRefused) as refused:
        portal.sign_in(email, "a new long password")
    assert "disabled" in refused.value.message
