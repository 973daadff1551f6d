"""Pull: the team's changes in server commit order, paged by sequence."""

from __future__ import annotations

from uuid6 import uuid7

from tests.server.helpers import Device, batch, family, op, signed_visit


def test_pull_pages_through_every_change_once_in_order(team_device: Device):
    ids = [str(uuid7()) for _ in range(25)]
    team_device.post(
        "/sync/push",
        batch(
            *[
                op("family", family(name=f"Family {i}"), id=i_d)  # type: ignore[arg-type]
                for i, i_d in enumerate(ids)
            ]
        ),
    )
    seen, since, pages = [], 0, 0
    while True:
        page = team_device.get("/sync/pull", params={"since": since, "limit": 10}).json()
        seen += page["changes"]
        since, pages = page["next"], pages + 1
        if not page["more"]:
            break
    assert pages == 3
    assert [c["id"] for c in seen] == ids
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(seqs) and len(set(seqs)) == 25
    empty = team_device.get("/sync/pull", params={"since": since}).json()
    assert empty == {"changes": [], "next": since, "more": False}


def test_pull_carries_payload_version_and_hash(team_device: Device):
    visit = op("visit", signed_visit(team_device.household))
    team_device.post("/sync/push", batch(visit))
    [change] = [c for c in team_device.get("/sync/pull").json()["changes"] if c["entity"] == "visit"]
    assert change["entity"] == "visit" and change["id"] == visit["id"]
    assert (change["version"], change["hash"], change["payload"]) == (1, visit["hash"], visit["payload"])


def test_pull_limit_out_of_range_is_a_clear_422(team_device: Device):
    response = team_device.get("/sync/pull", params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["problems"][0].startswith("query.limit:")
