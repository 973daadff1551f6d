"""Households: their people, babies, drafts and chronology; adding a family."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.services.problems import AnswerError, as_uuid, split_problem
from app.store import RecordError, Store, add_baby, family_chronology, get_family, list_drafts
from app.store import create_family as store_create_family


@dataclass(frozen=True, slots=True)
class Person:
    """A carer (phone) or another adult in or visiting the home (lives_in, notes)."""

    name: str
    relationship: str
    phone: str = ""
    lives_in: bool | None = None  # None: a carer (the question is not asked of carers)
    notes: str = ""


@dataclass(frozen=True, slots=True)
class BabyLine:
    baby_id: str
    name: str
    born: dt.date | None
    gestation_weeks: int | None
    gestation_days: int | None
    birth_weight_kg: float | None


@dataclass(frozen=True, slots=True)
class ChronologyLine:
    date: dt.date
    kind: str
    summary: str
    text: str
    risk_level: str | None
    visit_id: str | None
    practitioner: str


@dataclass(frozen=True, slots=True)
class DraftLine:
    visit_id: str
    baby_name: str
    started: dt.datetime


@dataclass(frozen=True, slots=True)
class FamilyCard:
    family_id: str
    name: str
    address: str
    postcode: str
    carers: tuple[Person, ...]
    other_adults: tuple[Person, ...]
    babies: tuple[BabyLine, ...]
    chronology: tuple[ChronologyLine, ...]
    drafts: tuple[DraftLine, ...]


def _person(p: dict[str, Any], *, adult: bool) -> Person:
    return Person(
        name=str(p.get("name", "")),
        relationship=str(p.get("relationship", "")),
        phone=str(p.get("phone") or ""),
        lives_in=bool(p.get("lives_in")) if adult else None,
        notes=str(p.get("notes") or ""),
    )


def family(*, store: Store, family_id: str) -> FamilyCard:
    """A household: carers, other adults, babies, drafts and the chronology (oldest first)."""
    fid = as_uuid(family_id)
    with store.session() as s:
        f = get_family(session=s, family_id=fid)
        chron = family_chronology(session=s, family_id=fid)
        drafts = list_drafts(session=s, family_id=fid)
    return FamilyCard(
        family_id=str(f.id),
        name=f.name,
        address=f.address,
        postcode=f.postcode,
        carers=tuple(_person(c, adult=False) for c in f.carers),
        other_adults=tuple(_person(a, adult=True) for a in f.other_adults),
        babies=tuple(
            BabyLine(
                str(b.id), b.name, b.date_of_birth, b.gestation_weeks, b.gestation_days, b.birth_weight_kg
            )
            for b in f.babies
        ),
        chronology=tuple(
            ChronologyLine(
                c.date,
                c.kind,
                c.summary,
                c.text or "",
                c.risk_level,
                str(c.visit_id) if c.visit_id else None,
                c.practitioner_name,
            )
            for c in chron
        ),
        drafts=tuple(DraftLine(str(d.id), d.baby_name, d.created) for d in drafts),
    )


def create_family(
    *, store: Store, name: str, surname: str, postcode: str, address: str, baby_name: str, baby_born: str
) -> str:
    """Add a household with its baby; a store problem becomes an AnswerError for the field."""
    try:
        born = dt.date.fromisoformat(baby_born) if baby_born.strip() else None
    except ValueError:
        raise AnswerError("baby.date_of_birth", "must be a date written YYYY-MM-DD") from None
    try:
        with store.unit_of_work() as uow:  # the household and its baby: stored together or not at all
            f = store_create_family(
                session=uow.session,
                data={"name": name, "surname": surname, "postcode": postcode, "address": address},
            )
            if baby_name.strip():
                add_baby(
                    session=uow.session,
                    family_id=f.id,
                    data={"name": baby_name.strip(), "date_of_birth": born},
                )
            uow.commit()
    except RecordError as exc:
        raise AnswerError(*split_problem(exc.problems[0])) from None
    return str(f.id)
