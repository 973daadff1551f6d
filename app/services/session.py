"""Opening and closing the encrypted device store: first launch, unlock (with a growing delay
after wrong passphrases, kept on disk so a reload or restart does not reset it) and lock."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from app.store import Store, create_store, load_demo, open_store
from app.store import WrongPassphrase as StoreWrongPassphrase
from app.store import store_exists as _store_exists

ATTEMPTS_FILE = "unlock-attempts.json"
FREE_ATTEMPTS = 3  # wrong passphrases allowed before the first wait
MAX_WAIT_S = 300.0
Clock = Callable[[], float]


class WrongPassphrase(Exception):
    """The passphrase does not open the store; `wait_s` is how long before the next try."""

    def __init__(self, wait_s: float) -> None:
        super().__init__("wrong passphrase")
        self.wait_s = wait_s


class TooSoon(Exception):
    """Too many wrong passphrases: wait `wait_s` seconds before trying again."""

    def __init__(self, wait_s: float) -> None:
        super().__init__(f"wait {wait_s:.0f} s")
        self.wait_s = wait_s


def store_exists(*, home: Path) -> bool:
    return _store_exists(home=home)


def create(*, home: Path, passphrase: str, practitioner: str, team: str, demo: bool) -> Store:
    """Create the encrypted store (and the demo caseload when asked)."""
    store = create_store(home=home, passphrase=passphrase, practitioner_name=practitioner, team_name=team)
    if demo:
        load_demo(store=store)
    return store


def wait_after(failures: int) -> float:
    """Seconds to wait after this many wrong passphrases in a row: 0, 0, 2, 4, 8 ... 300."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failures - FREE_ATTEMPTS + 1), MAX_WAIT_S)


def _read_attempts(home: Path) -> tuple[int, float]:
    try:
        data = json.loads((Path(home) / ATTEMPTS_FILE).read_text())
        return int(data["failures"]), float(data["last"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0


def _write_attempts(home: Path, failures: int, last: float) -> None:
    path = Path(home) / ATTEMPTS_FILE
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump({"failures": failures, "last": last}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def seconds_to_wait(*, home: Path, now: Clock = time.time) -> float:
    """How long before the passphrase may be tried again (0 when it may be tried now)."""
    failures, last = _read_attempts(home)
    wait = wait_after(failures)
    if wait == 0:
        return 0.0
    elapsed = now() - last
    if elapsed < 0:  # the clock went back: the wait starts again rather than ending early
        return wait
    return max(0.0, wait - elapsed)


def unlock(*, home: Path, passphrase: str, now: Clock = time.time) -> Store:
    """Open the store; TooSoon while a wait is running, WrongPassphrase (with the next wait) else."""
    wait = seconds_to_wait(home=home, now=now)
    if wait > 0:
        raise TooSoon(wait)
    try:
        store = open_store(home=home, passphrase=passphrase)
    except StoreWrongPassphrase:
        failures = _read_attempts(home)[0] + 1
        _write_attempts(home, failures, now())
        raise WrongPassphrase(wait_after(failures)) from None
    if _read_attempts(home)[0]:
        _write_attempts(home, 0, now())
    return store


def close(*, store: Store) -> None:
    store.close()
