"""The practitioner's settings kept in the (encrypted) store: server address, the team's phone for
leaflets, and after how many idle minutes the app locks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from app.domain.identifiers import phone_problem
from app.services.problems import AnswerError
from app.store import Store, get_sync_value, set_sync_value

SERVER_ADDRESS_KEY = "server_url"
TEAM_PHONE_KEY = "team_phone"
IDLE_LOCK_KEY = "idle_lock_minutes"
IDLE_LOCK_DEFAULT = 10
IDLE_LOCK_RANGE = (1, 60)


@dataclass(frozen=True, slots=True)
class AppSettings:
    practitioner: str
    team: str
    server_address: str
    team_phone: str = ""  # printed in the contact box of every leaflet from this device
    idle_lock_minutes: int = IDLE_LOCK_DEFAULT


def _minutes(text: str | None) -> int:
    try:
        value = int(text or IDLE_LOCK_DEFAULT)
    except ValueError:
        return IDLE_LOCK_DEFAULT
    return value if IDLE_LOCK_RANGE[0] <= value <= IDLE_LOCK_RANGE[1] else IDLE_LOCK_DEFAULT


def get_settings(*, store: Store) -> AppSettings:
    with store.session() as s:
        address = get_sync_value(session=s, key=SERVER_ADDRESS_KEY) or ""
        phone = team_phone(session=s) or ""
        minutes = _minutes(get_sync_value(session=s, key=IDLE_LOCK_KEY))
    return AppSettings(store.practitioner.name, store.team.name, address, phone, minutes)


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
    if cleaned and (problem := phone_problem(cleaned)):
        raise AnswerError("team_phone", problem)
    with store.unit_of_work() as uow:
        set_sync_value(session=uow.session, key=TEAM_PHONE_KEY, value=cleaned or None)
        uow.commit()
    return cleaned or None


def save_idle_lock_minutes(*, store: Store, minutes: str) -> int:
    """After how many idle minutes the app locks itself (1 to 60)."""
    lo, hi = IDLE_LOCK_RANGE
    try:
        value = int(minutes.strip())
    except ValueError:
        value = 0
    if not lo <= value <= hi:
        raise AnswerError("idle_lock_minutes", f"must be a whole number of minutes from {lo} to {hi}")
    with store.unit_of_work() as uow:
        set_sync_value(session=uow.session, key=IDLE_LOCK_KEY, value=str(value))
        uow.commit()
    return value
