"""A sync for the app: one typed result in plain words, never an exception."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from app.store import Store, get_sync_value
from app.sync.errors import SyncError
from app.sync.run import LAST_SYNC, Progress, pending_count, quarantined_count, sync_now

log = logging.getLogger("app.sync")


@dataclass(frozen=True)
class SyncResult:
    """What the Settings screen shows after a sync (or when asked for the sync status)."""

    ok: bool
    summary: str  # plain words, e.g. "Sent 3 records, received 12."
    pending: int  # changes still waiting to be sent
    quarantined: int  # received changes this device could not apply (kept; shown in Settings)
    last_sync: dt.datetime | None  # the last sync that finished
    problems: tuple[str, ...] = ()


def _last_sync(store: Store) -> dt.datetime | None:
    with store.session() as s:
        text = get_sync_value(session=s, key=LAST_SYNC)
    return dt.datetime.fromisoformat(text) if text else None


def sync_status(*, store: Store) -> SyncResult:
    """The device's sync state without syncing."""
    pending = pending_count(store)
    words = f"{pending} change(s) waiting to be sent." if pending else "Everything is sent."
    return SyncResult(True, words, pending, quarantined_count(store), _last_sync(store))


def run_sync(
    *, store: Store, on_progress: Progress | None = None, batch_size: int = 500, pull_limit: int = 500
) -> SyncResult:
    """Push, then pull; every failure comes back as a SyncResult with the reason in plain words."""
    problems: tuple[str, ...] = ()
    try:
        s = sync_now(store=store, on_progress=on_progress, batch_size=batch_size, pull_limit=pull_limit)
    except SyncError as exc:
        ok, words = False, f"Sync did not finish: {exc}"
    except Exception as exc:  # never a crash in the app; details withheld (may hold personal data)
        log.error("sync failed unexpectedly: %s", type(exc).__name__)
        ok, words = False, "Sync did not finish because of an unexpected error; your records are safe here."
    else:
        parts = [f"Sent {s.pushed}", f"received {s.pulled}"]
        if s.conflicts:
            parts.append(f"{s.conflicts} conflict(s) to resolve")
        if s.rejected:
            parts.append(f"{s.rejected} refused by the server")
        if s.quarantined:
            parts.append(f"{s.quarantined} received change(s) could not be used here")
        ok, words, problems = True, ", ".join(parts) + ".", tuple(s.problems)
    return SyncResult(ok, words, pending_count(store), quarantined_count(store), _last_sync(store), problems)
