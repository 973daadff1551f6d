"""Settings -> "Link to team server": enrolment, sync, and what waits to be sent, in plain words."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Protocol

import flet as ft

from app.services import sync
from app.store import Store
from app.ui.presenters import pending_words, sync_error_words, sync_words, when_words


class StoreSource(Protocol):
    @property
    def store(self) -> Store: ...


@ft.observable
@dataclass
class SyncState:
    """What the sync section shows; `source` gives the open store (it raises when locked)."""

    source: StoreSource
    linked: bool = False
    server_address: str = ""
    team_name: str = ""
    pending: str = ""
    rejected: int = 0
    quarantined: int = 0
    last_sync: str = ""
    result: str = ""
    result_tone: str = "info"
    errors: dict[str, str] = field(default_factory=dict)
    progress: float | None = None
    syncing: bool = False

    def refresh(self) -> None:
        s = sync.status(store=self.source.store)
        self.linked, self.server_address, self.team_name = s.linked, s.server_address, s.team_name
        self.pending, self.rejected, self.quarantined = pending_words(s.pending), s.rejected, s.quarantined
        self.last_sync = when_words(s.last_sync)

    def forget(self) -> None:
        """On lock: drop the words shown (the next unlock refreshes them)."""
        self.result, self.errors, self.progress, self.syncing = "", {}, None, False

    def _check(self, address: str, code: str) -> tuple[str, str] | None:
        address, code = address.strip().rstrip("/"), "".join(code.split())
        errors: dict[str, str] = {}
        if not address.startswith(("http://", "https://")):
            errors["server_address"] = (
                "Team server address: must start with http:// or https://, such as https://base.example.nhs.uk"
            )
        if not code:
            errors["code"] = "Enrolment code: enter the one-time code your administrator gave you"
        self.errors = errors
        return None if errors else (address, code)

    async def link(self, address: str, code: str) -> bool:
        """Enrol this tablet with the team server (the code works once)."""
        checked = self._check(address, code)
        if checked is None:
            return False
        self.syncing, self.result = True, "Linking to the team server..."
        try:
            team = await asyncio.to_thread(
                sync.link, store=self.source.store, server_address=checked[0], code=checked[1]
            )
        except sync.SyncFailed as exc:
            self.result, self.result_tone = f"Not linked. {sync_error_words(exc.cause)}", "danger"
            return False
        finally:
            self.syncing = False
        self.result, self.result_tone = f"Linked to {team or 'the team server'}. Now press Sync.", "good"
        self.refresh()
        return True

    async def sync(self) -> bool:
        """Send what is waiting and bring back the team's changes, showing progress."""
        if not self.linked:
            self.result, self.result_tone = (
                "Link this tablet to the team server first (address and enrolment code).",
                "warning",
            )
            return False
        loop = asyncio.get_running_loop()
        self.syncing, self.progress, self.result, self.result_tone = True, None, "Syncing...", "info"

        def progress(fraction: float | None) -> None:
            loop.call_soon_threadsafe(setattr, self, "progress", fraction)

        before = sync.status(store=self.source.store).pending
        try:
            summary = await asyncio.to_thread(sync.sync_now, store=self.source.store, on_progress=progress)
        except sync.SyncFailed as exc:
            self.result, self.result_tone = f"Sync did not finish. {sync_error_words(exc.cause)}", "danger"
            return False
        finally:
            self.syncing, self.progress = False, None
            self.refresh()
        after = sync.status(store=self.source.store).pending
        sent = {entity: n - after.get(entity, 0) for entity, n in before.items()}
        tone = "warning" if summary.rejected or summary.quarantined else "good"
        self.result, self.result_tone = sync_words(summary, sent), tone
        return True
