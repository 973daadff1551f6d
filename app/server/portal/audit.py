"""Audit of what people do and see in the portal: who, which family, what (never content)."""

from __future__ import annotations

import json
import logging
import uuid

from sqlalchemy.orm import Session

from app.server.models import AuditEvent, utcnow

log = logging.getLogger("safesleep.portal")


def audit_person(
    *,
    session: Session,
    action: str,
    team_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    **counts: int | str,
) -> None:
    """Add an audit event to the caller's transaction and log it (ids and counts only)."""
    detail = json.dumps(counts, sort_keys=True)
    session.add(
        AuditEvent(
            at=utcnow(), team_id=team_id, user_id=user_id, family_id=family_id, action=action, detail=detail
        )
    )
    log.info("%s team=%s user=%s family=%s %s", action, team_id, user_id, family_id, detail)
