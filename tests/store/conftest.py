"""Fixtures: a real encrypted store file in a temporary folder, and a small household."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

import app.store as st
from tests.store.helpers import PASSPHRASE, Household, make_household
from tests.store.writing import writing


@pytest.fixture
def store(tmp_path: Path) -> Iterator[st.Store]:
    s = st.create_store(
        home=tmp_path / "device",
        passphrase=PASSPHRASE,
        practitioner_name="Ann Visitor",
        team_name="Portswood HV team",
        practitioner_phone="023 8000 0000",
        plain=False,
    )
    yield s
    s.close()


@pytest.fixture
def session(store: st.Store) -> Iterator[Session]:
    """One unit of work for the whole test (committed at the end)."""
    with store.unit_of_work() as uow:
        yield uow.session
        uow.commit()


@pytest.fixture
def household(request: pytest.FixtureRequest, store: st.Store) -> Household:
    """A household: in the test's `session` when it has one, else committed at once."""
    if "session" in request.fixturenames:
        return make_household(request.getfixturevalue("session"))
    with writing(store) as s:
        return make_household(s)
