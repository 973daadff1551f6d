"""Locking: idle minutes, the Lock button, a reload; what the screens held is forgotten."""

from __future__ import annotations

from pathlib import Path

from app.store import Store
from app.ui.state.app_state import LOCKED_DISCONNECTED
from app.ui.state.session import SessionState
from tests.ui.helpers import PASSPHRASE


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _open(home: Path, clock: Clock) -> SessionState:
    state = SessionState.start(home=home, demo=False)
    state.app._clock = clock  # the test's clock (the app uses time.monotonic)
    assert state.app.unlock(PASSPHRASE)
    return state


def test_the_store_locks_after_the_idle_minutes_and_activity_restarts_them(
    home: Path, store: Store, family_id: str
) -> None:
    store.close()
    clock = Clock()
    state = _open(home, clock)
    assert state.app.idle_lock_minutes == 10
    clock.now += 9 * 60
    state.caseload.search("Okaf")  # a change the practitioner made counts as activity
    clock.now += 9 * 60
    assert not state.app.lock_if_idle()
    clock.now += 60
    assert state.app.lock_if_idle()
    assert state.app.phase == "locked" and state.app.lock_reason == "Locked after 10 minutes without use."
    assert state.caseload.rows == []


def test_a_reload_locks_and_the_open_visit_and_family_are_forgotten(
    home: Path, store: Store, family_id: str
) -> None:
    store.close()
    state = _open(home, Clock())
    state.family.open(family_id)
    state.app.lock(LOCKED_DISCONNECTED)
    assert state.app.phase == "locked" and state.family.card is None and state.visit.visit_id == ""
    assert not state.app.unlock("wrong one")
    assert state.app.errors["passphrase"].startswith("Wrong passphrase")
    assert state.app.unlock(PASSPHRASE) and state.app.phase == "open"
