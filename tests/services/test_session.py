"""Unlocking: a growing wait after wrong passphrases, kept on disk across reloads and restarts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.services import session
from app.store import Store
from tests.services.helpers import PASSPHRASE


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_grows_after_three_wrong_passphrases_and_is_capped() -> None:
    assert [session.wait_after(n) for n in range(6)] == [0, 0, 0, 2, 4, 8]
    assert session.wait_after(40) == session.MAX_WAIT_S


def test_wrong_passphrases_make_the_next_try_wait_even_for_the_right_one(home: Path, store: Store) -> None:
    store.close()
    clock = Clock()
    for expected in (0, 0, 2):
        with pytest.raises(session.WrongPassphrase) as wrong:
            session.unlock(home=home, passphrase="not it", now=clock)
        assert wrong.value.wait_s == expected
    with pytest.raises(session.TooSoon) as soon:
        session.unlock(home=home, passphrase=PASSPHRASE, now=clock)
    assert soon.value.wait_s == 2
    clock.now += 2
    session.unlock(home=home, passphrase=PASSPHRASE, now=clock).close()
    assert session.seconds_to_wait(home=home, now=clock) == 0  # a right passphrase starts again


def test_the_count_survives_a_restart_in_a_private_file(home: Path, store: Store) -> None:
    store.close()
    clock = Clock()
    for _ in range(4):
        with pytest.raises((session.WrongPassphrase, session.TooSoon)):
            session.unlock(home=home, passphrase="not it", now=clock)
        clock.now += 10
    path = home / session.ATTEMPTS_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    clock.now += 1  # 4 failures: a 4 s wait from the last one, which is already over
    assert session.seconds_to_wait(home=home, now=clock) == 0
    with pytest.raises(session.WrongPassphrase) as wrong:
        session.unlock(home=home, passphrase="still not it", now=clock)
    assert wrong.value.wait_s == 8
    assert session.seconds_to_wait(home=home, now=clock) == 8  # a new process reads the same file


def test_a_clock_put_back_does_not_end_the_wait_early(home: Path, store: Store) -> None:
    store.close()
    clock = Clock()
    for _ in range(3):
        with pytest.raises(session.WrongPassphrase):
            session.unlock(home=home, passphrase="nope", now=clock)
    clock.now -= 3600
    assert session.seconds_to_wait(home=home, now=clock) == 2
