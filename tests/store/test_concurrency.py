"""Two sessions at once (UI and sync threads): readers never block writers, writes serialise."""

from __future__ import annotations

import threading

import pytest

import app.store as st
from tests.store.conftest import Household, draft


def test_an_open_read_does_not_block_a_write(store: st.Store, household: Household) -> None:
    with store.session() as reader:
        st.search_caseload(session=reader)  # a read transaction stays open in this session
        with store.session() as writer:
            vid = draft(writer, household.baby_id, sleep__place="cot")
        # the reader's next write function starts a fresh write transaction
        visit = st.save_answer(session=reader, visit_id=vid, path="sleep.place", value="sofa")
    assert visit.visit.sleep.place.value == "sofa"


def test_concurrent_autosaves_from_two_threads_all_land(store: st.Store, household: Household) -> None:
    with store.session() as s:
        first, second = draft(s, household.baby_id), draft(s, household.baby_id)
    errors: list[BaseException] = []

    def save(visit_id, temps: range) -> None:
        try:
            with store.session() as s:
                for t in temps:
                    st.save_answer(session=s, visit_id=visit_id, path="sleep.room_temperature_c", value=t)
                    st.search_caseload(session=s, query="oka")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=save, args=(first, range(10, 30))),
        threading.Thread(target=save, args=(second, range(20, 40))),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.session() as s:
        assert st.get_visit(session=s, visit_id=first).visit.sleep.room_temperature_c == 29
        assert st.get_visit(session=s, visit_id=second).visit.sleep.room_temperature_c == 39


def test_store_session_rolls_back_on_error(store: st.Store) -> None:
    try:
        with store.session() as s:
            st.create_family(session=s, data={"name": "A", "surname": "A"}, commit=False)
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with store.session() as s:
        assert st.search_caseload(session=s) == []


def test_write_session_holds_the_write_lock_until_it_ends(store: st.Store) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with store.session(write=True) as s:
        st.set_sync_value(session=s, key="pull_cursor", value="7")
        with store.engine.connect() as other:
            other.exec_driver_sql("PRAGMA busy_timeout = 50")
            with pytest.raises(OperationalError, match="locked"):
                other.execute(text("INSERT INTO sync_state (key, value) VALUES ('x', 'y')"))
            other.rollback()
            other.exec_driver_sql("PRAGMA busy_timeout = 10000")  # back to the pool as it was
    with store.session() as s:
        assert st.get_sync_value(session=s, key="pull_cursor") == "7"


def test_a_refused_write_releases_the_write_lock(store: st.Store, household: Household) -> None:
    with store.session() as first:
        vid = draft(first, household.baby_id)
        with pytest.raises(st.VisitError):
            st.save_answer(session=first, visit_id=vid, path="sleep.place", value="hammock")
        with pytest.raises(st.RecordError):
            st.save_notes(session=first, visit_id=vid, follow_up_date="soon")
        with store.session() as second:  # would wait 10 s and fail if the lock were still held
            st.create_family(session=second, data={"name": "B family", "surname": "B"})
