"""Pending input beside the draft: what is typed but not (yet) valid, never stored as an answer."""

from __future__ import annotations

import pytest

import app.store as st
from tests.store.helpers import PASSPHRASE, TODAY, Household, complete, draft, make_household
from tests.store.writing import writing


@pytest.fixture
def visit_id(store: st.Store) -> object:
    with writing(store) as s:
        h: Household = make_household(s)
        answers = complete(sleep__room_temperature_c=18)
        return draft(s, h.baby_id, TODAY, **answers)


def test_pending_text_is_kept_and_the_answer_becomes_not_recorded_in_one_transaction(store, visit_id):
    with writing(store) as s:
        assert st.get_visit(session=s, visit_id=visit_id).visit.baby.birth_weight_kg == 3.4
        kept = st.set_pending_input(
            session=s, visit_id=visit_id, path="baby.birth_weight_lb", raw_text="5lb 1"
        )
        assert (kept.path, kept.raw_text) == ("baby.birth_weight_lb", "5lb 1")
    with store.session() as s:
        detail = st.get_visit(session=s, visit_id=visit_id)
        assert detail.visit.baby.birth_weight_kg is None and detail.visit.baby.birth_weight_lb is None
        assert detail.pending == {"baby.birth_weight_lb": "5lb 1"}
        assert "baby.birth_weight_kg" in st.current_assessment(session=s, visit_id=visit_id).incomplete


def test_a_failed_unit_of_work_keeps_both_the_answer_and_no_pending_text(store, visit_id):
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        st.set_pending_input(
            session=uow.session, visit_id=visit_id, path="sleep.room_temperature_c", raw_text="1"
        )
        raise RuntimeError("killed before commit")
    with store.session() as s:
        detail = st.get_visit(session=s, visit_id=visit_id)
        assert detail.visit.sleep.room_temperature_c == 18 and detail.pending == {}


def test_pending_text_survives_closing_and_reopening_the_store(store, visit_id):
    with writing(store) as s:
        st.set_pending_input(session=s, visit_id=visit_id, path="sleep.room_temperature_c", raw_text="18.")
    home = store.home
    store.close()
    again = st.open_store(home=home, passphrase=PASSPHRASE, plain=False)
    with again.session() as s:
        assert [(p.path, p.raw_text) for p in st.list_pending_input(session=s, visit_id=visit_id)] == [
            ("sleep.room_temperature_c", "18.")
        ]
    again.close()


def test_a_valid_answer_replaces_the_pending_text(store, visit_id):
    with writing(store) as s:
        st.set_pending_input(session=s, visit_id=visit_id, path="baby.birth_weight_lb", raw_text="5lb")
        st.save_answer(session=s, visit_id=visit_id, path="baby.birth_weight_lb", value=5.0625)
    with store.session() as s:
        detail = st.get_visit(session=s, visit_id=visit_id)
        assert detail.pending == {} and detail.visit.baby.birth_weight_lb == 5.0625


def test_clearing_pending_text_keeps_the_question_not_recorded(store, visit_id):
    with writing(store) as s:
        st.set_pending_input(session=s, visit_id=visit_id, path="sleep.room_temperature_c", raw_text="hot")
        st.clear_pending_input(session=s, visit_id=visit_id, path="sleep.room_temperature_c")
    with store.session() as s:
        detail = st.get_visit(session=s, visit_id=visit_id)
        assert detail.pending == {} and detail.visit.sleep.room_temperature_c is None


def test_pending_notes_clear_the_note_and_saving_the_note_clears_the_pending_text(store, visit_id):
    with writing(store) as s:
        st.save_notes(session=s, visit_id=visit_id, follow_up_date="2026-12-04")
        st.set_pending_input(session=s, visit_id=visit_id, path="notes.follow_up_date", raw_text="4/12/")
        assert st.get_visit(session=s, visit_id=visit_id).follow_up_date is None
        st.save_notes(session=s, visit_id=visit_id, follow_up_date="2026-12-04")
        assert st.get_visit(session=s, visit_id=visit_id).pending == {}


def test_export_holds_no_value_for_a_pending_question(store, visit_id):
    with writing(store) as s:
        st.set_pending_input(session=s, visit_id=visit_id, path="sleep.room_temperature_c", raw_text="18..")
        doc = st.export_visit(session=s, visit_id=visit_id)
    assert doc["format"] == "safesleep.visit/2" and "room_temperature_c" not in doc["sleep"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("visit.date", "visit.date: every visit has a date and a type"),
        ("garden.shed", "garden.shed: unknown question"),
        ("sleep.bedding", "sleep.bedding: unknown field"),
    ],
)
def test_pending_text_is_refused_for_a_required_or_unknown_question(store, visit_id, path: str, message: str):
    with pytest.raises((st.RecordError, st.VisitError), match=message), store.unit_of_work() as uow:
        st.set_pending_input(session=uow.session, visit_id=visit_id, path=path, raw_text="x")


def test_a_signed_visit_takes_no_pending_text(store, visit_id):
    with writing(store) as s:
        st.sign_visit(session=s, visit_id=visit_id)
    with pytest.raises(st.VisitSigned), store.unit_of_work() as uow:
        st.set_pending_input(session=uow.session, visit_id=visit_id, path="sleep.room", raw_text="x")


def test_discarding_a_draft_discards_its_pending_text(store, visit_id):
    with writing(store) as s:
        st.set_pending_input(session=s, visit_id=visit_id, path="sleep.room", raw_text="x")
        st.delete_draft(session=s, visit_id=visit_id)
        assert st.list_pending_input(session=s, visit_id=visit_id) == []
