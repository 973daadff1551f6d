"""Builders shared by the store tests: the passphrase, a household and a draft visit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlmodel import Session

import app.store as st

PASSPHRASE = "correct horse battery staple"
TODAY = dt.date.today()


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


def draft(session: Session, baby_id: UUID, day: dt.date = TODAY, **answers: object) -> UUID:
    """A draft visit with the given answers (keys are dotted paths with '__' for '.')."""
    v = st.start_visit(session=session, baby_id=baby_id, visit_date=day, visit_type="new_birth")
    for key, value in answers.items():
        st.save_answer(session=session, visit_id=v.id, path=key.replace("__", "."), value=value)
    return v.id


# Answers to every core question (the baby's dates and weight come from the baby record), so a
# visit without a risk factor is "low" rather than "incomplete".
CORE_ANSWERS: dict[str, object] = {
    "sleep__place": "cot",
    "sleep__room": "parents_room",
    "sleep__seen": True,
    "sleep__position": "back",
    "sleep__items": [],
    "sleep__bed_sharing": "never",
    "sleep__shared_surfaces": [],
    "carers__smoker_in_household": False,
    "carers__alcohol": False,
    "carers__drugs": False,
    "carers__sedating_medication": False,
}


def complete(**answers: object) -> dict[str, Any]:
    """Every core answer, with the given ones instead."""
    return {**CORE_ANSWERS, **answers}


NOT_ASKED = "parent declined to answer (test)"  # the reason for signing a visit with core questions not asked
