"""Signing stores the assessment snapshot and makes the visit immutable (service and trigger)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

import app.store as st
from app.domain.guidance import load_guidance
from app.store.ids import content_hash
from tests.store.helpers import NOT_ASKED, Household, complete, draft
from tests.store.writing import writing


def _signed(session: Session, household: Household):
    vid = draft(session, household.baby_id, **complete(sleep__place="sofa", family__domestic_abuse=True))
    st.save_notes(session=session, visit_id=vid, agreed_actions="Cot tonight")
    return st.sign_visit(session=session, visit_id=vid)


def test_signing_stores_the_assessment_snapshot(session: Session, household: Household) -> None:
    visit = _signed(session, household)
    assert visit.status == "signed" and visit.is_signed
    assert visit.risk_level == "high" and visit.escalate is True
    assert visit.assessment is not None
    assert [f["code"] for f in visit.assessment["factors"]] == ["sofa_or_armchair_sharing"]
    assert visit.assessment["guidance_version"] == visit.guidance_version == load_guidance().version
    assert visit.signed_by_name == "Ann Visitor" and visit.signed_at is not None


def test_signed_visit_refuses_edits_through_the_service(session: Session, household: Household) -> None:
    visit = _signed(session, household)
    with pytest.raises(st.VisitSigned, match="amendment"):
        st.save_answer(session=session, visit_id=visit.id, path="sleep.place", value="cot")
    with pytest.raises(st.VisitSigned):
        st.save_notes(session=session, visit_id=visit.id, agreed_actions="changed")
    with pytest.raises(st.VisitSigned):
        st.sign_visit(session=session, visit_id=visit.id)
    with pytest.raises(st.VisitSigned):
        st.delete_draft(session=session, visit_id=visit.id)
    again = st.get_visit(session=session, visit_id=visit.id)
    assert again.visit.sleep.place == "sofa" and again.agreed_actions == "Cot tonight"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE visit SET answers = '{}' WHERE id = :id",
        "UPDATE visit SET status = 'draft' WHERE id = :id",
        "UPDATE visit SET agreed_actions = 'x', risk_level = 'low' WHERE id = :id",
        "DELETE FROM visit WHERE id = :id",
    ],
)
def test_trigger_refuses_any_sql_change_to_a_signed_visit(
    store: st.Store, household: Household, sql: str
) -> None:
    with writing(store) as s:
        visit = _signed(s, household)
    with pytest.raises(IntegrityError, match="signed"), store.engine.begin() as conn:
        conn.execute(text(sql), {"id": visit.id.hex})
    with writing(store) as s:
        assert st.get_visit(session=s, visit_id=visit.id).risk_level == "high"


def test_trigger_leaves_drafts_editable(store: st.Store, household: Household) -> None:
    with writing(store) as s:
        vid = draft(s, household.baby_id)
    with store.engine.begin() as conn:
        changed = conn.execute(
            text("UPDATE visit SET observed = 'seen' WHERE id = :id"), {"id": vid.hex}
        ).rowcount
    assert changed == 1


@pytest.mark.parametrize("table", ["amendment", "leaflet_record", "case_note", "audit_event"])
def test_trigger_refuses_changes_to_other_signed_records(
    store: st.Store, household: Household, table: str
) -> None:
    with writing(store) as s:
        visit = _signed(s, household)
        st.amend_visit(
            session=s, visit_id=visit.id, changes={"sleep.place": "cot"}, reason="recorded the wrong place"
        )
        st.record_leaflet(session=s, visit_id=visit.id, content_hash="sha256:abc")
        st.add_note(session=s, family_id=household.family_id, text="Phoned mum")
    for sql in (f"UPDATE {table} SET content_hash = 'x'", f"DELETE FROM {table}"):
        with pytest.raises(IntegrityError, match="cannot be changed"), store.engine.begin() as c:
            c.execute(text(sql))


def test_signing_queues_the_visit_with_its_snapshot_and_drafts_never(
    session: Session, household: Household
) -> None:
    vid = draft(session, household.baby_id, sleep__place="cot")
    assert not [op for op in st.pending_ops(session=session) if op.entity == "visit"]
    visit = st.sign_visit(session=session, visit_id=vid, incomplete_reason=NOT_ASKED)
    ops = [op for op in st.pending_ops(session=session) if op.entity == "visit"]
    assert len(ops) == 1
    op = ops[0]
    assert op.kind == "create" and op.entity_id == visit.id
    assert op.payload["status"] == "signed"
    assert visit.assessment is not None and visit.risk_level  # the snapshot stays on the device
    assert not {"assessment", "risk_level", "escalate"} & set(op.payload)  # derived: never carried
    assert op.payload["guidance_version"] == visit.guidance_version
    assert op.hash == content_hash(op.payload)
    assert op.payload == st.payload_of(session=session, entity="visit", entity_id=visit.id)


def test_leaflet_given_during_a_draft_is_queued_after_its_visit(
    session: Session, household: Household
) -> None:
    vid = draft(session, household.baby_id)
    leaflet = st.record_leaflet(session=session, visit_id=vid, content_hash="sha256:feed", paper="A5")
    assert not [op for op in st.pending_ops(session=session) if op.entity == "leaflet"]
    st.sign_visit(session=session, visit_id=vid, incomplete_reason=NOT_ASKED)
    order = [(op.entity, op.entity_id) for op in st.pending_ops(session=session, limit=1000)]
    assert order.index(("visit", vid)) < order.index(("leaflet", leaflet.id))
    detail = st.get_visit(session=session, visit_id=vid)
    assert [x.leaflet_hash for x in detail.leaflets] == ["sha256:feed"]


def test_sign_is_audited_in_the_same_transaction(session: Session, household: Household) -> None:
    visit = _signed(session, household)
    events = st.list_audit(session=session, entity_id=visit.id)
    assert [e.action for e in events][:1] == ["sign_visit"]
    assert events[0].detail["risk_level"] == "high"


def test_leaflet_record_checks_its_fields(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id)
    with pytest.raises(st.RecordError) as err:
        st.record_leaflet(session=session, visit_id=vid, content_hash=" ", paper="A3")
    assert err.value.problems == [
        "content_hash: required (the sha256 of the leaflet given)",
        "paper: must be one of: A4, Letter, Phone, A5, screen",
    ]
    assert (
        st.record_leaflet(session=session, visit_id=vid, content_hash="sha256:1", paper="letter").paper
        == "Letter"
    )


def test_a_visit_with_core_questions_not_asked_is_signed_only_with_a_reason(
    session: Session, household: Household
) -> None:
    vid = draft(session, household.baby_id, sleep__place="cot")
    with pytest.raises(st.RecordError) as err:
        st.sign_visit(session=session, visit_id=vid)
    (line,) = err.value.problems
    assert line.startswith("incomplete_reason: required: 10 core questions not asked (sleep.room,")
    assert st.get_visit(session=session, visit_id=vid).status == "draft"
    signed = st.sign_visit(session=session, visit_id=vid, incomplete_reason="  parent declined to answer ")
    assert signed.incomplete_reason == "parent declined to answer"
    assert signed.risk_level == "incomplete" and signed.assessment is not None
    assert len(signed.assessment["incomplete"]) == 10
    [event] = [e for e in st.list_audit(session=session, entity_id=vid) if e.action == "sign_visit"]
    assert event.detail["incomplete"] == 10


def test_a_complete_visit_keeps_no_reason(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id, **complete())
    assert (
        st.sign_visit(session=session, visit_id=vid, incomplete_reason="not needed").incomplete_reason is None
    )


def test_a_visit_with_pending_input_is_not_signed(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id, **complete())
    st.set_pending_input(session=session, visit_id=vid, path="baby.birth_weight_lb", raw_text="5lb 1")
    with pytest.raises(st.RecordError, match=r"pending.baby.birth_weight_lb: typed but not saved"):
        st.sign_visit(session=session, visit_id=vid, incomplete_reason=NOT_ASKED)
