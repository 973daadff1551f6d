"""Settings kept in the store: team phone (checked) and the idle-lock minutes (1 to 60)."""

from __future__ import annotations

import pytest

from app.services import settings
from app.services.problems import AnswerError
from app.store import Store


def test_team_phone_and_idle_minutes_are_kept_and_checked(store: Store) -> None:
    assert settings.get_settings(store=store).idle_lock_minutes == 10
    assert settings.save_team_phone(store=store, phone=" 023  8000 0000 ") == "023 8000 0000"
    assert settings.save_idle_lock_minutes(store=store, minutes="5") == 5
    kept = settings.get_settings(store=store)
    assert (kept.team_phone, kept.idle_lock_minutes) == ("023 8000 0000", 5)
    with pytest.raises(AnswerError, match="10 to 13 digits"):
        settings.save_team_phone(store=store, phone="call me")
    with pytest.raises(AnswerError, match="from 1 to 60"):
        settings.save_idle_lock_minutes(store=store, minutes="0")
