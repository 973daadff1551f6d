"""People at base: accounts with roles, argon2 passwords, sign-in with lockout, idle-expiring sessions."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import Team, utcnow
from app.server.portal.audit import audit_person
from app.server.portal.tables import PortalSession, PortalUser

if TYPE_CHECKING:
    from pwdlib import PasswordHash

MAX_FAILURES = 5
LOCK_MINUTES = 15
IDLE_MINUTES = 15
MIN_PASSWORD = 12
MAX_PASSWORD = 1000


class Role(StrEnum):
    practitioner = "practitioner"
    supervisor = "supervisor"
    admin = "admin"


ROLES = tuple(r.value for r in Role)
REVIEWERS = (Role.supervisor.value, Role.admin.value)


class AccountError(ValueError):
    """A request a person can correct; the message names the field and what is allowed."""


class SignInRefused(Exception):
    """Sign-in failed; `message` is safe to show (never says whether the email exists)."""

    def __init__(self, message: str, *, locked: bool = False) -> None:
        super().__init__(message)
        self.message, self.locked = message, locked


class NotSignedIn(Exception):
    """No session, or it ended or expired: sign in again."""


@dataclass(frozen=True)
class Person:
    """The signed-in person as every portal service sees them."""

    user_id: uuid.UUID
    team_id: uuid.UUID
    team_name: str
    email: str
    name: str
    role: str

    @property
    def reviews(self) -> bool:
        return self.role in REVIEWERS

    @property
    def is_admin(self) -> bool:
        return self.role == Role.admin.value


@cache
def _hasher() -> PasswordHash:
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    from app.settings import get_settings

    cost = get_settings()
    return PasswordHash((Argon2Hasher(time_cost=cost.argon2_time_cost, memory_cost=cost.argon2_memory_kib),))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, stored: str) -> bool:
    return _hasher().verify(password, stored)


# A real hash to verify against when the email is unknown: the same work, so timing says nothing.
@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: must be at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"password: must be at most {MAX_PASSWORD} characters")


def _check_email(email: str) -> str:
    email = normalise_email(email)
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or " " in email or len(email) > 254:
        raise AccountError(f"email: {email!r} is not an email address (name@example.org)")
    return email


def add_user(
    *,
    session: Session,
    email: str,
    team_id: uuid.UUID,
    role: str,
    password: str,
    name: str | None = None,
    by: uuid.UUID | None = None,
) -> PortalUser:
    """A new account in `team_id` with `role` (practitioner, supervisor or admin)."""
    email = _check_email(email)
    if role not in ROLES:
        raise AccountError(f"role: {role!r} is not allowed; use one of: {', '.join(ROLES)}")
    check_password(password)
    if session.scalar(sa.select(col(PortalUser.id)).where(col(PortalUser.email) == email)) is not None:
        raise AccountError(f"email: an account for {email} already exists")
    user = PortalUser(
        id=uuid.uuid4(),
        team_id=team_id,
        email=email,
        name=(name or email.split("@")[0]).strip()[:200],
        role=role,
        password_hash=hash_password(password),
        created=utcnow(),
    )
    session.add(user)
    session.flush()
    audit_person(
        session=session,
        action="user.add",
        team_id=team_id,
        user_id=by or user.id,
        role=role,
        target=str(user.id),
    )
    return user


def user_by_email(*, session: Session, email: str) -> PortalUser:
    user = session.scalar(sa.select(PortalUser).where(col(PortalUser.email) == normalise_email(email)))
    if user is None:
        raise AccountError(f"EMAIL: no account for {normalise_email(email)}")
    return user


def user_in_team(*, session: Session, team_id: uuid.UUID, user_id: uuid.UUID) -> PortalUser:
    user = session.get(PortalUser, user_id)
    if user is None or user.team_id != team_id:
        raise AccountError(f"user: no account {user_id} in your team")
    return user


def _end_sessions(session: Session, user_id: uuid.UUID) -> None:
    session.execute(
        sa.update(PortalSession)
        .where(col(PortalSession.user_id) == user_id, col(PortalSession.ended_at).is_(None))
        .values(ended_at=utcnow())
    )


def reset_password(*, session: Session, user: PortalUser, password: str, by: uuid.UUID | None = None) -> None:
    """Set a new password, unlock the account and end its sessions."""
    check_password(password)
    user.password_hash = hash_password(password)
    user.failed_attempts, user.locked_until = 0, None
    _end_sessions(session, user.id)
    audit_person(
        session=session,
        action="user.reset_password",
        team_id=user.team_id,
        user_id=by or user.id,
        target=str(user.id),
    )


def disable_user(*, session: Session, user: PortalUser, by: uuid.UUID | None = None) -> None:
    """Stop an account signing in (its records and audit stay); its sessions end now."""
    if user.disabled_at is None:
        user.disabled_at = utcnow()
    _end_sessions(session, user.id)
    audit_person(
        session=session,
        action="user.disable",
        team_id=user.team_id,
        user_id=by or user.id,
        target=str(user.id),
    )


def enable_user(*, session: Session, user: PortalUser, by: uuid.UUID | None = None) -> None:
    """Let a disabled account sign in again (with the password it had)."""
    user.disabled_at = None
    audit_person(
        session=session,
        action="user.enable",
        team_id=user.team_id,
        user_id=by or user.id,
        target=str(user.id),
    )


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


WRONG = "Email or password: not recognised. Check both and try again."


def sign_in(*, session: Session, email: str, password: str) -> str:
    """Check the password; return a new session token. Raises SignInRefused (audited either way).

    After MAX_FAILURES wrong passwords in a row the account is locked for LOCK_MINUTES, even
    against the right password.
    """
    now = utcnow()
    user = session.scalar(
        sa.select(PortalUser).where(col(PortalUser.email) == normalise_email(email)).with_for_update()
    )
    if user is None:
        verify_password(password, _dummy_hash())
        audit_person(session=session, action="signin.unknown")
        raise SignInRefused(WRONG)
    if user.locked_until is not None and _aware(user.locked_until) > now:
        audit_person(session=session, action="signin.locked", team_id=user.team_id, user_id=user.id)
        raise SignInRefused(_locked_message(_aware(user.locked_until), now), locked=True)
    if user.disabled_at is not None:
        verify_password(password, user.password_hash)
        audit_person(session=session, action="signin.disabled", team_id=user.team_id, user_id=user.id)
        raise SignInRefused("This account is disabled. Ask your team administrator.")
    if not verify_password(password, user.password_hash):
        user.failed_attempts += 1
        audit_person(
            session=session,
            action="signin.failure",
            team_id=user.team_id,
            user_id=user.id,
            attempt=user.failed_attempts,
        )
        if user.failed_attempts >= MAX_FAILURES:
            user.locked_until, user.failed_attempts = now + dt.timedelta(minutes=LOCK_MINUTES), 0
            audit_person(session=session, action="signin.lockout", team_id=user.team_id, user_id=user.id)
            raise SignInRefused(_locked_message(user.locked_until, now), locked=True)
        left = MAX_FAILURES - user.failed_attempts
        raise SignInRefused(f"{WRONG} {left} attempt{'s' if left != 1 else ''} left before a 15-minute lock.")
    user.failed_attempts, user.locked_until = 0, None
    token = secrets.token_urlsafe(32)
    session.add(PortalSession(token_hash=_token_hash(token), user_id=user.id, created=now, last_seen=now))
    audit_person(session=session, action="signin.success", team_id=user.team_id, user_id=user.id)
    return token


def _locked_message(until: dt.datetime, now: dt.datetime) -> str:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return (
        f"This account is locked after {MAX_FAILURES} wrong passwords. "
        f"Try again in {minutes} minute{'s' if minutes != 1 else ''}, or ask your administrator."
    )


def current_person(*, session: Session, token: str | None, touch: bool = True) -> Person:
    """The person of a live session; each use restarts the idle clock. Raises NotSignedIn."""
    if not token:
        raise NotSignedIn
    now = utcnow()
    row = session.execute(
        sa.select(PortalSession, PortalUser, col(Team.name))
        .join(PortalUser, col(PortalUser.id) == col(PortalSession.user_id))
        .join(Team, col(Team.id) == col(PortalUser.team_id))
        .where(col(PortalSession.token_hash) == _token_hash(token))
    ).first()
    if row is None:
        raise NotSignedIn
    live, user, team_name = row
    if live.ended_at is not None or user.disabled_at is not None:
        raise NotSignedIn
    if now - _aware(live.last_seen) > dt.timedelta(minutes=IDLE_MINUTES):
        live.ended_at = now
        audit_person(session=session, action="session.expired", team_id=user.team_id, user_id=user.id)
        session.commit()
        raise NotSignedIn
    if touch:
        live.last_seen = now
    return Person(user.id, user.team_id, team_name, user.email, user.name, user.role)


def sign_out(*, session: Session, token: str) -> None:
    live = session.get(PortalSession, _token_hash(token))
    if live is not None and live.ended_at is None:
        live.ended_at = utcnow()
        user = session.get(PortalUser, live.user_id)
        audit_person(
            session=session, action="signout", team_id=user.team_id if user else None, user_id=live.user_id
        )
