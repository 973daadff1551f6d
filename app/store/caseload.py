"""The caseload list: families found by surname, household or baby name, or postcode prefix."""

from __future__ import annotations

import datetime as dt
import heapq
import unicodedata
from typing import Any
from uuid import UUID

from pydantic import BaseModel
from sqlalchemy import text
from sqlmodel import Session, col, func, select

from app.store.models import Amendment, Baby, Family, VisitRecord, VisitStatus

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


_URGENT_SQL = """
WITH latest AS (
    SELECT v.family_id, v.id AS visit_id, v.risk_level, v.follow_up_date,
           MAX(v.visit_date || '|' || COALESCE(v.signed_at, '')) AS newest
    FROM visit v WHERE v.status = 'signed' {visit_where}
    GROUP BY v.family_id
), drafts AS (SELECT DISTINCT family_id FROM visit WHERE status = 'draft' {visit_where}),
shown AS (
    SELECT f.id, f.surname_key, f.name_key, l.follow_up_date AS due,
           COALESCE((SELECT a.risk_level FROM amendment a WHERE a.visit_id = l.visit_id
                     ORDER BY a.created DESC, a.id DESC LIMIT 1), l.risk_level) AS risk,
           d.family_id IS NOT NULL AS has_draft
    FROM family f
    LEFT JOIN latest l ON l.family_id = f.id
    LEFT JOIN drafts d ON d.family_id = f.id
    {family_where}
)
SELECT id FROM shown WHERE {show_where}
ORDER BY CASE WHEN due < :today THEN 0 WHEN risk = 'high' THEN 1 WHEN risk = 'incomplete' THEN 2
              WHEN has_draft THEN 3 WHEN due IS NOT NULL THEN 4 ELSE 5 END,
         due IS NULL, due, surname_key, name_key, id
LIMIT :limit
"""
_SHOW_WHERE = {
    "urgent": "1",
    "high": "risk = 'high'",
    "incomplete": "risk = 'incomplete'",
    "overdue": "due < :today",
    "drafts": "has_draft",
}


def _urgent(session: Session, show: str, ids: list[UUID] | None, limit: int, today: dt.date) -> list[UUID]:
    """Family ids, most urgent first: overdue (longest first), high risk, incomplete, drafts, due soonest."""
    params: dict[str, Any] = {"today": today.isoformat(), "limit": limit}
    visit_where = family_where = ""
    if ids is not None:
        if not ids:
            return []
        names = [f"f{i}" for i in range(len(ids))]
        params.update({n: i.hex for n, i in zip(names, ids, strict=True)})
        within = ", ".join(f":{n}" for n in names)
        visit_where, family_where = f"AND family_id IN ({within})", f"WHERE f.id IN ({within})"
    sql = _URGENT_SQL.format(visit_where=visit_where, family_where=family_where, show_where=_SHOW_WHERE[show])
    return [UUID(hex=str(r[0])) for r in session.connection().execute(text(sql), params)]


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
        select(Baby.id, Baby.family_id, Baby.name, Baby.date_of_birth)
        .where(col(Baby.family_id).in_(ids))
        .order_by(col(Baby.date_of_birth), col(Baby.id))
    ):
        babies[fam].append(BabySummary(id=b_id, name=name, date_of_birth=born, age_text=age_text(born)))
    latest: dict[UUID, tuple] = {}
    for row in session.exec(
        select(
            VisitRecord.family_id,
            VisitRecord.id,
            VisitRecord.visit_date,
            VisitRecord.risk_level,
            VisitRecord.escalate,
            VisitRecord.follow_up_date,
            VisitRecord.signed_at,
        ).where(col(VisitRecord.status) == VisitStatus.signed, col(VisitRecord.family_id).in_(ids))
    ):
        key = (row[2], row[6])
        if row[0] not in latest or key > (latest[row[0]][2], latest[row[0]][6]):
            latest[row[0]] = tuple(row)
    state: dict[UUID, tuple[str | None, bool | None, dt.date | None]] = {
        v[1]: (v[3], v[4], v[5]) for v in latest.values()
    }
    if state:
        for visit_id, risk, escalate, changes in session.exec(
            select(Amendment.visit_id, Amendment.risk_level, Amendment.escalate, Amendment.changes)
            .where(col(Amendment.visit_id).in_(list(state)))
            .order_by(col(Amendment.created), col(Amendment.id))
        ):
            due = state[visit_id][2]
            if "notes.follow_up_date" in changes:
                to = changes["notes.follow_up_date"]["to"]
                due = dt.date.fromisoformat(to) if to else None
            state[visit_id] = (risk, escalate, due)
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
