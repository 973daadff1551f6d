"""Who is acting: the device's current practitioner, or a named one."""

from __future__ import annotations

from uuid import UUID

from sqlmodel import Session

from app.store.engine import require_write
from app.store.errors import NotFound, StoreError
from app.store.models import DeviceMeta, Practitioner


def current_practitioner(*, session: Session) -> Practitioner:
    """The practitioner this device's store was set up for."""
    meta = session.get(DeviceMeta, "practitioner_id")
    if meta is None:
        raise StoreError("the store has no current practitioner")
    return get_practitioner(session=session, practitioner_id=UUID(meta.value))


def get_practitioner(*, session: Session, practitioner_id: UUID) -> Practitioner:
    row = session.get(Practitioner, practitioner_id)
    if row is None:
        raise NotFound(f"practitioner {practitioner_id}: not found")
    return row


def acting(session: Session, practitioner_id: UUID | None) -> Practitioner:
    """The named practitioner, or the current one when None."""
    if practitioner_id is None:
        return current_practitioner(session=session)
    return get_practitioner(session=session, practitioner_id=practitioner_id)


def add_practitioner(
    *, session: Session, name: str, phone: str | None = None, team_id: UUID | None = None
) -> Practitioner:
    """Add a colleague to this device's team (e.g. from the demo or a sync pull); no commit."""
    require_write(session)
    if team_id is None:
        meta = session.get(DeviceMeta, "team_id")
        if meta is None:
            raise StoreError("the store has no team")
        team_id = UUID(meta.value)
    row = Practitioner(name=name, phone=phone, team_id=team_id)
    session.add(row)
    session.flush()
    return row
