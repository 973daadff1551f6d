"""Device side of sync: enrol with the team server, push the outbox, pull the team's changes.

The UI calls `sync_now(store=..., on_progress=...)`; the CLI calls the same function.
"""

from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.errors import (
    AlreadyEnrolled,
    DeviceRevoked,
    NotEnrolled,
    ServerRefused,
    ServerUnreachable,
    SyncError,
)
from app.sync.run import SyncSummary, enrol_device, sync_now
from app.sync.status import SyncResult, run_sync, sync_status

__all__ = [
    "AlreadyEnrolled",
    "DeviceRevoked",
    "NotEnrolled",
    "ServerRefused",
    "ServerUnreachable",
    "SyncError",
    "SyncResult",
    "SyncSummary",
    "enrol_device",
    "list_conflicts",
    "resolve_conflict",
    "run_sync",
    "sync_now",
    "sync_status",
]
