"""Households: their people, babies, drafts and chronology; adding a family."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from app.domain.identifiers import format_nhs_number, nhs_number_problem, phone_problem
from app.domain.values import Relationship
from app.services.problems import AnswerError, FormProblems, as_uuid, split_problem
from app.store import (
    RecordError,
    Store,
    add_baby,
    family_chronology,
    family_patterns,
    get_family,
    list_drafts,
    update_family,
)
from app.store import create_family as store_create_family

PersonKind = Literal["carer", "adult"]
RELATIONSHIPS: tuple[str, ...] = tuple(r.value for r in Relationship)  # the visit format's, in its order
NAME_MAX = 200
NOTES_MAX = 1000
PEOPLE_FIELD: dict[PersonKind, str] = {"carer": "carers", "adult": "other_adults"}


@dataclass(frozen=True, slots=True)
class Person:
    """A carer (phone, NHS number) or another adult in or visiting the home (lives_in, notes).

    `index` is the person's place in the family's list of carers or of other adults.
    """

    name: str
    relationship: str
    phone: str = ""
    lives_in: bool | None = None  # None: a carer (the question is not asked of carers)
    notes: str = ""
    nhs_number: str = ""
    kind: PersonKind = "carer"
    index: int = 0


@dataclass(frozen=True, slots=True)
class PersonInput:
    """What the practitioner typed for one person (checked by `check_person`)."""

    name: str
    relationship: str
    phone: str = ""
    nhs_number: str = ""
    lives_in: bool | None = None  # other adults: lives in (True) or visits (False); None: not said
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
    """One entry of the family's record (data: app/ui/presenters.py words it)."""

    date: dt.date
    kind: str  # visit | amendment | leaflet | note (and what other helpers add)
    text: str
    risk_level: str | None
    visit_id: str | None
    practitioner: str
    baby_name: str = ""
    status: str | None = None
    escalate: bool | None = None
    visit_type: str | None = None
    follow_up_date: dt.date | None = None
    paper: str | None = None
    changes: tuple[tuple[str, Any, Any], ...] = ()  # (path, from, to)
    amended_visit_date: dt.date | None = None
    factor_titles: tuple[str, ...] = ()
    summary: str = ""  # the store's own wording, for entry kinds the presenters do not know
    incomplete: int = 0  # core questions not asked (visits)
    incomplete_reason: str | None = None  # why, as given when an incomplete visit was signed


@dataclass(frozen=True, slots=True)
class PatternLine:
    """A chronology pattern in one baby's signed visits (the domain's code; presenters word it)."""

    baby_name: str
    code: str  # repeated_high_risk | sleep_space_not_seen_twice | factor_persists
    factor_title: str | None


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
    patterns: tuple[PatternLine, ...] = ()


def _person(p: dict[str, Any], *, adult: bool, index: int) -> Person:
    return Person(
        name=str(p.get("name", "")),
        relationship=str(p.get("relationship", "")),
        phone=str(p.get("phone") or ""),
        lives_in=bool(p.get("lives_in")) if adult else None,
        notes=str(p.get("notes") or ""),
        nhs_number=str(p.get("nhs_number") or ""),
        kind="adult" if adult else "carer",
        index=index,
    )


def family(*, store: Store, family_id: str) -> FamilyCard:
    """A household: carers, other adults, babies, drafts and the chronology (oldest first)."""
    fid = as_uuid(family_id)
    with store.session() as s:
        f = get_family(session=s, family_id=fid)
        chron = family_chronology(session=s, family_id=fid)
        patterns = family_patterns(session=s, family_id=fid)
        drafts = list_drafts(session=s, family_id=fid)
    return FamilyCard(
        family_id=str(f.id),
        name=f.name,
        address=f.address,
        postcode=f.postcode,
        carers=tuple(_person(c, adult=False, index=i) for i, c in enumerate(f.carers)),
        other_adults=tuple(_person(a, adult=True, index=i) for i, a in enumerate(f.other_adults)),
        babies=tuple(
            BabyLine(
                str(b.id), b.name, b.date_of_birth, b.gestation_weeks, b.gestation_days, b.birth_weight_kg
            )
            for b in f.babies
        ),
        chronology=tuple(
            ChronologyLine(
                date=c.date,
                kind=c.kind,
                text=c.text or "",
                risk_level=c.risk_level,
                visit_id=str(c.visit_id) if c.visit_id else None,
                practitioner=c.practitioner_name,
                baby_name=c.baby_name or "",
                status=c.status,
                escalate=c.escalate,
                visit_type=c.visit_type,
                follow_up_date=c.follow_up_date,
                paper=c.paper,
                changes=tuple((path, ch.get("from"), ch.get("to")) for path, ch in (c.changes or {}).items()),
                amended_visit_date=c.amended_visit_date,
                factor_titles=tuple(c.factor_titles),
                summary=c.summary,
                incomplete=len(c.incomplete),
                incomplete_reason=c.incomplete_reason,
            )
            for c in chron
        ),
        drafts=tuple(DraftLine(str(d.id), d.baby_name, d.created) for d in drafts),
        patterns=tuple(PatternLine(p.baby_name or "", p.code, p.factor_title) for p in patterns),
    )


def _date(text: str) -> dt.date | None:
    """A date typed dd/mm/yyyy (or yyyy-mm-dd); AnswerError names the field when it is not one."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise AnswerError("baby.date_of_birth", "must be a date written dd/mm/yyyy, such as 03/04/2026")


def create_family(
    *,
    store: Store,
    name: str,
    surname: str,
    postcode: str,
    address: str,
    baby_name: str,
    baby_born: str,
    carers: Sequence[PersonInput] = (),
) -> str:
    """Add a household with its carers and baby; a problem becomes an AnswerError for the field."""
    born = _date(baby_born)
    people = []
    for i, carer in enumerate(carers):
        try:
            people.append(_stored(check_person(carer, kind="carer")))
        except FormProblems as exc:
            path, message = next(iter(exc.problems.items()))
            raise AnswerError(f"carers[{i}].{path}", message) from None
    try:
        with store.unit_of_work() as uow:  # the household and its baby: stored together or not at all
            f = store_create_family(
                session=uow.session,
                data={
                    "name": name,
                    "surname": surname,
                    "postcode": postcode,
                    "address": address,
                    "carers": people,
                },
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


def check_person(typed: PersonInput, *, kind: PersonKind) -> PersonInput:
    """The person tidied (spaces, NHS number grouping); FormProblems names each field that is wrong."""
    problems: dict[str, str] = {}
    name = " ".join(typed.name.split())
    if not name:
        problems["name"] = "enter their name (or how they are known, such as 'Unknown male')"
    elif len(name) > NAME_MAX:
        problems["name"] = f"must be at most {NAME_MAX} characters"
    relationship = typed.relationship.strip()
    if not relationship:
        problems["relationship"] = "choose how they are related to the baby"
    phone = " ".join(typed.phone.split())
    if kind == "carer" and phone and (problem := phone_problem(phone)):
        problems["phone"] = problem
    nhs = typed.nhs_number.strip()
    if kind == "carer" and nhs and (problem := nhs_number_problem(nhs)):
        problems["nhs_number"] = problem
    if kind == "adult" and typed.lives_in is None:
        problems["lives_in"] = "choose whether they live in or visit the home"
    notes = typed.notes.strip()
    if len(notes) > NOTES_MAX:
        problems["notes"] = f"must be at most {NOTES_MAX} characters"
    if problems:
        raise FormProblems(problems)
    return PersonInput(
        name=name,
        relationship=relationship,
        phone=phone if kind == "carer" else "",
        nhs_number=format_nhs_number(nhs) if kind == "carer" and nhs else "",
        lives_in=bool(typed.lives_in) if kind == "adult" else None,
        notes=notes if kind == "adult" else "",
    )


def _stored(p: PersonInput, *, kind: PersonKind = "carer") -> dict[str, Any]:
    if kind == "adult":
        return {
            "name": p.name,
            "relationship": p.relationship,
            "lives_in": bool(p.lives_in),
            "notes": p.notes or None,
        }
    out: dict[str, Any] = {"name": p.name, "relationship": p.relationship, "phone": p.phone or None}
    if p.nhs_number:
        out["nhs_number"] = p.nhs_number
    return out


def people(*, store: Store, family_id: str) -> tuple[Person, ...]:
    """Everyone known in the home: the carers, then the other adults (for "who was present")."""
    card = family(store=store, family_id=family_id)
    return card.carers + card.other_adults


def save_person(
    *, store: Store, family_id: str, kind: PersonKind, typed: PersonInput, index: int | None = None
) -> Person:
    """Add (index None) or change one carer or other adult; FormProblems names the fields to fix."""
    person = check_person(typed, kind=kind)
    field = PEOPLE_FIELD[kind]
    fid = as_uuid(family_id)
    with store.unit_of_work() as uow:
        current = list(getattr(get_family(session=uow.session, family_id=fid), field))
        if index is None:
            index = len(current)
            current.append(_stored(person, kind=kind))
        elif 0 <= index < len(current):
            current[index] = _stored(person, kind=kind)
        else:
            raise FormProblems({"name": "this person is no longer on the family's record"})
        try:
            update_family(session=uow.session, family_id=fid, changes={field: current})
        except RecordError as exc:
            raise FormProblems(dict([split_problem(str(exc.problems[0]))])) from None
        uow.commit()
    return _person(_stored(person, kind=kind), adult=kind == "adult", index=index)


def add_adult(
    *, store: Store, family_id: str, name: str, relationship: str, lives_in: bool, notes: str = ""
) -> Person:
    """Record another adult in or visiting the home (the "be curious about adults" prompt uses it)."""
    typed = PersonInput(name=name, relationship=relationship, lives_in=lives_in, notes=notes)
    return save_person(store=store, family_id=family_id, kind="adult", typed=typed)
