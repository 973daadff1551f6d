"""Fixtures: a real encrypted store file in a temporary folder, and a small household."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import pytest
from sqlmodel import Session

import app.store as st
from tests.store.writing import writing

PASSPHRASE = "correct horse battery staple"
TODAY = dt.date.today()


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


@dataclass
class Household:
    family_id: UUID
    baby_id: UUID


def make_household(
    session: Session,
    surname: str = "Okafor",
    baby: str = "Sam",
    postcode: str = "SO14 7DU",
    age_days: int = 20,
) -> Household:
    family = st.create_family(
        session=session,
        data={
            "name": f"{surname} family",
            "surname": surname,
            "address": "1 High Street",
            "postcode": postcode,
            "carers": [{"name": "Ada", "relationship": "mother"}],
        },
    )
    b = st.add_baby(
        session=session,
        family_id=family.id,
        data={
            "name": baby,
            "date_of_birth": TODAY - dt.timedelta(days=age_days),
            "gestation_weeks": 39,
            "gestation_days": 2,
            "birth_weight_kg": 3.4,
        },
    )
    return Household(family.id, b.id)


@pytest.fixture
def household(request: pytest.FixtureRequest, store: st.Store) -> Household:
    """A household: in the test's `session` when it has one, else committed at once."""
    if "session" in request.fixturenames:
        return make_household(request.getfixturevalue("session"))
    with writing(store) as s:
        return make_household(s)


def draft(session: Session, baby_id: UUID, day: dt.date = TODAY, **answers: object) -> UUID:
    """A draft visit with the given answers (keys are dotted paths with '__' for '.')."""
    v = st.start_visit(session=session, baby_id=baby_id, visit_date=day, visit_type="new_birth")
    for key, value in answers.items():
        st.save_answer(session=session, visit_id=v.id, path=key.replace("__", "."), value=value)
    return v.id
