"""Shared pieces of the admin tests: an admin's signed-in token and the audit trail of a person."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import AuditEvent
from app.server.portal.accounts import user_by_email
from app.server.portal.admin.service import Admin
from app.server.portal.service import Portal
from tests.portal.helpers import PASSWORD, PortalTeam


def admin_of(team: PortalTeam, role: str = "admin") -> tuple[Admin, str]:
    """The admin services and a live session token of the team's person with `role`."""
    portal = Portal(team.engine)
    return Admin(portal), portal.sign_in(team.emails[role], PASSWORD)


def user_id(team: PortalTeam, role: str) -> uuid.UUID:
    with Session(team.engine) as s:
        return user_by_email(session=s, email=team.emails[role]).id


def audited(team: PortalTeam, by: uuid.UUID, prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    """(action, detail) of everything `by` did, oldest first (optionally only actions starting `prefix`)."""
    with Session(team.engine) as s:
        rows = s.execute(
            sa.select(col(AuditEvent.action), col(AuditEvent.detail))
            .where(col(AuditEvent.user_id) == by, col(AuditEvent.action).startswith(prefix))
            .order_by(col(AuditEvent.id))
        ).all()
    return [(a, json.loads(d)) for a, d in rows]
