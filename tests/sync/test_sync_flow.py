"""A device syncs with a real server process over a real socket: push, pull, merge, refuse."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import select

from app.store import get_family, pending_ops, update_family
from app.store.models import SyncConflict, VisitRecord
from app.sync import DeviceRevoked, NotEnrolled, ServerUnreachable, sync_now
from tests.store.writing import writing
from tests.sync.helpers import Team, add_family, new_store, outbox_states, server_records, signed_visit


def visit_ids(store) -> set[uuid.UUID]:
    with writing(store) as s:
        return set(s.exec(select(VisitRecord.id).where(VisitRecord.status == "signed")).all())


def test_signed_visits_reach_the_server_once_and_a_second_device(team: Team):
    a = team.device("a")
    _, baby = add_family(a)
    made = {signed_visit(a, baby, place=p) for p in ("cot", "sofa", "adult_bed")}
    progress: list[tuple[str, int, int]] = []
    summary = sync_now(store=a, on_progress=lambda *p: progress.append(p), batch_size=4)
    assert summary.pushed == outbox_states(a)["applied"] and summary.rejected == 0
    assert ("push", summary.pushed, summary.pushed) in progress
    assert summary.conflicts == 0 and set(outbox_states(a)) == {"applied"}
    again = sync_now(store=a)
    assert (again.pushed, again.pulled) == (0, 0)

    b = team.device("b")
    pulled = sync_now(store=b)
    assert pulled.pulled == 5  # family, baby and three visits
    assert visit_ids(b) == made == visit_ids(a)
    on_server = [r for r in server_records(team.db_url, "visit") if r.entity_id in made]
    assert len(on_server) == 3


def test_two_devices_editing_different_fields_of_a_family_merge(team: Team):
    a, b = team.device("a"), team.device("b")
    family, _ = add_family(a, "Merge")
    sync_now(store=a)
    sync_now(store=b)
    with writing(a) as s:
        update_family(session=s, family_id=family, changes={"address": "1 New Road"})
    with writing(b) as s:
        update_family(session=s, family_id=family, changes={"postcode": "SO15 1AA"})
    sync_now(store=a)
    assert sync_now(store=b).conflicts == 0
    sync_now(store=a)
    for store in (a, b):
        with writing(store) as s:
            got = get_family(session=s, family_id=family)
        assert (got.address, got.postcode) == ("1 New Road", "SO15 1AA")


def test_same_field_edited_on_two_devices_is_a_conflict_keeping_both_values(team: Team):
    a, b = team.device("a"), team.device("b")
    family, _ = add_family(a, "Clash")
    sync_now(store=a)
    sync_now(store=b)
    with writing(a) as s:
        update_family(session=s, family_id=family, changes={"address": "A Street"})
    with writing(b) as s:
        update_family(session=s, family_id=family, changes={"address": "B Street"})
    assert sync_now(store=a).conflicts == 0
    summary = sync_now(store=b)
    assert summary.conflicts == 1 and "payload.address" in summary.problems[0]
    with writing(b) as s:
        [clash] = s.exec(select(SyncConflict)).all()
        kept = get_family(session=s, family_id=family).address
    assert (clash.field, clash.local_value, clash.server_value) == ("address", "B Street", "A Street")
    assert kept == "A Street"  # the server's value until a person resolves it

    from app.sync import list_conflicts, resolve_conflict

    [listed] = list_conflicts(store=b)
    assert listed.id == clash.id
    assert resolve_conflict(store=b, conflict_id=clash.id, value="B Street") >= 3
    assert list_conflicts(store=b) == []
    for store in (a, b):
        sync_now(store=store)
        with writing(store) as s:
            assert get_family(session=s, family_id=family).address == "B Street"


def test_local_edit_made_during_sync_survives_the_pull(team: Team):
    a, b = team.device("a"), team.device("b")
    family, _ = add_family(a, "Pending")
    sync_now(store=a)
    sync_now(store=b)
    with writing(a) as s:
        update_family(session=s, family_id=family, changes={"address": "From A"})
    sync_now(store=a)
    with writing(b) as s:  # b edits another field and pulls before pushing it
        update_family(session=s, family_id=family, changes={"postcode": "SO16 2BB"})
        ops = pending_ops(session=s)
    assert len(ops) >= 1
    from app.sync.run import _pull, SyncSummary  # noqa: I001
    from app.sync.client import ServerClient
    from app.store import get_sync_value

    with writing(b) as s:
        token = get_sync_value(session=s, key="token")
    client = ServerClient(team.url, token)
    _pull(b, client, SyncSummary(), 500, lambda *_: None)
    client.close()
    with writing(b) as s:
        got = get_family(session=s, family_id=family)
    assert (got.address, got.postcode) == ("From A", "SO16 2BB")
    sync_now(store=b)
    sync_now(store=a)
    with writing(a) as s:
        got = get_family(session=s, family_id=family)
    assert (got.address, got.postcode) == ("From A", "SO16 2BB")


def test_revoked_device_is_refused_and_keeps_its_data_and_outbox(team: Team):
    from sqlalchemy.orm import Session

    from app.server.admin import revoke_device
    from app.server.db import make_engine
    from app.store import get_sync_value

    a = team.device("a")
    _, baby = add_family(a, "Revoked")
    sync_now(store=a)
    kept = signed_visit(a, baby)
    before = outbox_states(a)
    with writing(a) as s:
        import uuid

        device_id = uuid.UUID(get_sync_value(session=s, key="device_id") or "")
    engine = make_engine(team.db_url)
    with Session(engine) as s:
        revoke_device(session=s, device_id=device_id)
        s.commit()
    engine.dispose()
    with pytest.raises(DeviceRevoked, match="revoked"):
        sync_now(store=a)
    assert outbox_states(a) == before and before["pending"] >= 1
    assert kept in visit_ids(a)


def test_unreachable_server_and_unenrolled_device_give_clear_errors(team: Team, tmp_path):
    from app.store import set_sync_value

    a = team.device("a")
    with writing(a) as s:  # nothing listens on the discard port
        set_sync_value(session=s, key="server_url", value="http://127.0.0.1:9")
    _, baby = add_family(a, "Offline")
    signed_visit(a, baby)
    before = outbox_states(a)
    with pytest.raises(ServerUnreachable, match="cannot reach the team server"):
        sync_now(store=a)
    assert outbox_states(a) == before
    lonely = new_store(tmp_path / "lonely")
    with pytest.raises(NotEnrolled, match="device enrol"):
        sync_now(store=lonely)
    lonely.close()


def test_several_offline_edits_of_one_family_never_clash_with_each_other(team: Team):
    a, b = team.device("a"), team.device("b")
    family, _ = add_family(a, "Offline edits")
    with writing(a) as s:  # created and edited twice before any sync
        update_family(session=s, family_id=family, changes={"address": "First"})
        update_family(session=s, family_id=family, changes={"address": "Second"})
    assert sync_now(store=a).conflicts == 0
    sync_now(store=b)
    with writing(b) as s:
        update_family(session=s, family_id=family, changes={"postcode": "SO15 1AA"})
    with writing(a) as s:  # two more edits of the same field on A, B changed another
        update_family(session=s, family_id=family, changes={"address": "Third"})
        update_family(session=s, family_id=family, changes={"address": "Fourth"})
    sync_now(store=b)
    assert sync_now(store=a, batch_size=1).conflicts == 0
    sync_now(store=b)
    for store in (a, b):
        with writing(store) as s:
            got = get_family(session=s, family_id=family)
        assert (got.address, got.postcode) == ("Fourth", "SO15 1AA")
