"""Constants and small builders shared by the UI tests."""

from __future__ import annotations

from pathlib import Path

PASSPHRASE = "correct horse battery"


def one_family_store(home: Path, passphrase: str) -> None:
    """A new encrypted store in `home` with the Lewis family and their baby Maya (no visits)."""
    from app.services import families, session

    store = session.create(home=home, passphrase=passphrase, practitioner="Ann", team="Riverside", demo=False)
    try:
        families.create_family(
            store=store,
            name="Lewis family",
            surname="Lewis",
            postcode="SO14 7DU",
            address="",
            baby_name="Maya",
            baby_born="2026-11-01",
        )
    finally:
        store.close()
