"""The practitioner's settings kept in the store (server address, the team's phone for leaflets)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session

from app.services.problems import AnswerError
from app.store import Store, get_sync_value, set_sync_value

SERVER_ADDRESS_KEY = "server_url"
TEAM_PHONE_KEY = "team_phone"
TEAM_PHONE_MAX = 50
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,}$")


@dataclass(frozen=True, slots=True)
class AppSettings:
    practitioner: str
    team: str
    server_address: str
    team_phone: str = ""  # printed in the contact box of every leaflet from this device


def get_settings(*, store: Store) -> AppSettings:
    with store.session() as s:
        address = get_sync_value(session=s, key=SERVER_ADDRESS_KEY) or ""
        phone = team_phone(session=s) or ""
    return AppSettings(store.practitioner.name, store.team.name, address, phone)


def save_server_address(*, store: Store, address: str) -> None:
    with store.unit_of_work() as uow:
        set_sync_value(session=uow.session, key=SERVER_ADDRESS_KEY, value=address or None)
        uow.commit()


def team_phone(*, session: Session) -> str | None:
    """The team's phone number set on this device, or None."""
    return get_sync_value(session=session, key=TEAM_PHONE_KEY)


def save_team_phone(*, store: Store, phone: str) -> str | None:
    """Set (or, when blank, clear) the team phone; AnswerError("team_phone", ...) when it is not one."""
    cleaned = " ".join(phone.split())
    if cleaned and (len(cleaned) > TEAM_PHONE_MAX or not _PHONE.match(cleaned)):
        raise AnswerError(
            "team_phone",
            f"must be a phone number: digits, spaces and + ( ) - only, up to {TEAM_PHONE_MAX} characters",
        )
    with store.unit_of_work() as uow:
        set_sync_value(session=uow.session, key=TEAM_PHONE_KEY, value=cleaned or None)
        uow.commit()
    return cleaned or None
