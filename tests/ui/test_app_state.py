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


def test_typing_into_a_visit_field_counts_as_activity_though_it_saves_quietly(
    home: Path, store: Store, family_id: str
) -> None:
    from app.services import families, visits

    baby = families.family(store=store, family_id=family_id).babies[0].baby_id
    vid = visits.start_visit(store=store, family_id=family_id, baby_id=baby)
    store.close()
    clock = Clock()
    state = _open(home, clock)
    state.visit.open(state.app.store, vid)
    for text in ("We", "We sl", "We sleep"):  # one key every 4 minutes: never 10 idle minutes
        clock.now += 4 * 60
        state.visit.answer_text("notes.parents_said", text, final=False)
        assert not state.app.lock_if_idle()
    clock.now += 4 * 60
    state.visit.set_routine("holiday", "Travel cot", final=False)  # the plan's text fields too
    clock.now += 9 * 60
    assert not state.app.lock_if_idle()
    clock.now += 60
    assert state.app.lock_if_idle()


def test_a_forms_typed_text_counts_as_activity_and_the_seconds_setting_words_the_lock(home: Path) -> None:
    from app.ui.hooks import TypedText

    touched: list[str] = []
    typed = TypedText({"name": ""}, lambda: touched.append("key"))
    typed["name"] = "Jo"
    assert typed == {"name": "Jo"} and touched == ["key"]

    clock = Clock()
    state = SessionState.start(home=home, demo=False, idle_lock_seconds=5)
    state.app._clock = clock
    assert state.app.set_up(practitioner="Ann", team="Riverside", passphrase=PASSPHRASE, repeat=PASSPHRASE)
    clock.now += 4
    assert not state.app.lock_if_idle()
    clock.now += 1
    assert state.app.lock_if_idle()
    assert state.app.lock_reason == "Locked after 5 seconds without use."
