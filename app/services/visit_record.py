"""A visit as the screens show it: its answers and notes, amendments, the family's people as
"who was present" choices, and what the baby's last signed visit found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.services.families import RELATIONSHIPS
from app.services.problems import as_uuid
from app.services.visit_answers import read_pending
from app.services.visit_review import flatten
from app.store import Store, get_family, get_visit, list_visits


@dataclass(frozen=True, slots=True)
class Amendment:
    created: dt.datetime
    changes: tuple[str, ...]
    reason: str
    author: str
    diffs: tuple[tuple[str, Any, Any], ...] = ()  # (path, from, to)


@dataclass(frozen=True, slots=True)
class PersonChoice:
    """One of the family's people, as a "who was present" answer."""

    key: str
    name: str
    relationship: str  # one of RELATIONSHIPS
    words: str

    def as_answer(self) -> dict[str, str]:
        return {"name": self.name, "relationship": self.relationship}


@dataclass(frozen=True, slots=True)
class LastVisit:
    """What the last signed visit of this baby found (for "Last time: ...")."""

    date: dt.date
    answers: dict[str, Any]
    risk_level: str | None
    factor_titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VisitRecord:
    visit_id: str
    family_id: str
    family_name: str
    baby_name: str
    answers: dict[str, Any]
    notes: dict[str, str]
    signed: bool
    leaflet_given: bool
    amendments: tuple[Amendment, ...]
    baby_id: str = ""
    pending: dict[str, str] | None = None
    people: tuple[PersonChoice, ...] = ()
    last: LastVisit | None = None
    signed_on: dt.datetime | None = None
    signed_by: str = ""
    incomplete_reason: str = ""


def _people(family: Any) -> tuple[PersonChoice, ...]:
    out: list[PersonChoice] = []
    for i, p in enumerate([*family.carers, *family.other_adults]):
        d = p if isinstance(p, dict) else p.model_dump()
        name = str(d.get("name") or "").strip()
        if not name:
            continue
        given = str(d.get("relationship") or "").strip().lower().replace(" ", "_")
        rel = given if given in RELATIONSHIPS else "other"
        shown = str(d.get("relationship") or "").strip()
        out.append(PersonChoice(f"p{i}", name, rel, f"{name} ({shown})" if shown else name))
    return tuple(out)


def family_people(*, store: Store, family_id: str) -> tuple[PersonChoice, ...]:
    """The family's carers and other adults, as answers to "who was present"."""
    with store.session() as s:
        return _people(get_family(session=s, family_id=as_uuid(family_id)))


def _last_signed(session: Any, *, family_id: Any, baby_id: Any, not_id: Any) -> LastVisit | None:
    signed = [
        v
        for v in list_visits(session=session, family_id=family_id)
        if v.status == "signed" and v.baby_id == baby_id and v.id != not_id
    ]
    if not signed:
        return None
    latest = signed[0]  # newest visit date first
    detail = get_visit(session=session, visit_id=latest.id)
    titles = tuple(f.get("title", "") for f in (detail.current_assessment or {}).get("factors", []))
    return LastVisit(latest.visit_date, flatten(detail.current.to_document()), detail.risk_level, titles)


def load_visit(*, store: Store, visit_id: str) -> VisitRecord:
    """A visit as the screens need it (amendments applied to a signed visit; pending text of a draft)."""
    with store.session() as s:
        v = get_visit(session=s, visit_id=as_uuid(visit_id))
        f = get_family(session=s, family_id=v.family_id)
        pending = read_pending(s, visit_id) if v.status == "draft" else {}
        last = _last_signed(s, family_id=v.family_id, baby_id=v.baby_id, not_id=v.id)
    shown = v.current if v.status == "signed" else v.visit
    notes = {
        "parents_said": v.parents_said or "",
        "observed": v.observed or "",
        "agreed_actions": v.agreed_actions or "",
        "follow_up": v.follow_up_date.isoformat() if v.follow_up_date else "",
    }
    return VisitRecord(
        visit_id=str(v.id),
        family_id=str(v.family_id),
        family_name=f.name,
        baby_name=shown.baby.name or "",
        answers=flatten(shown.to_document()),
        notes=notes,
        signed=v.status == "signed",
        leaflet_given=bool(v.leaflets),
        amendments=tuple(
            Amendment(
                a.created,
                tuple(a.changes),
                a.reason,
                a.author_name,
                tuple((p, c.get("from"), c.get("to")) for p, c in a.changes.items()),
            )
            for a in v.amendments
        ),
        baby_id=str(v.baby_id),
        pending=pending,
        people=_people(f),
        last=last,
        signed_on=v.signed_at,
        signed_by=v.signed_by_name or "",
        incomplete_reason=str(getattr(v, "incomplete_reason", "") or ""),
    )
