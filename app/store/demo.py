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
from app.store.families import add_baby, add_note, create_family
from app.store.ids import content_hash
from app.store.models import DeviceMeta
from app.store.people import add_practitioner
from app.store.signing import amend_visit, record_leaflet, sign_visit
from app.store.store import Store
from app.store.transfer import import_visit
from app.store.visits import save_notes

DEMO_FLAG = "demo_loaded"
SURNAMES = (
    "Okafor",
    "Smith",
    "Patel",
    "Williams",
    "Kowalski",
    "Begum",
    "Hughes",
    "O'Brien",
    "Nowak",
    "Ahmed",
    "Taylor",
    "Campbell",
    "Mensah",
    "Evans",
    "Khan",
    "Murphy",
    "Thompson",
    "Adeyemi",
    "Walker",
    "Popescu",
    "Hussain",
    "Roberts",
    "Clarke",
    "Jones",
    "Wright",
    "Mahmood",
    "Davies",
    "Kaur",
    "Green",
    "Sinclair",
    "Ward",
    "Osei",
    "Lewis",
    "Morgan",
    "Bailey",
    "Ali",
    "Foster",
    "Harrison",
    "Singh",
    "Turner",
)
MOTHERS = (
    "Chloe",
    "Amira",
    "Jade",
    "Emma",
    "Zofia",
    "Shirin",
    "Rhiannon",
    "Siobhan",
    "Ola",
    "Fatima",
    "Holly",
    "Kirsty",
    "Abena",
    "Megan",
    "Ayesha",
    "Niamh",
    "Stacey",
    "Funmi",
    "Leanne",
    "Ioana",
)
PARTNERS = (
    "Daniel",
    "Marcus",
    "Jamie",
    "Tomasz",
    "Imran",
    "Ryan",
    "Kwame",
    "Liam",
    "Sam",
    "Dean",
    "Andrei",
    "Tariq",
)
BABIES = (
    "Oliver",
    "Amelia",
    "Noah",
    "Isla",
    "Muhammad",
    "Ava",
    "Leo",
    "Freya",
    "Arthur",
    "Lily",
    "Theo",
    "Maryam",
    "Jack",
    "Sophia",
    "Ezra",
    "Rosie",
    "Ibrahim",
    "Poppy",
    "Finley",
    "Zara",
    "Harry",
    "Ivy",
    "Reuben",
    "Aisha",
    "Alfie",
    "Willow",
    "Kai",
    "Ada",
)
STREETS = (
    "Portswood Road",
    "Shirley High Street",
    "Millbrook Road East",
    "Weston Lane",
    "Thornhill Park Road",
    "Bitterne Road West",
    "Lordshill Way",
    "Woolston Road",
    "Priory Road",
    "Hill Lane",
    "Northam Road",
    "Regents Park Road",
    "Bevois Valley Road",
    "Kingsland Square",
    "St Mary Street",
)
POSTCODE_DISTRICTS = ("SO14", "SO15", "SO16", "SO17", "SO18", "SO19")
COLLEAGUES = (("Priya Shah", "023 8000 0101"), ("Jo Mitchell", "023 8000 0102"))

LOW: dict[str, Any] = {
    "sleep": {
        "place": "cot",
        "room": "parents_room",
        "seen": True,
        "position": "back",
        "mattress": "firm_flat_waterproof",
        "items": [],
        "room_temperature_c": 18,
        "bed_sharing": "never",
        "shared_surfaces": [],
        "car_seat_over_2h": False,
        "sling": False,
    },
    "carers": {
        "smoker_in_household": False,
        "smoked_in_pregnancy": False,
        "alcohol": False,
        "drugs": False,
        "sedating_medication": False,
        "extreme_tiredness": False,
    },
    "feeding": {"breastfed": True, "dummy": False},
    "family": {
        "domestic_abuse": False,
        "parental_mental_health": False,
        "substance_misuse": False,
        "unidentified_adults": False,
        "out_of_routine_planned": False,
    },
}
# Profiles: changes on top of LOW, with the notes a practitioner would write.
PROFILES: dict[str, dict[str, Any]] = {
    "low": {
        "changes": {},
        "said": "Mum says Baby settles well in the cot after feeds.",
        "observed": "Cot in parents' room, clear and flat; baby on back.",
        "actions": "Continue as now; reminded about room temperature 16–20 °C.",
    },
    "smoking": {
        "changes": {"carers.smoker_in_household": True, "feeding.breastfed": False},
        "said": "Dad smokes outside but 'not much'.",
        "observed": "Smell of smoke on the landing.",
        "actions": "Referred to stop-smoking service; smoke-free home discussed.",
    },
    "items": {
        "changes": {"sleep.items": ["pillow", "bumper"], "sleep.room_temperature_c": 22},
        "said": "Grandma bought the bumper set.",
        "observed": "Cot bumper and pillow in cot; room warm.",
        "actions": "Remove bumper and pillow; keep room 16–20 °C.",
    },
    "own_room": {
        "changes": {"sleep.room": "own_room"},
        "said": "Parents moved baby to the nursery so they can sleep.",
        "observed": "Cot in own room, monitor on.",
        "actions": "Advised same room for first 6 months.",
    },
    "sofa": {
        "changes": {"sleep.shared_surfaces": ["sofa"], "carers.extreme_tiredness": True},
        "said": "Mum fell asleep on the sofa with baby during night feeds.",
        "observed": "Sofa in lounge with blankets; Moses basket upstairs.",
        "actions": "Never sleep on a sofa with baby; plan for night feeds in bedroom.",
    },
    "bed_alcohol": {
        "changes": {"sleep.bed_sharing": "usually", "sleep.place": "adult_bed", "carers.alcohol": True},
        "said": "Partner had a few drinks at the weekend and baby slept in the bed.",
        "observed": "Adult bed with duvet and pillows; no cot set up.",
        "actions": "Cot to be set up today; never bed-share after alcohol.",
    },
    "side": {
        "changes": {"sleep.position": "side", "sleep.seen": False},
        "said": "She sleeps better on her side.",
        "observed": "Did not see the sleep space (upstairs, mum declined).",
        "actions": "Back to sleep for every sleep; ask to see sleep space next visit.",
    },
    "escalate": {
        "changes": {
            "sleep.bed_sharing": "sometimes",
            "carers.drugs": True,
            "family.domestic_abuse": True,
            "family.unidentified_adults": True,
        },
        "said": "Mum said her ex 'comes round sometimes'. Quiet, avoided questions.",
        "observed": "Two men's jackets in hall; adult bed shared with baby.",
        "actions": "Discussed with safeguarding lead same day; joint visit planned.",
    },
    "context": {
        "changes": {
            "family.parental_mental_health": True,
            "family.substance_misuse": True,
            "family.out_of_routine_planned": True,
        },
        "said": "Mum feels low; family christening at the weekend.",
        "observed": "Flat tidy; Moses basket by the bed.",
        "actions": "Out-of-routine plan agreed; GP appointment for mum; supervisor told.",
    },
    "premature_bedshare": {
        "changes": {"sleep.bed_sharing": "sometimes"},
        "said": "Baby came early and mum wants her close.",
        "observed": "Bedside crib available but baby in the bed at times.",
        "actions": "Bedside crib for every sleep; premature baby risk explained.",
    },
}
DEMO_REASON = "Not asked at this visit: parent declined to answer (demo data)"  # only kept if incomplete
RISKY = (
    "smoking",
    "items",
    "own_room",
    "sofa",
    "bed_alcohol",
    "side",
    "escalate",
    "context",
    "premature_bedshare",
)


def _answers(profile: str) -> dict[str, Any]:
    doc = {k: dict(v) for k, v in LOW.items()}
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
