"""Server audit log: device, team, action and counts. Never names, addresses or visit content."""

from __future__ import annotations

import json
import logging
import uuid

from sqlalchemy.orm import Session

from app.server.models import AuditEvent, utcnow

log = logging.getLogger("safesleep.server")


def audit(
    *,
    session: Session,
    action: str,
    team_id: uuid.UUID | None = None,
    device_id: uuid.UUID | None = None,
    **counts: int | str,
) -> None:
    """Add an audit event to the caller's transaction and log the same line (counts only)."""
    detail = json.dumps(counts, sort_keys=True)
    session.add(AuditEvent(at=utcnow(), team_id=team_id, device_id=device_id, action=action, detail=detail))
    log.info("%s team=%s device=%s %s", action, team_id, device_id, detail)
