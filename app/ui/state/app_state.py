"""The app's session state: set-up, unlock and lock (idle, reload, button), and the settings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import flet as ft

from app.services import session, settings
from app.services.problems import AnswerError
from app.store import Store

MIN_PASSPHRASE = 8
LOCKED_IDLE = "Locked after {n} without use."
LOCKED_DISCONNECTED = "Locked because the page was reloaded or the connection dropped."
LOCKED_BY_YOU = "Locked."
Clock = Callable[[], float]


def wait_words(seconds: float) -> str:
    s = max(1, round(seconds))
    return f"{s} second{'s' * (s != 1)}" if s < 90 else f"{round(s / 60)} minutes"


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
    team_phone: str = ""
    idle_lock_minutes: int = settings.IDLE_LOCK_DEFAULT
    idle_lock_seconds: int | None = None  # overrides the minutes (SAFESLEEP_IDLE_LOCK_SECONDS: tests)
    lock_reason: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    message: str = ""
    busy: str = ""
    _store: Store | None = field(default=None, repr=False)
    _clock: Clock = field(default=time.monotonic, repr=False)
    _last_activity: float = field(default=0.0, repr=False)  # private: touching never re-renders
    _on_lock: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.phase = "locked" if session.store_exists(home=self.home) else "setup"
        self._last_activity = self._clock()

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is locked: unlock it first")
        return self._store

    # ------------------------------------------------------------------ first launch
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

    # ------------------------------------------------------------------ unlock and lock
    def unlock(self, passphrase: str) -> bool:
        """Open the store, or say next to the field why not (and how long to wait)."""
        if not passphrase:
            self.errors = {"passphrase": "Passphrase: enter your passphrase"}
            return False
        try:
            self._store = session.unlock(home=self.home, passphrase=passphrase)
        except session.TooSoon as exc:
            self.errors = {
                "passphrase": f"Too many wrong passphrases: wait {wait_words(exc.wait_s)} and try again"
            }
            return False
        except session.WrongPassphrase as exc:
            wait = f" Wait {wait_words(exc.wait_s)} before the next try." if exc.wait_s else ""
            self.errors = {"passphrase": f"Wrong passphrase: the store could not be unlocked.{wait}"}
            return False
        self.errors = {}
        self._opened()
        return True

    def _opened(self) -> None:
        self._load_settings()
        self.lock_reason, self.message = "", ""
        self.touch()
        self.phase = "open"

    def on_lock(self, listener: Callable[[], None]) -> None:
        """Call `listener` whenever the store locks (screens' state forgets what it held)."""
        self._on_lock.append(listener)

    def lock(self, reason: str = LOCKED_BY_YOU) -> None:
        """Close the store: the passphrase is needed again. Nothing entered is lost (it is saved)."""
        if self._store is None:
            return
        store, self._store = self._store, None
        session.close(store=store)
        self.errors, self.message = {}, ""
        self.lock_reason = reason
        self.phase = "locked"  # first: screens re-rendered by the listeners below see it locked
        for listener in self._on_lock:
            listener()

    def touch(self) -> None:
        """The practitioner did something: the idle clock starts again."""
        self._last_activity = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_activity

    def idle_limit_seconds(self) -> int:
        return self.idle_lock_seconds or self.idle_lock_minutes * 60

    def lock_if_idle(self) -> bool:
        """Lock when unused for the configured minutes (called every second by the app).

        Any tap, and any key typed into a field, counts as use (see `touch`).
        """
        limit = self.idle_limit_seconds()
        if self._store is not None and self.idle_seconds() >= limit:
            m, sec = divmod(limit, 60)
            words = f"{m} minute{'s' * (m != 1)}" if not sec else f"{limit} second{'s' * (limit != 1)}"
            self.lock(LOCKED_IDLE.format(n=words))
            return True
        return False

    # ------------------------------------------------------------------ settings
    def _load_settings(self) -> None:
        s = settings.get_settings(store=self.store)
        self.practitioner, self.team, self.server_address = (s.practitioner, s.team, s.server_address)
        self.team_phone, self.idle_lock_minutes = s.team_phone, s.idle_lock_minutes

    def save_server_address(self, address: str) -> bool:
        """Settings: the team server address used by sync (empty: not set)."""
        address = address.strip().rstrip("/")
        if address and not address.startswith(("http://", "https://")):
            self.errors = {"server_address": "Team server address: must start with http:// or https://"}
            return False
        settings.save_server_address(store=self.store, address=address)
        self.errors = {}
        self.server_address = address
        self.message = "Server address saved"
        return True

    def save_preferences(self, *, team_phone: str, idle_lock_minutes: str) -> bool:
        """Settings: the team phone (printed on leaflets) and the idle-lock minutes."""
        errors: dict[str, str] = {}
        try:
            phone = settings.save_team_phone(store=self.store, phone=team_phone) or ""
        except AnswerError as exc:
            errors["team_phone"] = f"Team phone: {exc.message}"
            phone = self.team_phone
        try:
            minutes = settings.save_idle_lock_minutes(store=self.store, minutes=idle_lock_minutes)
        except AnswerError as exc:
            errors["idle_lock_minutes"] = f"Lock after: {exc.message}"
            minutes = self.idle_lock_minutes
        self.team_phone, self.idle_lock_minutes = phone, minutes
        self.errors = errors
        self.message = "" if errors else "Settings saved"
        return not errors
