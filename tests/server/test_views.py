"""Families, chronology and the review queue: what supervisors see, assessed by the server."""

from __future__ import annotations

from tests.server.helpers import Device, batch, op, signed_visit


def test_review_queue_lists_high_risk_and_escalated_visits_only(team_device: Device):
    h = team_device.household
    low = op("visit", signed_visit(h))
    high = op("visit", signed_visit(h, sleep={"place": "sofa"}))
    team_device.post("/sync/push", batch(low, high))
    queue = team_device.get("/review-queue").json()["visits"]
    assert [(v["id"], v["risk_level"]) for v in queue] == [(high["id"], "high")]
    assert queue[0]["family_id"] == str(h.family_id)


def test_chronology_orders_by_visit_date_not_by_arrival(team_device: Device):
    h = team_device.household
    fid = h.family_id
    later = op("visit", signed_visit(h, visit={"date": "2026-11-25"}))
    earlier = op("visit", signed_visit(h, visit={"date": "2026-11-21"}))
    team_device.post("/sync/push", batch(later, earlier))
    body = team_device.get(f"/families/{fid}/chronology").json()
    assert [e["id"] for e in body["entries"]] == [earlier["id"], later["id"], str(h.baby_id)]
    assert [f["id"] for f in team_device.get("/families").json()["families"]] == [str(fid)]
