"""Two sessions at once (UI and sync threads): readers never block writers, writes serialise,
and a unit of work is stored whole or not at all."""

from __future__ import annotations

import threading

import pytest

import app.store as st
from tests.store.helpers import Household, draft, make_household
from tests.store.writing import writing


@pytest.fixture
def home(store: st.Store) -> Household:
    """A household committed before the test starts (no transaction left open)."""
    with writing(store) as s:
        return make_household(s)


def test_an_open_read_does_not_block_a_write(store: st.Store, home: Household) -> None:
    with store.session() as reader:
        st.search_caseload(session=reader)  # a read transaction stays open in this session
        with writing(store) as writer:
            vid = draft(writer, home.baby_id, sleep__place="cot")
        with pytest.raises(st.NoWriteTransaction):  # a read session never writes
            st.save_answer(session=reader, visit_id=vid, path="sleep.place", value="sofa")
    with writing(store) as s:
        visit = st.save_answer(session=s, visit_id=vid, path="sleep.place", value="sofa")
    assert visit.visit.sleep.place == "sofa"


def test_concurrent_autosaves_from_two_threads_all_land(store: st.Store, home: Household) -> None:
    with writing(store) as s:
        first, second = draft(s, home.baby_id), draft(s, home.baby_id)
    errors: list[BaseException] = []

    def save(visit_id, temps: range) -> None:
        try:
            for t in temps:
                with writing(store) as s:
                    st.save_answer(session=s, visit_id=visit_id, path="sleep.room_temperature_c", value=t)
                with store.session() as s:
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


def test_a_unit_of_work_left_without_commit_stores_nothing(store: st.Store) -> None:
    with store.session() as s:
        before = len(st.pending_ops(session=s))
    with store.unit_of_work() as uow:
        st.create_family(session=uow.session, data={"name": "A", "surname": "A"})
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        st.create_family(session=uow.session, data={"name": "B", "surname": "B"})
        raise RuntimeError("boom")
    with store.session() as s:
        assert st.search_caseload(session=s) == []
        assert len(st.pending_ops(session=s)) == before


def test_a_family_whose_baby_is_refused_leaves_no_household_and_a_retry_makes_one(store: st.Store) -> None:
    def create(weight: float) -> None:
        with store.unit_of_work() as uow:
            family = st.create_family(session=uow.session, data={"name": "Cole family", "surname": "Cole"})
            st.add_baby(
                session=uow.session, family_id=family.id, data={"name": "Ivy", "birth_weight_kg": weight}
            )
            uow.commit()

    with pytest.raises(st.RecordError):
        create(50.0)
    with store.session() as s:
        assert st.find_families(session=s, name_or_id="Cole") == []
    create(3.1)
    with store.session() as s:
        found = st.find_families(session=s, name_or_id="Cole")
        assert len(found) == 1
        assert [b.name for b in st.get_family(session=s, family_id=found[0].id).babies] == ["Ivy"]


def test_begin_write_refuses_an_open_transaction_instead_of_committing_it(store: st.Store) -> None:
    with store.unit_of_work() as uow:
        st.create_family(session=uow.session, data={"name": "A", "surname": "A"})
        with pytest.raises(st.TransactionOpen):
            st.begin_write(uow.session)
        assert st.in_write_transaction(uow.session)  # still open, nothing committed behind us
    with store.session() as s:
        assert st.search_caseload(session=s) == []
        with pytest.raises(st.TransactionOpen):
            st.begin_write(s)  # a read is open in this session: never committed silently
            st.search_caseload(session=s)


def test_store_writes_never_commit_and_refuse_a_read_session(store: st.Store) -> None:
    with store.session() as s, pytest.raises(st.NoWriteTransaction, match="unit_of_work"):
        st.create_family(session=s, data={"name": "A", "surname": "A"})
    with store.unit_of_work() as uow:
        st.create_family(session=uow.session, data={"name": "A", "surname": "A"})
        uow.commit()
        with pytest.raises(st.NoWriteTransaction):  # after commit the unit is over
            st.create_family(session=uow.session, data={"name": "B", "surname": "B"})
    with store.session() as s:
        assert [r.surname for r in st.search_caseload(session=s)] == ["A"]


def test_a_unit_of_work_holds_the_write_lock_until_it_ends(store: st.Store) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with store.unit_of_work() as uow:
        st.set_sync_value(session=uow.session, key="pull_cursor", value="7")
        with store.engine.connect() as other:
            other.exec_driver_sql("PRAGMA busy_timeout = 50")
            with pytest.raises(OperationalError, match="locked"):
                other.execute(text("INSERT INTO sync_state (key, value) VALUES ('x', 'y')"))
            other.rollback()
            other.exec_driver_sql("PRAGMA busy_timeout = 10000")  # back to the pool as it was
        uow.commit()
    with store.session() as s:
        assert st.get_sync_value(session=s, key="pull_cursor") == "7"


def test_a_refused_write_releases_the_write_lock(store: st.Store, home: Household) -> None:
    with store.unit_of_work() as first:
        vid = draft(first.session, home.baby_id)
        with pytest.raises(st.VisitError):
            st.save_answer(session=first.session, visit_id=vid, path="sleep.place", value="hammock")
        first.commit()
    with pytest.raises(st.RecordError), store.unit_of_work() as uow:
        st.save_notes(session=uow.session, visit_id=vid, follow_up_date="soon")
    with writing(store) as second:  # would wait 10 s and fail if the lock were still held
        st.create_family(session=second, data={"name": "B family", "surname": "B"})
