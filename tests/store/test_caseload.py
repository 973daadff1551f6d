"""Caseload search: surname, household or baby name, postcode prefix; last visit and what is due."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

import app.store as st
from tests.store.helpers import NOT_ASKED, TODAY, complete, draft, make_household


def _names(rows: list[st.CaseloadRow]) -> list[str]:
    return [r.surname for r in rows]


def test_search_by_surname_baby_name_or_postcode_prefix(session: Session) -> None:
    make_household(session, "Okafor", "Sam", "SO14 7DU")
    make_household(session, "O'Brien", "Isla", "SO15 2AB")
    make_household(session, "Patel", "Okello", "PO1 3HX")
    assert _names(st.search_caseload(session=session, query="oka")) == ["Okafor"]
    assert _names(st.search_caseload(session=session, query="OK")) == ["Okafor", "Patel"]
    assert _names(st.search_caseload(session=session, query="o'b")) == ["O'Brien"]
    assert _names(st.search_caseload(session=session, query="isla")) == ["O'Brien"]
    assert _names(st.search_caseload(session=session, query="so1")) == ["O'Brien", "Okafor"]
    assert _names(st.search_caseload(session=session, query="so14 7")) == ["Okafor"]
    assert _names(st.search_caseload(session=session, query="so147d")) == ["Okafor"]
    assert _names(st.search_caseload(session=session, query="po1")) == ["Patel"]
    assert _names(st.search_caseload(session=session, query="zz")) == []
    assert _names(st.search_caseload(session=session)) == ["O'Brien", "Okafor", "Patel"]
    assert len(st.search_caseload(session=session, limit=2)) == 2


def test_row_shows_babies_last_visit_risk_drafts_and_next_due(session: Session) -> None:
    h = make_household(session, "Okafor", "Sam", age_days=40)
    st.add_baby(
        session=session,
        family_id=h.family_id,
        data={"name": "Ada", "date_of_birth": TODAY - dt.timedelta(days=400)},
    )
    old = draft(session, h.baby_id, day=TODAY - dt.timedelta(days=30), sleep__place="sofa")
    st.save_notes(session=session, visit_id=old, follow_up_date=TODAY)
    st.sign_visit(session=session, visit_id=old, incomplete_reason=NOT_ASKED)
    new = draft(session, h.baby_id, day=TODAY - dt.timedelta(days=2), **complete(sleep__items=["pillow"]))
    st.save_notes(session=session, visit_id=new, follow_up_date=TODAY + dt.timedelta(days=14))
    st.sign_visit(session=session, visit_id=new, incomplete_reason=NOT_ASKED)
    draft(session, h.baby_id)
    [row] = st.search_caseload(session=session, query="okafor")
    assert [(b.name, b.age_text) for b in row.babies] == [("Ada", "1 year 1 month"), ("Sam", "5 weeks")]
    assert row.last_visit_date == TODAY - dt.timedelta(days=2)
    assert (row.last_risk_level, row.last_escalate) == ("increased", False)
    assert row.drafts == 1
    assert row.next_due == TODAY + dt.timedelta(days=14)
    st.amend_visit(
        session=session,
        visit_id=new,
        reason="pillow was removed before I left",
        changes={"sleep.items": [], "notes.follow_up_date": TODAY.isoformat()},
    )
    [row] = st.search_caseload(session=session, query="okafor")
    assert (row.last_risk_level, row.next_due) == ("low", TODAY)


def test_family_without_visits(session: Session) -> None:
    make_household(session, "Nowak")
    [row] = st.search_caseload(session=session, query="nowak")
    assert (row.last_visit_date, row.last_risk_level, row.drafts, row.next_due) == (None, None, 0, None)


def test_age_text() -> None:
    from app.store.caseload import age_text

    day = dt.date(2026, 6, 15)
    assert age_text(None) == ""
    assert age_text(day, day) == "0 days"
    assert age_text(day - dt.timedelta(days=1), day) == "1 day"
    assert age_text(day - dt.timedelta(days=20), day) == "2 weeks"
    assert age_text(dt.date(2026, 1, 15), day) == "5 months"
    assert age_text(dt.date(2025, 6, 15), day) == "1 year"
    assert age_text(dt.date(2024, 4, 1), day) == "2 years 2 months"
