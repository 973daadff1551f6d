"""The caseload: families found by name or postcode, most urgent first or filtered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.store import Store, list_drafts, search_caseload
from app.store.caseload import VIEWS

SEARCH_LIMIT = 50
DEFAULT_VIEW = "urgent"
__all__ = ["DEFAULT_VIEW", "SEARCH_LIMIT", "VIEWS", "CaseloadRow", "search"]


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    family_id: str
    family_name: str
    postcode: str
    baby_id: str | None
    baby_name: str
    baby_born: dt.date | None
    last_visit: dt.date | None
    risk_level: str | None
    draft_visit_id: str | None
    next_due: dt.date | None


def search(
    *, store: Store, query: str, show: str = DEFAULT_VIEW, limit: int = SEARCH_LIMIT
) -> list[CaseloadRow]:
    """Caseload rows matching a surname, household name, baby's name or postcode prefix.

    `show`: "urgent" (overdue, high risk, incomplete, drafts, due soonest, then the rest), "name"
    (A to Z), or only "high", "incomplete", "overdue" or "drafts".
    """
    with store.session() as s:
        rows = search_caseload(session=s, query=query, limit=limit, show=show)
        drafts: dict[str, str] = {}
        if any(r.drafts for r in rows):
            for d in list_drafts(session=s):
                drafts.setdefault(str(d.family_id), str(d.id))
    out = []
    for r in rows:
        baby = r.babies[0] if r.babies else None
        out.append(
            CaseloadRow(
                family_id=str(r.family_id),
                family_name=r.name,
                postcode=r.postcode,
                baby_id=str(baby.id) if baby else None,
                baby_name=baby.name if baby else "",
                baby_born=baby.date_of_birth if baby else None,
                last_visit=r.last_visit_date,
                risk_level=r.last_risk_level,
                draft_visit_id=drafts.get(str(r.family_id)) if r.drafts else None,
                next_due=r.next_due,
            )
        )
    return out
