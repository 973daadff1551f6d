"""Builders for device-side sync tests: stores with families and signed visits."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from app.store import (
    Store,
    add_baby,
    create_family,
    create_store,
    save_answer,
    sign_visit,
    start_visit,
)
from app.sync import enrol_device
from tests.server.helpers import new_code, new_team
from tests.store.writing import writing

PASSPHRASE = "correct horse battery staple"


def new_store(home: Path, *, plain: bool = True, name: str = "A. Visitor") -> Store:
    return create_store(
        home=home, passphrase=PASSPHRASE, practitioner_name=name, team_name="Base team", plain=plain
    )


def add_family(
    store: Store, surname: str = "Okafor", date_of_birth: str | None = "2026-11-02"
) -> tuple[uuid.UUID, uuid.UUID]:
    """A family with one baby; returns (family id, baby id)."""
    with writing(store) as s:
        family = create_family(
            session=s, data={"name": f"{surname} family", "surname": surname, "postcode": "SO14 7DU"}
        )
        baby = add_baby(session=s, family_id=family.id, data={"name": "Sam", "date_of_birth": date_of_birth})
    return family.id, baby.id


def signed_visit(
    store: Store, baby_id: uuid.UUID, *, place: str = "cot", day: dt.date = dt.date(2026, 11, 20)
) -> uuid.UUID:
    with writing(store) as s:
        visit = start_visit(session=s, baby_id=baby_id, visit_date=day, visit_type="new_birth")
        save_answer(session=s, visit_id=visit.id, path="sleep.place", value=place)
        sign_visit(session=s, visit_id=visit.id, incomplete_reason="only the place was asked (test)")
    return visit.id


def outbox_states(store: Store) -> dict[str, int]:
    from sqlmodel import func, select

    from app.store.models import OutboxOp

    with writing(store) as s:
        rows = s.exec(select(OutboxOp.state, func.count()).group_by(OutboxOp.state)).all()
    return {state: n for state, n in rows}


def server_records(db_url: str, entity: str) -> list[Any]:
    """(entity_id, version, hash) of every server record of `entity` (all teams)."""
    from sqlmodel import select

    from app.server.db import make_engine
    from app.server.models import Record

    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(Record.entity_id, Record.version, Record.hash).where(Record.entity == entity)
        ).all()
    engine.dispose()
    return list(rows)


PLACES = ("cot", "sofa", "moses_basket", "adult_bed", "bedside_crib")


def bulk_signed_visits(store: Store, baby_id: uuid.UUID, n: int) -> list[uuid.UUID]:
    """`n` signed visits made as sign_visit makes them (row + outbox op), in one transaction."""
    from app.domain.assessment import assess
    from app.domain.errors import parse_visit
    from app.store.ids import utcnow
    from app.store.models import Baby, VisitRecord
    from app.store.payloads import enqueue

    ids = []
    with writing(store) as s:
        baby = s.get(Baby, baby_id)
        assert baby is not None
        who = store.practitioner
        for i in range(n):
            day = dt.date(2026, 11, 3) + dt.timedelta(days=i % 300)
            doc = {
                "format": "safesleep.visit/1",
                "visit": {"date": day.isoformat(), "type": "new_birth"},
                "practitioner": {"name": who.name},
                "baby": {"name": baby.name, "date_of_birth": "2026-11-02"},
                "sleep": {"place": PLACES[i % len(PLACES)], "room_temperature_c": 15 + i % 8},
                "feeding": {"breastfed": i % 2 == 0},
            }
            visit = parse_visit(doc)
            result = assess(visit)
            now = utcnow()
            row = VisitRecord(
                family_id=baby.family_id,
                baby_id=baby.id,
                practitioner_id=who.id,
                practitioner_name=who.name,
                visit_date=day,
                visit_type="new_birth",
                answers=visit.to_document(),
                status="signed",
                signed_at=now,
                updated=now,
                signed_by_id=who.id,
                signed_by_name=who.name,
                assessment=result.to_json(),
                guidance_version=result.guidance_version,
                risk_level=result.risk_level.value,
                escalate=result.escalate,
            )
            enqueue(s, row)
            s.add(row)
            ids.append(row.id)
    return ids


def pending_op_ids(store: Store) -> set[uuid.UUID]:
    from sqlmodel import select

    from app.store.models import OutboxOp

    with writing(store) as s:
        return set(s.exec(select(OutboxOp.op_id).where(OutboxOp.state == "pending")).all())


class Team:
    """A team on the server and a way to enrol devices (each a store in its own folder)."""

    def __init__(self, db_url: str, url: str, folder: Path) -> None:
        self.db_url, self.url, self.folder = db_url, url, folder
        self.id, self._first_code = new_team(db_url)
        self.stores: list[Store] = []

    def code(self) -> str:
        if self._first_code:
            code, self._first_code = self._first_code, ""
            return code
        return new_code(self.db_url, self.id)

    def device(self, name: str, *, url: str | None = None, plain: bool = True) -> Store:
        store = new_store(self.folder / name, plain=plain, name=f"Visitor {name}")
        enrol_device(store=store, server_url=url or self.url, code=self.code(), device_name=name)
        self.stores.append(store)
        return store
