"""Drafts: prefilled from the baby record, one validated answer at a time, notes, drafts list."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

import app.store as st
from tests.store.helpers import NOT_ASKED, TODAY, Household, draft
from tests.store.writing import writing


def test_start_visit_prefills_baby_and_practitioner(session: Session, household: Household) -> None:
    visit = st.start_visit(
        session=session, baby_id=household.baby_id, visit_date=TODAY, visit_type="new_birth"
    )
    doc = visit.visit.to_document()
    assert doc["visit"] == {"date": TODAY.isoformat(), "type": "new_birth"}
    assert doc["practitioner"] == {"name": "Ann Visitor", "phone": "023 8000 0000"}
    assert doc["baby"] == {
        "name": "Sam",
        "gestation_weeks": 39,
        "gestation_days": 2,
        "birth_weight_kg": 3.4,
        "date_of_birth": (TODAY - dt.timedelta(days=20)).isoformat(),
    }
    assert visit.status == "draft" and visit.assessment is None
    assert [d.id for d in st.list_drafts(session=session)] == [visit.id]


def test_start_visit_rejects_a_bad_visit_type(session: Session, household: Household) -> None:
    with pytest.raises(st.VisitError) as err:
        st.start_visit(session=session, baby_id=household.baby_id, visit_date=TODAY, visit_type="social")
    assert str(err.value.problems[0]).startswith("visit.type: must be one of: antenatal, new_birth")


def test_save_answer_stores_and_clears_one_answer(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id)
    visit = st.save_answer(session=session, visit_id=vid, path="sleep.items", value=("pillow", "duvet"))
    assert visit.visit.sleep.items is not None
    assert [i.value for i in visit.visit.sleep.items] == ["pillow", "duvet"]
    visit = st.save_answer(session=session, visit_id=vid, path="sleep.items", value=None)
    assert visit.visit.sleep.items is None
    assert "sleep" not in visit.visit.to_document()


def test_invalid_answer_names_the_field_and_is_not_stored(store: st.Store, household: Household) -> None:
    with writing(store) as s:
        vid = draft(s, household.baby_id, sleep__room_temperature_c=18)
        with pytest.raises(st.VisitError) as err:
            st.save_answer(session=s, visit_id=vid, path="sleep.room_temperature_c", value=60)
        assert [str(p) for p in err.value.problems] == [
            "sleep.room_temperature_c: must be between 5 and 40 °C"
        ]
        with pytest.raises(st.VisitError, match=r"sleep\.bedding: unknown field; allowed: place"):
            st.save_answer(session=s, visit_id=vid, path="sleep.bedding", value=True)
        with pytest.raises(st.VisitError, match=r"SECTION\.FIELD"):
            st.save_answer(session=s, visit_id=vid, path="garden.shed", value=True)
        with pytest.raises(st.VisitError, match="cannot be cleared"):
            st.save_answer(session=s, visit_id=vid, path="visit.date", value=None)
    with writing(store) as s:  # a fresh session: what is on disk
        visit = st.get_visit(session=s, visit_id=vid)
    assert visit.visit.sleep.room_temperature_c == 18


def test_visit_date_and_type_answers_update_the_visit(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id)
    yesterday = TODAY - dt.timedelta(days=1)
    visit = st.save_answer(session=session, visit_id=vid, path="visit.date", value=yesterday)
    visit = st.save_answer(session=session, visit_id=vid, path="visit.type", value="targeted")
    assert (visit.visit_date, visit.visit_type) == (yesterday, "targeted")


def test_save_notes_updates_only_the_fields_given(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id)
    st.save_notes(
        session=session, visit_id=vid, parents_said="She sleeps in our bed", follow_up_date="2030-01-05"
    )
    visit = st.save_notes(session=session, visit_id=vid, observed="Cot unused")
    assert visit.parents_said == "She sleeps in our bed" and visit.observed == "Cot unused"
    assert visit.follow_up_date == dt.date(2030, 1, 5)
    with pytest.raises(st.RecordError, match="follow_up_date: must be a date"):
        st.save_notes(session=session, visit_id=vid, follow_up_date="next week")
    assert st.save_notes(session=session, visit_id=vid, follow_up_date=None).follow_up_date is None


def test_current_assessment_of_a_draft(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id, sleep__position="front", sleep__seen=False)
    result = st.current_assessment(session=session, visit_id=vid)
    assert result.risk_level.value == "high"
    assert result.has("not_on_back") and "ask_to_see_sleep_space" in result.prompts


def test_drafts_and_visits_lists(session: Session, household: Household) -> None:
    a = draft(session, household.baby_id, day=TODAY - dt.timedelta(days=3))
    b = draft(session, household.baby_id)
    st.sign_visit(session=session, visit_id=a, incomplete_reason=NOT_ASKED)
    drafts = st.list_drafts(session=session, family_id=household.family_id)
    assert [d.id for d in drafts] == [b]
    assert drafts[0].baby_name == "Sam" and drafts[0].family_name == "Okafor family"
    assert drafts[0].created <= drafts[0].updated
    assert [v.id for v in st.list_visits(session=session, family_id=household.family_id)] == [b, a]


def test_delete_draft(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id)
    st.delete_draft(session=session, visit_id=vid)
    with pytest.raises(st.NotFound):
        st.get_visit(session=session, visit_id=vid)


def test_unknown_visit_is_not_found(session: Session) -> None:
    from uuid6 import uuid7

    with pytest.raises(st.NotFound):
        st.save_answer(session=session, visit_id=uuid7(), path="sleep.place", value="cot")
