"""The practitioner's settings kept in the store (server address)."""

from __future__ import annotations

from dataclasses import dataclass

from app.store import Store, get_sync_value, set_sync_value

SERVER_ADDRESS_KEY = "server_url"


@dataclass(frozen=True, slots=True)
class AppSettings:
    practitioner: str
    team: str
    server_address: str


def get_settings(*, store: Store) -> AppSettings:
    with store.session() as s:
        address = get_sync_value(session=s, key=SERVER_ADDRESS_KEY) or ""
    return AppSettings(store.practitioner.name, store.team.name, address)


def save_server_address(*, store: Store, address: str) -> None:
    with store.unit_of_work() as uow:
        set_sync_value(session=uow.session, key=SERVER_ADDRESS_KEY, value=address or None)
        uow.commit()
