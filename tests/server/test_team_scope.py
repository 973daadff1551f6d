"""A device of team A cannot read or touch team B's records by any endpoint."""

from __future__ import annotations

from fastapi.testclient import TestClient
from uuid6 import uuid7

from tests.server.helpers import Household, baby, batch, enrol, family, new_code, new_team, op, signed_visit


def test_team_a_cannot_reach_team_b_by_any_endpoint(client: TestClient, db_url: str):
    _, code_a = new_team(db_url)
    team_b, code_b = new_team(db_url)
    a, b = enrol(client, code_a), enrol(client, code_b)
    b2 = enrol(client, new_code(db_url, team_b))
    fid, bid = uuid7(), uuid7()
    secret = family(name="B family", address="B house")
    b.post(
        "/sync/push",
        batch(
            op("family", secret, id=fid),
            op("baby", baby(fid), id=bid),
            op(
                "visit",
                signed_visit(Household(fid, bid), sleep={"place": "sofa"}, family={"domestic_abuse": True}),
            ),
        ),
    )
    b.post("/sync/push", batch(op("family", {**secret, "address": "B1"}, id=fid, base_version=1)))
    clash = b2.post(
        "/sync/push", batch(op("family", {**secret, "address": "B2"}, id=fid, base_version=1))
    ).json()["results"][0]
    conflict_id = clash["conflicts"][0]["conflict_id"]
    assert b.get("/review-queue").json()["visits"]  # team B sees its own

    assert a.get("/sync/pull", params={"since": 0, "limit": 5000}).json()["changes"] == []
    assert a.get("/families").json() == {"families": []}
    assert a.get("/review-queue").json() == {"visits": []}
    assert a.get("/conflicts").json() == {"conflicts": [], "quarantined": []}
    chronology = a.get(f"/families/{fid}/chronology")
    assert chronology.status_code == 404 and chronology.json()["error"] == "not_found"
    resolve = a.post(f"/conflicts/{conflict_id}/resolve", {"value": "A wins"})
    assert resolve.status_code == 404
    # Pushing the same id in team A makes team A's own record; team B's stays untouched.
    mine = a.post("/sync/push", batch(op("family", family(name="A family"), id=fid))).json()
    assert mine["results"][0]["status"] == "applied"
    assert b.get(f"/families/{fid}/chronology").json()["family"]["payload"]["name"] == "B family"
    assert "B family" not in a.get(f"/families/{fid}/chronology").text
    assert "B house" not in a.get("/sync/pull").text
