"""The new-family service stores a household and its baby in one unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

import app.store as st
from app.services.families import create_family
from app.services.problems import AnswerError

DETAILS: dict[str, Any] = {"name": "Cole family", "surname": "Cole", "postcode": "SO14 7DU", "address": ""}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[st.Store]:
    s = st.create_store(
        home=tmp_path / "device", passphrase="pw", practitioner_name="Ann", team_name="Team", plain=True
    )
    yield s
    s.close()


def test_a_refused_baby_leaves_no_household_and_the_corrected_retry_creates_exactly_one(
    store: st.Store,
) -> None:
    with pytest.raises(AnswerError) as err:
        create_family(store=store, **DETAILS, baby_name="Ivy", baby_born="2999-01-01")
    assert err.value.path == "baby.date_of_birth"
    with store.session() as s:
        assert st.find_families(session=s, name_or_id="Cole") == []
        assert not [op for op in st.pending_ops(session=s, limit=1000) if op.entity == "family"]

    family_id = UUID(create_family(store=store, **DETAILS, baby_name="Ivy", baby_born="2026-11-20"))
    with store.session() as s:
        assert [f.id for f in st.find_families(session=s, name_or_id="Cole")] == [family_id]
        assert [b.name for b in st.get_family(session=s, family_id=family_id).babies] == ["Ivy"]
