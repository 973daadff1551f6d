"""The outbox the sync client pushes from, and its key/value state."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import Session

import app.store as st
from app.store.models import OpState
from tests.store.helpers import Household, draft
from tests.store.writing import writing


def test_outbox_is_ordered_and_written_with_each_change(session: Session, household: Household) -> None:
    ops = st.pending_ops(session=session, limit=1000)
    seqs = [op.seq or 0 for op in ops]
    assert seqs == sorted(seqs)
    entities = [(op.entity, op.kind) for op in ops]
    assert ("family", "upsert") in entities and ("baby", "upsert") in entities
    assert entities.index(("family", "upsert")) < entities.index(("baby", "upsert"))
    assert all(kind == "create" for e, kind in entities if e == "audit")
    assert len(st.pending_ops(session=session, limit=2)) == 2


def test_mark_ops_records_server_answers(session: Session, household: Household) -> None:
    ops = st.pending_ops(session=session, limit=1000)
    count = st.mark_ops(
        session=session,
        results=[
            st.OpResult(op_id=ops[0].op_id, state=OpState.applied, response={"version": 1}),
            st.OpResult(op_id=ops[1].op_id, state=OpState.duplicate),
        ],
    )
    assert count == 2
    left = st.pending_ops(session=session, limit=1000)
    assert [op.op_id for op in left] == [op.op_id for op in ops[2:]]
    with pytest.raises(st.RecordError, match="state: must be one of"):
        st.mark_ops(session=session, results=[st.OpResult(op_id=ops[2].op_id, state=OpState.pending)])


def test_an_answer_for_an_op_this_outbox_never_held_changes_nothing(
    session: Session, household: Household
) -> None:
    ops = st.pending_ops(session=session, limit=1000)
    stranger = st.OpResult(op_id=uuid.uuid4(), state=OpState.applied)
    with pytest.raises(st.NotFound, match="not in this outbox"):
        st.mark_ops(
            session=session, results=[st.OpResult(op_id=ops[0].op_id, state=OpState.applied), stranger]
        )
    assert [op.op_id for op in st.pending_ops(session=session, limit=1000)] == [op.op_id for op in ops]


def test_sync_state_values(store: st.Store) -> None:
    with store.session() as s:
        assert st.get_sync_value(session=s, key="server_url") is None
    with writing(store) as s:
        st.set_sync_value(session=s, key="server_url", value="http://127.0.0.1:8600")
    with store.session() as s:
        assert st.get_sync_value(session=s, key="server_url") == "http://127.0.0.1:8600"
    with writing(store) as s:
        st.set_sync_value(session=s, key="server_url", value=None)
    with store.session() as s:
        assert st.get_sync_value(session=s, key="server_url") is None


def test_drafts_and_their_answers_never_enter_the_outbox(session: Session, household: Household) -> None:
    vid = draft(session, household.baby_id, sleep__place="sofa", sleep__room="own_room")
    st.save_notes(session=session, visit_id=vid, parents_said="private draft words")
    for op in st.pending_ops(session=session, limit=1000):
        assert op.entity != "visit"
        assert "private draft words" not in str(op.payload)
        assert "own_room" not in str(op.payload)
