"""A realistic demo caseload (about 40 families, every name and postcode invented).

Varied risk: signed visits at low, increased and high risk, escalations, drafts in progress,
amendments, leaflets given, case notes, and follow-ups overdue, due soon and later.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any
from uuid import UUID

from sqlmodel import Session

from app.domain.visit import VISIT_FORMAT
from app.store.audit import audit
from app.store.demo_data import (
    BABIES,
    COLLEAGUES,
    DEMO_REASON,
    MOTHERS,
    PARTNERS,
    POSTCODE_DISTRICTS,
    PROFILES,
    RISKY,
    SAFER_ANSWERS,
    STREETS,
    SURNAMES,
)
from app.store.families import add_baby, add_note, create_family
from app.store.ids import content_hash
from app.store.models import DeviceMeta
from app.store.people import add_practitioner
from app.store.signing import amend_visit, record_leaflet, sign_visit
from app.store.store import Store
from app.store.transfer import import_visit
from app.store.visits import save_notes

DEMO_FLAG = "demo_loaded"


def _answers(profile: str) -> dict[str, Any]:
    doc = {k: dict(v) for k, v in SAFER_ANSWERS.items()}
    for path, value in PROFILES[profile]["changes"].items():
        section, field = path.split(".")
        doc[section][field] = value
    return doc


def _postcode(rnd: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{rnd.choice(POSTCODE_DISTRICTS)} {rnd.randint(0, 9)}{rnd.choice(letters)}{rnd.choice(letters)}"


def _add_family(session: Session, rnd: random.Random, index: int, surname: str) -> UUID:
    mother = MOTHERS[index % len(MOTHERS)]
    carers = [{"name": f"{mother} {surname}", "relationship": "mother"}]
    if rnd.random() < 0.6:
        carers.append({"name": f"{rnd.choice(PARTNERS)} {surname}", "relationship": "father"})
    others: list[dict[str, Any]] = []
    if rnd.random() < 0.25:
        others.append(
            {
                "name": f"{rnd.choice(MOTHERS)} (grandmother)",
                "relationship": "maternal grandmother",
                "lives_in": False,
                "notes": "Helps with night feeds at weekends",
            }
        )
    if rnd.random() < 0.15:
        others.append(
            {
                "name": "Unknown male",
                "relationship": "mother's new partner",
                "lives_in": True,
                "notes": "Name not given; be curious",
            }
        )
    family = create_family(
        session=session,
        data={
            "name": f"{surname} family",
            "surname": surname,
            "address": f"{rnd.randint(1, 180)} {rnd.choice(STREETS)}, Southampton",
            "postcode": _postcode(rnd),
            "carers": carers,
            "other_adults": others,
        },
    )
    return family.id


def load_demo(*, store: Store) -> int:
    """Load the demo caseload once; returns the number of families added (0 if already there)."""
    rnd = random.Random(2026)
    today = dt.date.today()
    with store.unit_of_work() as uow:
        session = uow.session
        if session.get(DeviceMeta, DEMO_FLAG) is not None:
            return 0
        colleagues = [
            add_practitioner(session=session, name=name, phone=phone).id for name, phone in COLLEAGUES
        ]
        uow.commit()
    team = [store.practitioner.id, *colleagues]
    for index, surname in enumerate(SURNAMES):
        with store.unit_of_work() as uow:  # one family with its babies and visits at a time
            session = uow.session
            family_id = _add_family(session, rnd, index, surname)
            twins_or_sibling = rnd.random() < 0.15
            for n in range(2 if twins_or_sibling else 1):
                age = rnd.randint(10, 300) if n == 0 else rnd.randint(400, 650)
                premature = rnd.random() < 0.2
                baby = add_baby(
                    session=session,
                    family_id=family_id,
                    data={
                        "name": BABIES[(index * 3 + n) % len(BABIES)],
                        "date_of_birth": today - dt.timedelta(days=age),
                        "gestation_weeks": rnd.randint(32, 36) if premature else rnd.randint(37, 41),
                        "gestation_days": rnd.randint(0, 6),
                        "birth_weight_kg": round(
                            rnd.uniform(1.9, 2.6) if premature else rnd.uniform(2.6, 4.3), 2
                        ),
                    },
                )
                _add_visits(session, rnd, index, n, family_id, baby, team, today, age)
            uow.commit()
    with store.unit_of_work() as uow:
        uow.session.add(DeviceMeta(key=DEMO_FLAG, value=today.isoformat()))
        audit(
            session=uow.session,
            actor=store.practitioner.name,
            action="load_demo",
            entity="store",
            entity_id=store.team.id,
            detail={"families": len(SURNAMES)},
        )
        uow.commit()
    return len(SURNAMES)


def _add_visits(
    session: Session,
    rnd: random.Random,
    index: int,
    n: int,
    family_id: UUID,
    baby: Any,
    team: list[UUID],
    today: dt.date,
    age: int,
) -> None:
    count = 1 if index % 7 == 6 else rnd.randint(1, 3)
    ages = sorted(rnd.sample(range(7, max(age, 10)), min(count, max(age - 7, 1))))
    for k, visit_age in enumerate(ages):
        last = k == len(ages) - 1
        profile = "low" if rnd.random() < 0.5 else rnd.choice(RISKY)
        if profile == "premature_bedshare" and baby.gestation_weeks >= 37:
            profile = "bed_alcohol"
        if profile == "own_room" and visit_age >= 183:
            profile = "items"
        if index % 9 == 0 and last:
            profile = "escalate"
        visit_date = baby.date_of_birth + dt.timedelta(days=visit_age)
        who = team[(index + k) % len(team)]
        doc = {
            "format": VISIT_FORMAT,
            "visit": {
                "date": visit_date.isoformat(),
                "type": "new_birth" if visit_age < 28 else ("6_8_week" if visit_age < 70 else "targeted"),
            },
            "baby": {
                "name": baby.name,
                "date_of_birth": baby.date_of_birth.isoformat(),
                "gestation_weeks": baby.gestation_weeks,
                "gestation_days": baby.gestation_days,
                "birth_weight_kg": baby.birth_weight_kg,
            },
            **_answers(profile),
        }
        detail = import_visit(session=session, document=doc, family_name=str(family_id), practitioner_id=who)
        text = PROFILES[profile]
        due = today + dt.timedelta(days=rnd.randint(-10, 40))
        save_notes(
            session=session,
            visit_id=detail.id,
            parents_said=text["said"],
            observed=text["observed"],
            agreed_actions=text["actions"],
            follow_up_date=due if last else visit_date + dt.timedelta(days=14),
        )
        if last and n == 0 and index % 5 == 3:
            continue  # a draft still in progress
        if profile != "low" and rnd.random() < 0.6:
            record_leaflet(
                session=session,
                visit_id=detail.id,
                paper="A4",
                actor=who,
                content_hash=content_hash({"demo-leaflet": str(detail.id)}),
            )
        sign_visit(session=session, visit_id=detail.id, signed_by=who, incomplete_reason=DEMO_REASON)
        if index % 8 == 4 and k == 0:
            amend_visit(
                session=session,
                visit_id=detail.id,
                author=who,
                changes={"sleep.room_temperature_c": 17},
                reason="Thermometer read in the wrong room; corrected at next visit.",
            )
    if index % 6 == 2 and n == 0:
        add_note(
            session=session,
            family_id=family_id,
            baby_id=baby.id,
            author=team[1],
            text="Phoned mum: cot delivered, she will send a photo of the sleep space.",
        )
