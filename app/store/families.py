"""Households and babies: create, change field by field, read, add case notes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ValidationError
from sqlmodel import Field, Session, col, func, or_, select

from app.domain.values import RANGES
from app.store.audit import audit
from app.store.caseload import search_key
from app.store.engine import writes
from app.store.errors import NotFound, RecordError
from app.store.ids import to_jsonable, utcnow
from app.store.models import (
    NAME_MAX,
    TEXT_MAX,
    Baby,
    BabyCreate,
    BabyPublic,
    CaseNote,
    DeviceMeta,
    Family,
    FamilyCreate,
    FamilyPublic,
)
from app.store.payloads import enqueue
from app.store.people import acting

POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
FAMILY_FIELDS = ("name", "surname", "address", "postcode", "carers", "other_adults")
BABY_FIELDS = ("name", "date_of_birth", "gestation_weeks", "gestation_days", "birth_weight_kg")
BABY_RANGES = {
    field: RANGES[f"baby.{field}"] for field in ("gestation_weeks", "gestation_days", "birth_weight_kg")
}


class FamilyDetail(FamilyPublic):
    babies: list[BabyPublic] = Field(default_factory=list)


def _path(prefix: str, loc: tuple[Any, ...]) -> str:
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _problems(prefix: str, exc: ValidationError) -> list[str]:
    lines = []
    for err in exc.errors(include_url=False):
        msg = "required" if err["type"] == "missing" else err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        lines.append(f"{_path(prefix, tuple(err['loc']))}: {msg}")
    return lines


def normalise_postcode(raw: str) -> str:
    """'so147du' -> 'SO14 7DU'; RecordError when it is not a UK postcode."""
    text = " ".join(raw.upper().split())
    if not text:
        return ""
    match = POSTCODE.match(text)
    if match is None:
        raise RecordError([f"family.postcode: must be a UK postcode such as SO14 7DU, got {raw!r}"])
    return f"{match.group(1)} {match.group(2)}"


def postcode_key(text: str) -> str:
    return "".join(text.upper().split())


def _text(path: str, value: Any, *, required: bool, limit: int = NAME_MAX) -> str:
    if not isinstance(value, str):
        raise RecordError([f"{path}: must be text"])
    text = value.strip()
    if required and not text:
        raise RecordError([f"{path}: must not be empty"])
    if len(text) > limit:
        raise RecordError([f"{path}: must be at most {limit} characters"])
    return text


def _validated_family(data: FamilyCreate | dict[str, Any]) -> FamilyCreate:
    try:
        model = data if isinstance(data, FamilyCreate) else FamilyCreate.model_validate(data)
    except ValidationError as exc:
        raise RecordError(_problems("family", exc)) from None
    return model.model_copy(
        update={
            "name": _text("family.name", model.name, required=True),
            "surname": _text("family.surname", model.surname, required=True),
            "address": _text("family.address", model.address, required=False, limit=1000),
            "postcode": normalise_postcode(model.postcode),
        }
    )


def _apply_family(row: Family, model: FamilyCreate) -> None:
    row.name, row.surname = model.name, model.surname
    row.address, row.postcode = model.address, model.postcode
    row.carers = [c.model_dump(exclude=set() if c.nhs_number else {"nhs_number"}) for c in model.carers]
    row.other_adults = [a.model_dump() for a in model.other_adults]
    row.name_key, row.surname_key = search_key(model.name), search_key(model.surname)
    row.postcode_key = postcode_key(model.postcode)


def _team_id(session: Session) -> UUID | None:
    meta = session.get(DeviceMeta, "team_id")
    return None if meta is None else UUID(meta.value)


def _record_update(
    session: Session, row: Family | Baby, entity: str, changed: list[str], actor: str | None
) -> None:
    """When fields changed: the row saved, queued for sync and the change audited (which fields)."""
    if not changed:
        return
    row.updated = utcnow()
    session.add(row)
    enqueue(session, row)
    audit(
        session=session,
        actor=actor or acting(session, None).name,
        action=f"update_{entity}",
        entity=entity,
        entity_id=row.id,
        detail={"fields": changed},
    )


@writes
def create_family(
    *, session: Session, data: FamilyCreate | dict[str, Any], actor: str | None = None
) -> FamilyPublic:
    """Add a household to the caseload."""
    model = _validated_family(data)
    row = Family(
        name=model.name,
        surname=model.surname,
        team_id=_team_id(session),
        surname_key="",
        name_key="",
        postcode_key="",
    )
    _apply_family(row, model)
    session.add(row)
    enqueue(session, row)
    audit(
        session=session,
        actor=actor or acting(session, None).name,
        action="create_family",
        entity="family",
        entity_id=row.id,
    )
    return FamilyPublic.model_validate(row)


def _family(session: Session, family_id: UUID) -> Family:
    row = session.get(Family, family_id, populate_existing=True)
    if row is None:
        raise NotFound(f"family {family_id}: not found")
    return row


@writes
def update_family(
    *,
    session: Session,
    family_id: UUID,
    changes: dict[str, Any],
    actor: str | None = None,
) -> FamilyPublic:
    """Change some household fields; queues an upsert based on the last server version."""
    unknown = [k for k in changes if k not in FAMILY_FIELDS]
    if unknown:
        raise RecordError(
            [f"family.{k}: unknown field; allowed: {', '.join(FAMILY_FIELDS)}" for k in unknown]
        )
    row = _family(session, family_id)
    current = {f: getattr(row, f) for f in FAMILY_FIELDS}
    model = _validated_family({**current, **changes})
    before = to_jsonable(current)
    _apply_family(row, model)
    after = to_jsonable({f: getattr(row, f) for f in FAMILY_FIELDS})
    changed = sorted(f for f in FAMILY_FIELDS if before[f] != after[f])
    _record_update(session, row, "family", changed, actor)
    return FamilyPublic.model_validate(row)


def _validated_baby(data: BabyCreate | dict[str, Any]) -> BabyCreate:
    try:
        model = data if isinstance(data, BabyCreate) else BabyCreate.model_validate(data)
    except ValidationError as exc:
        raise RecordError(_problems("baby", exc)) from None
    problems = []
    for field, allowed_range in BABY_RANGES.items():
        value = getattr(model, field)
        if value is not None and not allowed_range.contains(value):
            problems.append(f"baby.{field}: must be {allowed_range.words()}")
    if model.date_of_birth is not None and model.date_of_birth > dt.date.today():
        problems.append("baby.date_of_birth: must not be in the future")
    if problems:
        raise RecordError(problems)
    return model.model_copy(update={"name": _text("baby.name", model.name, required=True)})


def _apply_baby(row: Baby, model: BabyCreate) -> None:
    for field in BABY_FIELDS:
        setattr(row, field, getattr(model, field))
    row.name_key = search_key(model.name)


@writes
def add_baby(
    *,
    session: Session,
    family_id: UUID,
    data: BabyCreate | dict[str, Any],
    actor: str | None = None,
) -> BabyPublic:
    """Add a baby to a household."""
    _family(session, family_id)
    model = _validated_baby(data)
    row = Baby(family_id=family_id, name=model.name, name_key="")
    _apply_baby(row, model)
    session.add(row)
    enqueue(session, row)
    audit(
        session=session,
        actor=actor or acting(session, None).name,
        action="add_baby",
        entity="baby",
        entity_id=row.id,
        detail={"family_id": family_id},
    )
    return BabyPublic.model_validate(row)


@writes
def update_baby(
    *, session: Session, baby_id: UUID, changes: dict[str, Any], actor: str | None = None
) -> BabyPublic:
    """Change some of a baby's fields (name, date of birth, gestation, birth weight)."""
    unknown = [k for k in changes if k not in BABY_FIELDS]
    if unknown:
        raise RecordError([f"baby.{k}: unknown field; allowed: {', '.join(BABY_FIELDS)}" for k in unknown])
    row = session.get(Baby, baby_id, populate_existing=True)
    if row is None:
        raise NotFound(f"baby {baby_id}: not found")
    model = _validated_baby({**{f: getattr(row, f) for f in BABY_FIELDS}, **changes})
    before = to_jsonable({f: getattr(row, f) for f in BABY_FIELDS})
    _apply_baby(row, model)
    changed = sorted(f for f, v in to_jsonable(model.model_dump()).items() if before[f] != v)
    _record_update(session, row, "baby", changed, actor)
    return BabyPublic.model_validate(row)


def get_family(*, session: Session, family_id: UUID) -> FamilyDetail:
    """A household with its babies (oldest first)."""
    row = _family(session, family_id)
    babies = session.exec(
        select(Baby).where(Baby.family_id == family_id).order_by(col(Baby.date_of_birth), col(Baby.id))
    ).all()
    return FamilyDetail.model_validate(
        {
            **FamilyPublic.model_validate(row).model_dump(),
            "babies": [BabyPublic.model_validate(b) for b in babies],
        }
    )


def find_families(*, session: Session, name_or_id: str) -> list[FamilyPublic]:
    """Families whose id is `name_or_id`, or whose name or surname is it (any case)."""
    text = name_or_id.strip()
    try:
        family_id = UUID(text)
    except ValueError:
        key = search_key(text)
        rows = session.exec(
            select(Family)
            .where(
                or_(
                    Family.name_key == key, Family.surname_key == key, func.lower(Family.name) == text.lower()
                )
            )
            .order_by(col(Family.name_key))
        ).all()
    else:
        found = session.get(Family, family_id)
        rows = [] if found is None else [found]
    return [FamilyPublic.model_validate(r) for r in rows]


class NotePublic(BaseModel):
    id: UUID
    family_id: UUID
    baby_id: UUID | None
    text: str
    author_name: str
    created: dt.datetime


@writes
def add_note(
    *,
    session: Session,
    family_id: UUID,
    text: str,
    baby_id: UUID | None = None,
    author: UUID | None = None,
) -> NotePublic:
    """A free-text case note on the family's record (immutable once written)."""
    _family(session, family_id)
    body = _text("note.text", text, required=True, limit=TEXT_MAX)
    who = acting(session, author)
    row = CaseNote(family_id=family_id, baby_id=baby_id, text=body, author_id=who.id, author_name=who.name)
    session.add(row)
    enqueue(session, row)
    audit(
        session=session,
        actor=who.name,
        action="add_note",
        entity="note",
        entity_id=row.id,
        detail={"family_id": family_id},
    )
    return NotePublic.model_validate(row, from_attributes=True)
