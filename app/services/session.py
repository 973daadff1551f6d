"""Opening and closing the encrypted device store (first launch, unlock, lock)."""

from __future__ import annotations

from pathlib import Path

from app.store import Store, create_store, load_demo, open_store
from app.store import WrongPassphrase as StoreWrongPassphrase
from app.store import store_exists as _store_exists


class WrongPassphrase(Exception):
    """The passphrase does not open the store."""


def store_exists(*, home: Path) -> bool:
    return _store_exists(home=home)


def create(*, home: Path, passphrase: str, practitioner: str, team: str, demo: bool) -> Store:
    """Create the encrypted store (and the demo caseload when asked)."""
    store = create_store(home=home, passphrase=passphrase, practitioner_name=practitioner, team_name=team)
    if demo:
        load_demo(store=store)
    return store


def unlock(*, home: Path, passphrase: str) -> Store:
    try:
        return open_store(home=home, passphrase=passphrase)
    except StoreWrongPassphrase:
        raise WrongPassphrase("wrong passphrase") from None


def close(*, store: Store) -> None:
    store.close()
