"""Poison records: each bad op is answered `rejected` naming the field and writes nothing; the rest
of the batch applies, and risk is always the server's own assessment."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from uuid6 import uuid7

from app.protocol import content_hash
from tests.server.helpers import Device, baby, batch, enrol, new_code, new_team, op, signed_visit


def push(device: Device, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    response = device.post("/sync/push", batch(*ops))
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def pulled(device: Device) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = device.get("/sync/pull", params={"limit": 5000}).json()["changes"]
    return changes


def amendment(visit_id: str, family_id: str, **fields: object) -> dict[str, Any]:
    return {
        "visit_id": visit_id,
        "family_id": family_id,
        "changes": {"sleep.place": {"from": "cot", "to": "sofa"}},
        "reason": "Mum said baby sleeps on the sofa with her most nights",
        "author_name": "A. Visitor",
        "created": "2026-11-21T09:00:00.000000Z",
        **fields,
    }


def test_each_poison_op_is_rejected_with_its_problem_and_the_honest_rest_applies(team_device: Device):
    h = team_device.household
    fid = str(h.family_id)
    note_ok = op(
        "note",
        {"family_id": fid, "text": "Phoned mum", "author_name": "A", "created": "2026-11-20T09:00:00Z"},
    )
    bad_id = {**note_ok, "payload": {**note_ok["payload"], "id": "zzz"}}
    bad_id["hash"] = content_hash(bad_id["payload"])
    heavy = op("baby", baby(h.family_id, birth_weight_kg=50))
    visit = op("visit", signed_visit(h))
    no_reason = op("amendment", amendment(visit["id"], fid, reason="  "))
    wrong_hash = {**op("visit", signed_visit(h)), "hash": "sha256:" + "0" * 64}
    claims_low = op("visit", {**signed_visit(h, sleep={"place": "sofa"}), "risk_level": "low"})
    huge = op(
        "note",
        {"family_id": fid, "text": "x" * 1_000_000, "author_name": "A", "created": "2026-11-20T09:00:00Z"},
    )
    not_a_date = op("baby", baby(h.family_id, date_of_birth="not-a-date"))
    answers = push(team_device, bad_id, heavy, visit, no_reason, wrong_hash, claims_low, huge, not_a_date)
    by = [(a["status"], a.get("error", "")) for a in answers]
    assert by[0][0] == "rejected" and "payload.id" in by[0][1]
    assert by[1][0] == "rejected" and "payload.birth_weight_kg: must be between 0.3 and 7" in by[1][1]
    assert by[2] == ("applied", "")
    assert by[3][0] == "rejected" and "payload.reason: required" in by[3][1]
    assert by[4][0] == "rejected" and by[4][1].startswith("hash: does not match")
    assert by[5][0] == "rejected" and "payload.risk_level: unknown field" in by[5][1]
    assert by[6][0] == "rejected" and "payload" in by[6][1]
    assert by[7][0] == "rejected" and "payload.date_of_birth" in by[7][1]
    assert all(a["problems"] for a in answers if a["status"] == "rejected")
    ids = {c["id"] for c in pulled(team_device)}
    assert visit["id"] in ids
    for refused in (bad_id, heavy, no_reason, wrong_hash, claims_low, huge, not_a_date):
        assert refused["id"] not in ids  # a rejected op writes nothing
    # the honest copy of the op sent with a wrong hash is then applied (never a conflict)
    honest = {**wrong_hash, "op_id": str(uuid7()), "hash": content_hash(wrong_hash["payload"])}
    assert push(team_device, honest)[0]["status"] == "applied"


def test_an_amendment_to_a_sofa_puts_the_signed_low_risk_visit_in_the_review_queue_as_high(
    team_device: Device,
):
    h = team_device.household
    visit = op("visit", signed_visit(h))
    assert push(team_device, visit)[0]["status"] == "applied"
    assert [v["id"] for v in team_device.get("/review-queue").json()["visits"]] == []
    fix = op("amendment", amendment(visit["id"], str(h.family_id)))
    assert push(team_device, fix)[0]["status"] == "applied"
    queue = team_device.get("/review-queue").json()["visits"]
    assert [(v["id"], v["risk_level"]) for v in queue] == [(visit["id"], "high")]


def test_an_amendment_must_apply_to_a_known_visit_and_reparse(team_device: Device):
    h = team_device.household
    visit = op("visit", signed_visit(h))
    push(team_device, visit)
    unknown = op("amendment", amendment(str(uuid7()), str(h.family_id)))
    bad_path = op(
        "amendment", amendment(visit["id"], str(h.family_id), changes={"garden.shed": {"to": True}})
    )
    bad_value = op(
        "amendment", amendment(visit["id"], str(h.family_id), changes={"sleep.place": {"to": "hammock"}})
    )
    answers = push(team_device, unknown, bad_path, bad_value)
    assert [a["status"] for a in answers] == ["rejected"] * 3
    assert "payload.visit_id" in answers[0]["error"]
    assert "garden.shed" in answers[1]["error"]
    assert "sleep.place" in answers[2]["error"]


def test_the_risk_level_shown_to_other_devices_is_the_servers_assessment(client: TestClient, db_url: str):
    team_id, code = new_team(db_url)
    a, b = enrol(client, code), enrol(client, new_code(db_url, team_id))
    h = a.household
    sofa = op("visit", signed_visit(h, sleep={"place": "sofa"}, carers={"alcohol": True}))
    push(a, sofa)
    queue = b.get("/review-queue").json()["visits"]
    assert [(v["id"], v["risk_level"]) for v in queue] == [(sofa["id"], "high")]
    change = next(c for c in pulled(b) if c["id"] == sofa["id"])
    assert "risk_level" not in change["payload"]  # derived on each side, never carried


def test_out_of_range_numbers_nul_bytes_and_non_finite_values_are_4xx_never_5xx(team_device: Device):
    client, headers = team_device.client, team_device.headers
    for params in ({"since": 2**63}, {"since": -1}, {"limit": 0}, {"since": "1e400"}):
        assert client.get("/sync/pull", params=params, headers=headers).status_code == 422
    h = team_device.household
    overflow = {**op("baby", baby(h.family_id)), "base_version": 2**63}
    assert team_device.post("/sync/push", batch(overflow)).status_code == 422
    nul = {**op("baby", baby(h.family_id)), "entity": "ba\x00by", "hash": "sha256:\x00"}
    answer = team_device.post("/sync/push", batch(nul))
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "rejected"
    named = op("baby", baby(h.family_id, name="Sam\x00"))
    assert push(team_device, named)[0]["status"] == "rejected"
    enrol = client.post("/enrol", json={"code": "ABCD-EFGH", "device_name": "tab\x00let"})
    assert enrol.status_code == 422
    for number in ("NaN", "Infinity", "1e400"):
        body = batch(op("baby", baby(h.family_id)))
        text = json.dumps(body).replace('"date_of_birth"', f'"gestation_weeks": {number}, "date_of_birth"', 1)
        response = client.post(
            "/sync/push", content=text, headers={**headers, "content-type": "application/json"}
        )
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200:
            assert response.json()["results"][0]["status"] == "rejected"


def test_wrong_enrolment_codes_are_counted_and_then_refused_for_a_while(client: TestClient, db_url: str):
    import sqlalchemy as sa
    from sqlmodel import col

    from app.server.db import make_engine
    from app.server.enrol_limit import MAX_FAILURES
    from app.server.models import AuditEvent, EnrolFailures

    statuses = [
        client.post("/enrol", json={"code": f"WRONG-{i:04d}", "device_name": "guess"}).status_code
        for i in range(MAX_FAILURES + 2)
    ]
    assert statuses[:MAX_FAILURES] == [400] * MAX_FAILURES
    assert statuses[MAX_FAILURES:] == [429, 429]
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(col(EnrolFailures.failures))).scalars().all()
        refused = conn.execute(
            sa.select(sa.func.count())
            .select_from(AuditEvent)
            .where(col(AuditEvent.action) == "enrol.refused")
        ).scalar()
    engine.dispose()
    assert rows == [MAX_FAILURES] and refused == 0  # one counter row, not one audit row per guess
