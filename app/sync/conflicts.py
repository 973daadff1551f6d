"""Field conflicts on this device: list them, and resolve one (on the server, then here)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlmodel import col, select

from app.store import Store, get_sync_value
from app.store.ids import utcnow
from app.store.models import SyncConflict
from app.sync.client import ServerClient
from app.sync.errors import NotEnrolled


def list_conflicts(*, store: Store, include_resolved: bool = False) -> list[SyncConflict]:
    """Conflicts this device received, oldest first (both values kept on each)."""
    with store.session() as s:
        q = select(SyncConflict).order_by(col(SyncConflict.created))
        if not include_resolved:
            q = q.where(col(SyncConflict.resolved_at).is_(None))
        return list(s.exec(q).all())


def resolve_conflict(
    *,
    store: Store,
    conflict_id: uuid.UUID,
    value: Any,
    resolved_by: str | None = None,
    http: httpx.Client | None = None,
) -> int:
    """Send the value a person chose to the server; record it here. Returns the new server
    version of the record (the next sync pulls it). Raises SyncError if the server refuses."""
    with store.session() as s:
        url, token = (get_sync_value(session=s, key="server_url"), get_sync_value(session=s, key="token"))
    if not url or not token:
        raise NotEnrolled()
    client = ServerClient(url, token, http=http)
    try:
        answer = client.resolve(str(conflict_id), value)
    finally:
        client.close()
    with store.unit_of_work() as uow:
        row = uow.session.get(SyncConflict, conflict_id)
        if row is not None:
            row.resolved_value = value
            row.resolved_by = resolved_by or store.practitioner.name
            row.resolved_at = utcnow()
            uow.session.add(row)
        uow.commit()
    return int(answer["version"])
