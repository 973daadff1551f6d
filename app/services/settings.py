"""The practitioner's settings kept in the (encrypted) store: server address, team phone, idle lock."""

from __future__ import annotations

from dataclasses import dataclass

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
    team_phone: str = ""
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
        phone = get_sync_value(session=s, key=TEAM_PHONE_KEY) or ""
        minutes = _minutes(get_sync_value(session=s, key=IDLE_LOCK_KEY))
    return AppSettings(store.practitioner.name, store.team.name, address, phone, minutes)


def save_server_address(*, store: Store, address: str) -> None:
    with store.session() as s:
        set_sync_value(session=s, key=SERVER_ADDRESS_KEY, value=address or None)


def save_team_phone(*, store: Store, phone: str) -> str:
    """The team's phone number for the family leaflet (empty: not set); AnswerError if it is not one."""
    phone = " ".join(phone.split())
    if phone and (problem := phone_problem(phone)):
        raise AnswerError("settings.team_phone", problem)
    with store.session() as s:
        set_sync_value(session=s, key=TEAM_PHONE_KEY, value=phone or None)
    return phone


def save_idle_lock_minutes(*, store: Store, minutes: str) -> int:
    """After how many idle minutes the app locks itself (1 to 60)."""
    lo, hi = IDLE_LOCK_RANGE
    try:
        value = int(minutes.strip())
    except ValueError:
        value = 0
    if not lo <= value <= hi:
        raise AnswerError(
            "settings.idle_lock_minutes", f"must be a whole number of minutes from {lo} to {hi}"
        )
    with store.session() as s:
        set_sync_value(session=s, key=IDLE_LOCK_KEY, value=str(value))
    return value
