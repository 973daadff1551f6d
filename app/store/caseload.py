"""The caseload list: families found by surname, household or baby name, or postcode prefix."""

from __future__ import annotations

import datetime as dt
import heapq
import unicodedata
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session, col, func, select

from app.store.models import Amendment, Baby, CaseloadEntry, Family, VisitRecord, VisitStatus

PREFIX_END = "\U0010ffff"
VIEWS = ("urgent", "high", "incomplete", "overdue", "drafts", "name")  # "name": A to Z
CANDIDATES = 5000  # a search narrowed by a filter looks at most at this many name matches


def search_key(value: str) -> str:
    """What names are indexed and searched by: letters and digits only, lower case, no accents.

    "O'Brien" and "OBrien" -> "obrien"; "Smith-Jones" -> "smithjones"; "Zoë" -> "zoe".
    """
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode() or value
    return "".join(c for c in plain.casefold() if c.isalnum())


class BabySummary(BaseModel):
    id: UUID
    name: str
    date_of_birth: dt.date | None
    age_text: str


class CaseloadRow(BaseModel):
    family_id: UUID
    name: str
    surname: str
    postcode: str
    babies: list[BabySummary]
    last_visit_date: dt.date | None
    last_risk_level: str | None
    last_escalate: bool | None
    drafts: int
    next_due: dt.date | None


def age_text(born: dt.date | None, today: dt.date | None = None) -> str:
    """'9 days', '5 weeks', '4 months', '1 year 3 months' (empty when the date is unknown)."""
    if born is None:
        return ""
    today = today or dt.date.today()
    days = (today - born).days
    if days < 0:
        return "not born yet"
    if days < 14:
        return f"{days} day{'s' * (days != 1)}"
    if days < 8 * 7:
        return f"{days // 7} weeks"
    months = (today.year - born.year) * 12 + today.month - born.month - (today.day < born.day)
    if months < 12:
        return f"{months} month{'s' * (months != 1)}"
    years, rest = divmod(months, 12)
    text = f"{years} year{'s' * (years != 1)}"
    return text + (f" {rest} month{'s' * (rest != 1)}" if rest else "")


def _prefix(column: Any, text: str) -> Any:
    return (col(column) >= text) & (col(column) < text + PREFIX_END)


def _matching(session: Session, query: str, limit: int) -> list[UUID]:
    """The first `limit` matching family ids in caseload order (surname, household name, id).

    Each criterion is one range scan of a covering index, already in caseload order (LIMITed);
    the four short lists are merged here. This stays fast whatever the prefix matches.
    """
    word = search_key(query)
    code = "".join(query.upper().split())
    order = (col(Family.surname_key), col(Family.name_key), col(Family.id))
    keys = (Family.surname_key, Family.name_key, Family.id)
    lists = [
        session.exec(
            select(*keys).where(_prefix(Family.surname_key, word)).order_by(*order).limit(limit)
        ).all(),
        session.exec(select(*keys).where(_prefix(Family.name_key, word)).order_by(*order).limit(limit)).all(),
        session.exec(
            select(*keys).where(_prefix(Family.postcode_key, code)).order_by(*order).limit(limit)
        ).all(),
        session.exec(
            select(*keys)
            .join(Baby, col(Baby.family_id) == col(Family.id))
            .where(_prefix(Baby.name_key, word))
            .order_by(*order)
            .limit(limit)
        ).all()
        if word
        else [],
    ]
    found: list[UUID] = []
    for _, _, family_id in heapq.merge(*lists, key=lambda r: (r[0], r[1], r[2].hex)):
        if family_id not in found:
            found.append(family_id)
            if len(found) == limit:
                break
    return found


# Each filter twice: for the overdue scan, and in terms the index of the second scan can use.
_ONLY: dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]] = {
    "urgent": ((), ()),
    "overdue": ((), ()),
    "high": ((col(CaseloadEntry.risk) == "high",), (col(CaseloadEntry.urgency) == 1,)),
    "incomplete": ((col(CaseloadEntry.risk) == "incomplete",), (col(CaseloadEntry.urgency) == 2,)),
    "drafts": ((col(CaseloadEntry.has_draft),), (col(CaseloadEntry.has_draft) == True,)),  # noqa: E712
}


def _urgent(session: Session, show: str, ids: list[UUID] | None, limit: int, today: dt.date) -> list[UUID]:
    """Family ids, most urgent first: overdue (longest first), high risk, incomplete, drafts, due soonest.

    Read from caseload_entry (kept by triggers): two range scans of its indexes, LIMITed, whatever
    the size of the caseload; only "overdue" depends on today, so it is the first scan.
    """
    if ids is not None and not ids:
        return []
    e = CaseloadEntry
    within = (col(e.family_id).in_(ids),) if ids is not None else ()
    overdue_only, rest_only = _ONLY[show]
    names = (col(e.surname_key), col(e.name_key), col(e.family_id))
    found = list(
        session.exec(
            select(e.family_id)
            .where(col(e.due) < today, *overdue_only, *within)
            .order_by(col(e.due), *names)
            .limit(limit)
        )
    )
    if show != "overdue" and len(found) < limit:
        found += session.exec(
            select(e.family_id)
            .where(col(e.due_key) >= today, *rest_only, *within)
            .order_by(col(e.urgency), col(e.due_key), *names)
            .limit(limit - len(found))
        )
    return found


def search_caseload(
    *, session: Session, query: str = "", limit: int = 50, show: str = "name", today: dt.date | None = None
) -> list[CaseloadRow]:
    """Families whose surname, household name, baby's name or postcode starts with `query`.

    `show`: "name" (A to Z), "urgent" (most urgent first), or only "high", "incomplete",
    "overdue" or "drafts" (each most urgent first).
    """
    if show not in VIEWS:
        raise ValueError(f"show: must be one of: {', '.join(VIEWS)}")
    columns = (Family.id, Family.name, Family.surname, Family.postcode)
    if show != "name":
        candidates = _matching(session, query, CANDIDATES) if query.strip() else None
        wanted = _urgent(session, show, candidates, limit, today or dt.date.today())
        found = {r[0]: r for r in session.exec(select(*columns).where(col(Family.id).in_(wanted))).all()}
        families = [found[i] for i in wanted if i in found]
    elif query.strip():
        wanted = _matching(session, query, limit)
        found = {r[0]: r for r in session.exec(select(*columns).where(col(Family.id).in_(wanted))).all()}
        families = [found[i] for i in wanted if i in found]
    else:
        families = list(
            session.exec(
                select(*columns)
                .order_by(col(Family.surname_key), col(Family.name_key), col(Family.id))
                .limit(limit)
            ).all()
        )
    if not families:
        return []
    ids = [f[0] for f in families]
    babies: dict[UUID, list[BabySummary]] = {i: [] for i in ids}
    for b_id, fam, name, born in session.exec(
        select(col(Baby.id), col(Baby.family_id), col(Baby.name), col(Baby.date_of_birth))
        .where(col(Baby.family_id).in_(ids))
        .order_by(col(Baby.date_of_birth), col(Baby.id))
    ):
        babies[fam].append(BabySummary(id=b_id, name=name, date_of_birth=born, age_text=age_text(born)))
    latest: dict[UUID, tuple[Any, ...]] = {}
    for row in session.connection().execute(  # seven columns: past sqlmodel's typed select
        sa.select(
            col(VisitRecord.family_id),
            col(VisitRecord.id),
            col(VisitRecord.visit_date),
            col(VisitRecord.risk_level),
            col(VisitRecord.escalate),
            col(VisitRecord.follow_up_date),
            col(VisitRecord.signed_at),
        ).where(col(VisitRecord.status) == VisitStatus.signed, col(VisitRecord.family_id).in_(ids))
    ):
        key = (row[2], row[6])
        if row[0] not in latest or key > (latest[row[0]][2], latest[row[0]][6]):
            latest[row[0]] = tuple(row)
    state: dict[UUID, tuple[str | None, bool | None, dt.date | None]] = {
        v[1]: (v[3], v[4], v[5]) for v in latest.values()
    }
    if state:
        for visit_id, amended_risk, amended_escalate, changes in session.exec(
            select(Amendment.visit_id, Amendment.risk_level, Amendment.escalate, Amendment.changes)
            .where(col(Amendment.visit_id).in_(list(state)))
            .order_by(col(Amendment.created), col(Amendment.id))
        ):
            due = state[visit_id][2]
            if "notes.follow_up_date" in changes:
                to = changes["notes.follow_up_date"]["to"]
                due = dt.date.fromisoformat(to) if to else None
            state[visit_id] = (amended_risk, amended_escalate, due)
    drafts = dict(
        session.exec(
            select(VisitRecord.family_id, func.count())
            .where(col(VisitRecord.status) == VisitStatus.draft, col(VisitRecord.family_id).in_(ids))
            .group_by(col(VisitRecord.family_id))
        ).all()
    )
    out = []
    for fam_id, name, surname, postcode in families:
        last = latest.get(fam_id)
        risk, escalate, due = state[last[1]] if last else (None, None, None)
        out.append(
            CaseloadRow(
                family_id=fam_id,
                name=name,
                surname=surname,
                postcode=postcode,
                babies=babies[fam_id],
                last_visit_date=last[2] if last else None,
                last_risk_level=risk,
                last_escalate=escalate,
                drafts=drafts.get(fam_id, 0),
                next_due=due,
            )
        )
    return out
