"""Corrections to signed visits are amendments with a required reason; the visit row never changes."""

from __future__ import annotations

import pytest
from sqlmodel import Session

import app.store as st
from tests.store.helpers import NOT_ASKED, Household, complete, draft


@pytest.fixture
def signed_id(session: Session, household: Household):
    vid = draft(session, household.baby_id, **complete(sleep__place="sofa"))
    st.sign_visit(session=session, visit_id=vid, incomplete_reason=NOT_ASKED)
    return vid


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_amendment_requires_a_reason(session: Session, signed_id, reason) -> None:
    with pytest.raises(st.RecordError) as err:
        st.amend_visit(session=session, visit_id=signed_id, changes={"sleep.place": "cot"}, reason=reason)
    assert err.value.problems == ["reason: required; say why the signed visit is being corrected"]
    assert st.get_visit(session=session, visit_id=signed_id).amendments == []


def test_amendment_records_what_changed_and_reassesses(session: Session, signed_id) -> None:
    amendment = st.amend_visit(
        session=session,
        visit_id=signed_id,
        changes={"sleep.place": "cot", "notes.agreed_actions": "Cot only"},
        reason="Sofa was recorded by mistake",
    )
    assert amendment.changes == {
        "sleep.place": {"from": "sofa", "to": "cot"},
        "notes.agreed_actions": {"from": "", "to": "Cot only"},
    }
    assert amendment.risk_level == "low" and amendment.author_name == "Ann Visitor"
    visit = st.get_visit(session=session, visit_id=signed_id)
    assert visit.visit.sleep.place == "sofa"  # as signed, forever
    assert visit.assessment is not None and visit.assessment["risk_level"] == "high"
    assert visit.current.sleep.place == "cot"
    assert (
        visit.risk_level == "low"
        and visit.current_assessment is not None
        and visit.current_assessment["risk_level"] == "low"
    )
    assert visit.agreed_actions == "Cot only"
    assert st.export_visit(session=session, visit_id=signed_id)["sleep"]["place"] == "cot"


def test_amendments_chain_in_order(session: Session, signed_id) -> None:
    st.amend_visit(session=session, visit_id=signed_id, changes={"sleep.place": "cot"}, reason="a")
    second = st.amend_visit(
        session=session, visit_id=signed_id, changes={"sleep.place": "moses_basket"}, reason="b"
    )
    assert second.changes["sleep.place"] == {"from": "cot", "to": "moses_basket"}
    visit = st.get_visit(session=session, visit_id=signed_id)
    assert [a.reason for a in visit.amendments] == ["a", "b"]
    assert visit.current.sleep.place == "moses_basket"


def test_invalid_amendment_value_names_the_field_and_stores_nothing(session: Session, signed_id) -> None:
    with pytest.raises(st.VisitError) as err:
        st.amend_visit(session=session, visit_id=signed_id, changes={"sleep.place": "hammock"}, reason="x")
    assert str(err.value.problems[0]).startswith("sleep.place: must be one of: cot, moses_basket")
    with pytest.raises(st.VisitError, match="unknown field"):
        st.amend_visit(session=session, visit_id=signed_id, changes={"sleep.bed": 1}, reason="x")
    assert st.get_visit(session=session, visit_id=signed_id).amendments == []


def test_amendment_that_changes_nothing_is_refused(session: Session, signed_id) -> None:
    with pytest.raises(st.RecordError, match="nothing to amend"):
        st.amend_visit(session=session, visit_id=signed_id, changes={"sleep.place": "sofa"}, reason="same")
    with pytest.raises(st.RecordError, match="changes: required"):
        st.amend_visit(session=session, visit_id=signed_id, changes={}, reason="none")


def test_a_draft_is_edited_not_amended(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id)
    with pytest.raises(st.RecordError, match="is a draft"):
        st.amend_visit(session=session, visit_id=vid, changes={"sleep.place": "cot"}, reason="x")


def test_amendment_is_queued_and_audited(session: Session, signed_id) -> None:
    amendment = st.amend_visit(
        session=session, visit_id=signed_id, changes={"notes.follow_up_date": "2030-01-02"}, reason="moved"
    )
    ops = [op for op in st.pending_ops(session=session, limit=1000) if op.entity == "amendment"]
    assert [op.entity_id for op in ops] == [amendment.id]
    assert ops[0].payload["reason"] == "moved"
    assert st.list_audit(session=session, entity_id=amendment.id)[0].action == "amend_visit"
