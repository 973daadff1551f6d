"""Importing (`safesleep.visit/2` or /1) and exporting (always /2) visit documents."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from sqlmodel import Session, select

from app.domain.errors import parse_visit
from app.domain.visit import Visit
from app.store.audit import audit
from app.store.caseload import search_key
from app.store.engine import writes
from app.store.errors import RecordError
from app.store.families import add_baby, create_family, find_families
from app.store.models import Baby, VisitRecord
from app.store.people import acting
from app.store.signing import sign_visit
from app.store.views import VisitDetail
from app.store.visits import amendments_of, current_state, get_visit, load_visit_row


def _family_id(session: Session, family_name: str | None, visit: Visit) -> UUID:
    if family_name is not None and family_name.strip():
        found = find_families(session=session, name_or_id=family_name)
        if len(found) > 1:
            raise RecordError(
                [f"family: {len(found)} families are called {family_name!r}; give the family id instead"]
            )
        if found:
            return found[0].id
        try:
            UUID(family_name.strip())
        except ValueError:
            pass
        else:
            raise RecordError([f"family: no family with id {family_name.strip()}"])
        name = family_name.strip()
    else:
        baby = (visit.baby.name or "").strip()
        name = f"{baby} family" if baby else "Imported family"
    words = name.split()
    surname = words[-2] if len(words) > 1 and words[-1].lower() == "family" else words[-1]
    return create_family(session=session, data={"name": name, "surname": surname}).id


def _baby_id(session: Session, family_id: UUID, visit: Visit) -> UUID:
    name = (visit.baby.name or "").strip() or "Baby"
    for baby in session.exec(
        select(Baby).where(Baby.family_id == family_id, Baby.name_key == search_key(name))
    ):
        if visit.baby.date_of_birth in (None, baby.date_of_birth):
            return baby.id
    kg = visit.baby.weight_kg
    return add_baby(
        session=session,
        family_id=family_id,
        data={
            "name": name,
            "date_of_birth": visit.baby.date_of_birth,
            "gestation_weeks": visit.baby.gestation_weeks,
            "gestation_days": visit.baby.gestation_days,
            "birth_weight_kg": round(kg, 3) if kg is not None else None,
        },
    ).id


@writes
def import_visit(
    *,
    session: Session,
    document: dict[str, Any] | Visit,
    family_name: str | None = None,
    sign: bool = False,
    incomplete_reason: str | None = None,
    practitioner_id: UUID | None = None,
) -> VisitDetail:
    """Store a visit document as a draft (or signed), creating the family and baby if needed.

    The family is found by id or exact name/surname (any case), else created with that name.
    The baby is found by name (and date of birth) in the family, else created from the file.
    `practitioner_id` (default: this device's practitioner) owns and, with `sign`, signs it
    (an incomplete visit needs `incomplete_reason`, as for sign_visit).
    """
    visit = document if isinstance(document, Visit) else parse_visit(document)
    who = acting(session, practitioner_id)
    family_id = _family_id(session, family_name, visit)
    baby_id = _baby_id(session, family_id, visit)
    row = VisitRecord(
        family_id=family_id,
        baby_id=baby_id,
        practitioner_id=who.id,
        practitioner_name=visit.practitioner.name or who.name,
        visit_date=visit.visit.date or dt.date.today(),
        visit_type=visit.visit.type.value if visit.visit.type else "other",
        answers=visit.to_document(),
    )
    session.add(row)
    audit(
        session=session,
        actor=who.name,
        action="import_visit",
        entity="visit",
        entity_id=row.id,
        detail={"family_id": family_id, "sign": sign},
    )
    if sign:
        return sign_visit(
            session=session, visit_id=row.id, signed_by=who.id, incomplete_reason=incomplete_reason
        )
    return get_visit(session=session, visit_id=row.id)


@writes
def export_visit(*, session: Session, visit_id: UUID) -> dict[str, Any]:
    """The visit as a `safesleep.visit/2` document, amendments applied; audited."""
    row = load_visit_row(session, visit_id)
    doc, _ = current_state(row, amendments_of(session, visit_id))
    audit(
        session=session,
        actor=acting(session, None).name,
        action="export_visit",
        entity="visit",
        entity_id=visit_id,
    )
    return parse_visit(doc).to_document()
