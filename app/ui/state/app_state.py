"""The app's session state: set-up, unlock and the practitioner's settings."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import flet as ft

from app.services import session, settings, sync
from app.ui.presenters import sync_words

MIN_PASSPHRASE = 8


@ft.observable
@dataclass
class AppState:
    """One browser session: locked until the passphrase opens the store."""

    home: Path
    demo: bool = False
    phase: str = "locked"  # "setup" (no store yet) | "locked" | "open"
    practitioner: str = ""
    team: str = ""
    server_address: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    message: str = ""
    busy: str = ""
    sync_progress: float | None = None
    sync_message: str = ""
    syncing: bool = False
    _store: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.phase = "locked" if session.store_exists(home=self.home) else "setup"

    @property
    def store(self) -> Any:
        if self._store is None:
            raise RuntimeError("the store is locked: unlock it first")
        return self._store

    def check_set_up(self, *, practitioner: str, team: str, passphrase: str, repeat: str) -> bool:
        """First launch: check the four fields (errors shown next to each)."""
        errors: dict[str, str] = {}
        if not practitioner.strip():
            errors["practitioner"] = "Practitioner name: enter your name"
        if not team.strip():
            errors["team"] = "Team: enter your team's name"
        if len(passphrase) < MIN_PASSPHRASE:
            errors["passphrase"] = f"Passphrase: at least {MIN_PASSPHRASE} characters"
        elif passphrase != repeat:
            errors["repeat"] = "Repeat passphrase: the two passphrases differ"
        self.errors = errors
        return not errors

    def set_up(self, *, practitioner: str, team: str, passphrase: str, repeat: str) -> bool:
        """First launch: check the fields, create the store (and demo caseload), open it."""
        if not self.check_set_up(practitioner=practitioner, team=team, passphrase=passphrase, repeat=repeat):
            return False
        self._create(practitioner, team, passphrase)
        self._opened()
        return True

    async def set_up_async(self, *, practitioner: str, team: str, passphrase: str, repeat: str) -> bool:
        """`set_up` that shows "busy" while the store (and demo) is created off the UI loop."""
        if not self.check_set_up(practitioner=practitioner, team=team, passphrase=passphrase, repeat=repeat):
            return False
        self.busy = (
            "Creating your encrypted store and the demo caseload..."
            if self.demo
            else "Creating your encrypted store..."
        )
        try:
            await asyncio.to_thread(self._create, practitioner, team, passphrase)
        finally:
            self.busy = ""
        self._opened()
        return True

    def _create(self, practitioner: str, team: str, passphrase: str) -> None:
        self._store = session.create(
            home=self.home,
            passphrase=passphrase,
            practitioner=practitioner.strip(),
            team=team.strip(),
            demo=self.demo,
        )

    def _opened(self) -> None:
        self._load_settings()
        self.phase = "open"

    def unlock(self, passphrase: str) -> bool:
        """Later launches: open the store, or say the passphrase is wrong next to the field."""
        if not passphrase:
            self.errors = {"passphrase": "Passphrase: enter your passphrase"}
            return False
        try:
            self._store = session.unlock(home=self.home, passphrase=passphrase)
        except session.WrongPassphrase:
            self.errors = {"passphrase": "Wrong passphrase: the store could not be unlocked"}
            return False
        self.errors = {}
        self._opened()
        return True

    def lock(self) -> None:
        if self._store is not None:
            session.close(store=self._store)
        self._store = None
        self.phase = "locked"

    def _load_settings(self) -> None:
        s = settings.get_settings(store=self.store)
        self.practitioner, self.team, self.server_address = (s.practitioner, s.team, s.server_address)

    def save_server_address(self, address: str) -> bool:
        """Settings: the base server address used by sync (empty: not set)."""
        address = address.strip().rstrip("/")
        if address and not address.startswith(("http://", "https://")):
            self.errors = {"server_address": "Base server address: must start with http:// or https://"}
            return False
        settings.save_server_address(store=self.store, address=address)
        self.errors = {}
        self.server_address = address
        self.message = "Server address saved"
        return True

    def sync(self) -> None:
        """Sync with the base server, showing progress (when this build has the sync client)."""
        if not self.server_address:
            self.errors = {"server_address": "Base server address: enter it before syncing"}
            return
        self.errors = {}
        self.sync_progress, self.sync_message = None, "Syncing..."
        self.syncing = True

        def progress(fraction: float | None) -> None:
            self.sync_progress = fraction

        try:
            self.sync_message = sync_words(sync.sync_now(store=self.store, on_progress=progress))
        except sync.SyncFailed as exc:
            self.sync_message = f"Sync failed: {exc}"
        self.sync_progress, self.syncing = None, False
