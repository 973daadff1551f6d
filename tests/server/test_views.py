"""Families, chronology and the review queue: what supervisors see, assessed by the server."""

from __future__ import annotations

from uuid6 import uuid7

from tests.server.helpers import Device, batch, op, signed_visit


def test_review_queue_lists_high_risk_and_escalated_visits_only(team_device: Device):
    fid = uuid7()
    low = op("visit", signed_visit(fid))
    high = op("visit", signed_visit(fid, sleep={"place": "sofa"}))
    team_device.post("/sync/push", batch(low, high))
    queue = team_device.get("/review-queue").json()["visits"]
    assert [(v["id"], v["risk_level"]) for v in queue] == [(high["id"], "high")]
    assert queue[0]["family_id"] == str(fid)


def test_chronology_orders_by_visit_date_not_by_arrival(team_device: Device):
    fid = uuid7()
    later = op("visit", signed_visit(fid, visit={"date": "2026-11-25"}))
    earlier = op("visit", signed_visit(fid, visit={"date": "2026-11-21"}))
    baby = op("baby", {"family_id": str(fid), "name": "Sam"})
    team_device.post("/sync/push", batch(op("family", {"name": "F"}, id=fid), later, earlier, baby))
    body = team_device.get(f"/families/{fid}/chronology").json()
    assert [e["id"] for e in body["entries"]] == [earlier["id"], later["id"], baby["id"]]
    assert [f["id"] for f in team_device.get("/families").json()["families"]] == [str(fid)]
