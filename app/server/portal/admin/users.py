"""The team's people, for its administrator: list, add, disable and enable, reset a password.

The same account functions as `safesleep server add-user | disable-user | enable-user |
reset-password`; here the password is made by the server and shown to the admin once.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.auth import CODE_ALPHABET
from app.server.models import utcnow
from app.server.portal import accounts
from app.server.portal.accounts import AccountError, Person
from app.server.portal.admin import require_admin
from app.server.portal.queue import NotFound
from app.server.portal.tables import PortalUser

TEMPORARY_GROUPS = 4  # XXXX-XXXX-XXXX-XXXX: 16 letters and digits (80 bits), easy to read out


@dataclass(frozen=True)
class UserRow:
    id: uuid.UUID
    email: str
    name: str
    role: str
    state: str  # active, disabled or locked
    locked_until: dt.datetime | None


@dataclass(frozen=True)
class Issued:
    """A new password, shown once: the server keeps only its argon2 hash."""

    email: str
    password: str


def temporary_password() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(4 * TEMPORARY_GROUPS))
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _state(user: PortalUser, now: dt.datetime) -> str:
    if user.disabled_at is not None:
        return "disabled"
    locked = user.locked_until
    if locked is not None and (locked if locked.tzinfo else locked.replace(tzinfo=dt.UTC)) > now:
        return "locked"
    return "active"


def team_users(*, session: Session, person: Person) -> list[UserRow]:
    """Everyone in the admin's team, by email."""
    require_admin(person)
    now = utcnow()
    users = session.scalars(
        sa.select(PortalUser).where(col(PortalUser.team_id) == person.team_id).order_by(col(PortalUser.email))
    ).all()
    return [UserRow(u.id, u.email, u.name, u.role, _state(u, now), u.locked_until) for u in users]


def member(session: Session, person: Person, user_id: uuid.UUID) -> PortalUser:
    require_admin(person)
    try:
        return accounts.user_in_team(session=session, team_id=person.team_id, user_id=user_id)
    except AccountError:
        raise NotFound(f"user {user_id}: not found in your team") from None


def add_team_user(*, session: Session, person: Person, email: str, role: str, name: str = "") -> Issued:
    """A new account in the admin's team with a temporary password (returned once)."""
    require_admin(person)
    password = temporary_password()
    user = accounts.add_user(
        session=session,
        email=email,
        team_id=person.team_id,
        role=role,
        password=password,
        name=name.strip() or None,
        by=person.user_id,
    )
    return Issued(user.email, password)


def set_enabled(*, session: Session, person: Person, user_id: uuid.UUID, enabled: bool) -> str:
    """Disable (its sessions end now) or enable an account; returns its email."""
    user = member(session, person, user_id)
    if enabled:
        accounts.enable_user(session=session, user=user, by=person.user_id)
    else:
        if user.id == person.user_id:
            raise AccountError("account: you cannot disable your own account; ask another administrator")
        accounts.disable_user(session=session, user=user, by=person.user_id)
    return user.email


def reset_team_password(*, session: Session, person: Person, user_id: uuid.UUID) -> Issued:
    """A new temporary password (shown once); unlocks the account and ends its sessions."""
    user = member(session, person, user_id)
    if user.id == person.user_id:  # it would end this very session before the password is read
        raise AccountError(
            "account: you cannot reset your own password here; ask another administrator "
            "(or use safesleep server reset-password on the server)"
        )
    password = temporary_password()
    accounts.reset_password(session=session, user=user, password=password, by=person.user_id)
    return Issued(user.email, password)
