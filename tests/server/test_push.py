"""Push: one transaction per batch, every op answered, replays answered the same, nothing overwritten."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from uuid6 import uuid7

from app.protocol import content_hash
from tests.server.helpers import Device, batch, enrol, family, new_code, new_team, op, signed_visit


def results(device: Device, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    response = device.post("/sync/push", batch(*ops))
    assert response.status_code == 200, response.text
    answers: list[dict[str, Any]] = response.json()["results"]
    return answers


def test_signed_visit_is_applied_once_and_a_second_copy_is_a_duplicate(team_device: Device):
    visit = op("visit", signed_visit(team_device.household))
    assert results(team_device, visit)[0]["status"] == "applied"
    again = {**visit, "op_id": str(uuid7())}
    assert results(team_device, again)[0] == {"op_id": again["op_id"], "status": "duplicate", "version": 1}


def test_replayed_batch_gets_the_stored_answers(team_device: Device):
    other = op("family", family(name="Family A"))
    bad = op("visit", signed_visit(team_device.household, baby={"birth_weight_kg": 12}))
    body = batch(op("visit", signed_visit(team_device.household)), other, bad)
    first = team_device.post("/sync/push", body).json()
    for _ in range(3):
        assert team_device.post("/sync/push", body).json() == first
    pulled = team_device.get("/sync/pull", params={"limit": 100}).json()["changes"]
    assert len(pulled) == 4  # the household (family, baby), the visit and the family, once each


def test_same_id_with_different_hash_is_quarantined_and_never_overwrites(team_device: Device):
    visit_id = uuid7()
    original = op("visit", signed_visit(team_device.household), id=visit_id)
    results(team_device, original)
    changed = op("visit", signed_visit(team_device.household, sleep={"place": "sofa"}), id=visit_id)
    answer = results(team_device, changed)[0]
    assert answer["status"] == "conflict"
    assert "quarantined" in answer["error"]
    quarantined = team_device.get("/conflicts").json()["quarantined"]
    assert [q["id"] for q in quarantined] == [answer["quarantine_id"]]
    changes = team_device.get("/sync/pull").json()["changes"]
    assert [c["hash"] for c in changes if c["id"] == str(visit_id)] == [original["hash"]]


def test_invalid_visit_is_rejected_naming_the_field_and_the_rest_of_the_batch_applies(
    team_device: Device,
):
    bad = op("visit", signed_visit(team_device.household, baby={"birth_weight_kg": 12}))
    good = op("visit", signed_visit(team_device.household))
    answers = results(team_device, bad, good)
    assert answers[0]["status"] == "rejected"
    assert "payload.answers.baby.birth_weight_kg: must be between 0.3 and 7" in answers[0]["error"]
    assert answers[1]["status"] == "applied"


def test_unsigned_draft_and_unknown_entity_are_rejected(team_device: Device):
    draft = op("visit", {**signed_visit(team_device.household), "status": "draft", "signed_at": None})
    odd = op("gossip", {"x": 1})
    team_device.household  # noqa: B018 (made before the batch)
    answers = results(team_device, draft, odd)
    assert answers[0]["status"] == "rejected" and "payload.status" in answers[0]["error"]
    assert answers[1]["status"] == "rejected"
    assert answers[1]["error"].startswith("entity: must be one of: family, baby, visit")


def test_family_changes_on_different_fields_merge(client: TestClient, db_url: str):
    team_id, code = new_team(db_url)
    a, b = enrol(client, code), enrol(client, new_code(db_url, team_id))
    fid = uuid7()
    base = family(name="Family M", address="1 Road", postcode="SO14 7DU")
    results(a, op("family", base, id=fid))
    assert results(a, op("family", {**base, "address": "2 Lane"}, id=fid, base_version=1))[0]["version"] == 2
    answer = results(b, op("family", {**base, "postcode": "SO15 1AA"}, id=fid, base_version=1))[0]
    assert answer == {"op_id": answer["op_id"], "status": "applied", "version": 3}
    got = a.get(f"/families/{fid}/chronology").json()["family"]
    assert got["payload"] == {**base, "id": str(fid), "address": "2 Lane", "postcode": "SO15 1AA"}
    assert got["hash"] == content_hash(got["payload"])


def test_same_field_changed_on_two_devices_becomes_a_conflict_with_both_values(
    client: TestClient, db_url: str
):
    team_id, code = new_team(db_url)
    a, b = enrol(client, code), enrol(client, new_code(db_url, team_id))
    fid = uuid7()
    base = family(name="Family C", address="1 Road", postcode="SO14 7DU")
    results(a, op("family", base, id=fid))
    results(a, op("family", {**base, "address": "A Street"}, id=fid, base_version=1))
    answer = results(
        b, op("family", {**base, "address": "B Street", "postcode": "SO16 2BB"}, id=fid, base_version=1)
    )[0]
    assert answer["status"] == "conflict"
    assert answer["version"] == 3  # the phone change still applied
    [clash] = answer["conflicts"]
    assert (clash["field"], clash["server_value"], clash["device_value"], clash["base_value"]) == (
        "address",
        "A Street",
        "B Street",
        "1 Road",
    )
    listed = a.get("/conflicts").json()["conflicts"]
    assert [(c["field"], c["server_value"], c["device_value"]) for c in listed] == [
        ("address", "A Street", "B Street")
    ]
    got = a.get(f"/families/{fid}/chronology").json()["family"]["payload"]
    assert got == {**base, "id": str(fid), "address": "A Street", "postcode": "SO16 2BB"}

    resolved = a.post(f"/conflicts/{clash['conflict_id']}/resolve", {"value": "B Street"})
    assert resolved.status_code == 200 and resolved.json()["version"] == 4
    assert a.get("/conflicts").json()["conflicts"] == []
    again = a.post(f"/conflicts/{clash['conflict_id']}/resolve", {"value": "x"})
    assert again.status_code == 409
    last = a.get("/sync/pull", params={"since": 0}).json()["changes"][-1]
    assert (last["version"], last["payload"]["address"]) == (4, "B Street")


def test_version_only_moves_when_the_content_changes(team_device: Device):
    fid = uuid7()
    payload = family(name="Family V")
    results(team_device, op("family", payload, id=fid))
    same = results(team_device, op("family", payload, id=fid, base_version=1))[0]
    assert (same["status"], same["version"]) == ("duplicate", 1)
    moved = results(team_device, op("family", family(name="Family W"), id=fid, base_version=1))[0]
    assert (moved["status"], moved["version"]) == ("applied", 2)


def test_malformed_batch_is_a_422_naming_the_field(team_device: Device):
    response = team_device.post("/sync/push", {"batch_id": str(uuid.uuid4()), "ops": [{"op_id": "nope"}]})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request"
    assert any(p.startswith("ops.0.op_id:") for p in body["problems"])


def test_a_record_written_twice_in_one_batch_points_at_its_latest_change(team_device: Device, db_url: str):
    from sqlmodel import select

    from app.server.db import make_engine
    from app.server.models import Record

    family_id = uuid7()
    team_device.household  # noqa: B018 (made before the batch)
    ops = [
        op("family", family(name="Family A"), id=family_id),
        op("visit", signed_visit(team_device.household)),
        op("family", family(name="Family B"), id=family_id, base_version=1),
        op("visit", signed_visit(team_device.household)),
        op("family", family(name="Family C"), id=family_id, base_version=2),
    ]
    assert [r["version"] for r in results(team_device, *ops)] == [1, 1, 2, 1, 3]
    changes = team_device.get("/sync/pull").json()["changes"]
    family_changes = [c for c in changes if c["id"] == str(family_id)]
    assert [(c["version"], c["payload"]["name"]) for c in family_changes] == [
        (1, "Family A"),
        (2, "Family B"),
        (3, "Family C"),
    ]
    engine = make_engine(db_url)
    with engine.connect() as conn:
        version, seq = conn.execute(
            select(Record.version, Record.seq).where(Record.entity == "family", Record.entity_id == family_id)
        ).one()
    engine.dispose()
    assert (version, seq) == (3, family_changes[-1]["seq"])
