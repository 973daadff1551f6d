"""Sync with the team server: one run, its progress and its result."""

from __future__ import annotations

from collections.abc import Callable

from app.store import Store
from app.sync import SyncError, SyncSummary
from app.sync import sync_now as run_sync


class SyncFailed(Exception):
    """Sync could not finish (nothing on the device was lost); the message says why."""


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
        raise SyncFailed(str(exc)) from None
