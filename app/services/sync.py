"""Linking this tablet to the team server (enrolment), syncing, and what is waiting to be sent."""

from __future__ import annotations

import datetime as dt
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import col, func, select

from app.store import Store, get_sync_value
from app.store.models import OpState, OutboxOp
from app.sync import SyncError, SyncSummary, enrol_device
from app.sync import sync_now as run_sync
from app.sync.run import LAST_SYNC, quarantined_count

log = logging.getLogger("app.services.sync")


class SyncFailed(Exception):
    """Sync (or linking) could not finish; nothing on the device was lost. `cause` says why."""

    def __init__(self, cause: SyncError) -> None:
        super().__init__(str(cause))
        self.cause = cause


@dataclass(frozen=True, slots=True)
class SyncStatus:
    linked: bool
    server_address: str
    team_name: str
    pending: dict[str, int]  # entity -> changes waiting to be sent
    rejected: int  # changes the server refused (kept on the device)
    quarantined: int  # changes received that this device could not use (kept, reported to the server)
    last_sync: dt.datetime | None


def status(*, store: Store) -> SyncStatus:
    """Whether this tablet is linked, what waits to be sent and when it last synced."""
    with store.session() as s:
        token = get_sync_value(session=s, key="token")
        address = get_sync_value(session=s, key="server_url") or ""
        team = get_sync_value(session=s, key="team_name") or ""
        last = get_sync_value(session=s, key=LAST_SYNC)
        counts = s.exec(
            select(OutboxOp.entity, OutboxOp.state, func.count())
            .where(col(OutboxOp.state).in_([OpState.pending, OpState.rejected]))
            .group_by(col(OutboxOp.entity), col(OutboxOp.state))
        ).all()
    pending = {e: n for e, state, n in counts if state == OpState.pending}
    rejected = sum(n for _, state, n in counts if state == OpState.rejected)
    return SyncStatus(
        linked=bool(token),
        server_address=address,
        team_name=team,
        pending=pending,
        rejected=rejected,
        quarantined=quarantined_count(store),
        last_sync=dt.datetime.fromisoformat(last) if last else None,
    )


def link(*, store: Store, server_address: str, code: str) -> str:
    """Enrol this tablet with the team server using a one-time code; returns the team's name."""
    device = f"{store.practitioner.name} ({socket.gethostname()})"
    try:
        body = enrol_device(store=store, server_url=server_address, code=code.strip(), device_name=device)
    except SyncError as exc:
        raise SyncFailed(exc) from None
    except Exception as exc:
        log.error("linking failed unexpectedly: %s", type(exc).__name__)
        raise SyncFailed(SyncError("an unexpected error stopped it")) from None
    return str(body.get("team_name") or "")


def sync_now(*, store: Store, on_progress: Callable[[float | None], None]) -> SyncSummary:
    """Run one sync with the team server; SyncFailed with the reason when it cannot finish.

    `on_progress(fraction)` gets 0..1, or None while the total is not known yet.
    """

    def progress(stage: str, done: int, total: int) -> None:
        share = (done / total if total else 0.0) * 0.5
        on_progress((0.5 if stage == "pull" else 0.0) + share if total else None)

    try:
        return run_sync(store=store, on_progress=progress)
    except SyncError as exc:
        raise SyncFailed(exc) from None
    except Exception as exc:  # never a crash in the app; details withheld (they may hold personal data)
        log.error("sync failed unexpectedly: %s", type(exc).__name__)
        raise SyncFailed(SyncError("an unexpected error stopped it")) from None
