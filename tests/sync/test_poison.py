"""One bad record never stops a team: poison pushed by an enrolled device is rejected op by op, a
change no device can apply is quarantined on each device, and corrections reach the supervisors'
queue. Real `safesleep serve` processes on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col
from uuid6 import uuid7

from app.protocol import content_hash
from app.server.db import make_engine
from app.server.models import ChangeLog, utcnow
from app.server.models import Team as TeamRow
from app.server.review import review_queue
from app.services.visits import amend
from app.store import get_sync_value, get_visit, import_visit
from app.sync import run_sync, sync_now, sync_status
from tests.domain.factories import FULL_LOW_RISK
from tests.store.writing import writing
from tests.sync.helpers import Team, add_family


def _token(store: Any) -> str:
    with store.session() as s:
        return get_sync_value(session=s, key="token") or ""


def _op(entity: str, payload: dict[str, Any], record_id: Any = None) -> dict[str, Any]:
    rid = str(record_id or uuid7())
    body = {**payload, "id": payload.get("id", rid)}
    kind = "upsert" if entity in ("family", "baby") else "create"
    return {
        "op_id": str(uuid7()),
        "entity": entity,
        "id": rid,
        "kind": kind,
        "payload": body,
        "hash": content_hash(body),
    }


def _low_risk_visit(store: Any, family_name: str, **sleep: Any) -> uuid.UUID:
    doc = copy.deepcopy(FULL_LOW_RISK)
    doc["sleep"].update(sleep)
    with writing(store) as s:
        return import_visit(session=s, document=doc, family_name=family_name, sign=True).id


def test_poison_from_a_team_device_is_rejected_and_an_honest_device_syncs_twice(team: Team) -> None:
    a = team.device("a")
    family_id, baby_id = add_family(a, "Honest")
    assert sync_now(store=a).rejected == 0
    fid = str(family_id)
    note = {"family_id": fid, "text": "Phoned", "author_name": "X", "created": "2026-11-20T09:00:00Z"}
    visit_doc = copy.deepcopy(FULL_LOW_RISK)
    visit_doc["sleep"]["place"] = "sofa"
    claims_low = {
        "family_id": fid,
        "baby_id": str(baby_id),
        "visit_date": visit_doc["visit"]["date"],
        "visit_type": visit_doc["visit"]["type"],
        "status": "signed",
        "answers": visit_doc,
        "created": "2026-11-20T09:00:00Z",
        "signed_at": "2026-11-20T10:00:00Z",
        "risk_level": "low",
    }
    poison = [
        _op("note", {**note, "id": "zzz"}),
        _op("baby", {"family_id": fid, "name": "Big", "birth_weight_kg": 50}),
        _op(
            "amendment",
            {
                "visit_id": str(uuid7()),
                "family_id": fid,
                "changes": {"sleep.place": {"to": "sofa"}},
                "reason": "",
                "created": "2026-11-21T09:00:00Z",
            },
        ),
        {**_op("note", note), "hash": "sha256:" + "1" * 64},
        _op("visit", claims_low),
        _op("note", {**note, "text": "x" * 1_000_000}),
    ]
    body = {"batch_id": str(uuid7()), "ops": poison}
    answer = httpx.post(
        f"{team.url}/sync/push", json=body, headers={"Authorization": f"Bearer {_token(a)}"}, timeout=60
    )
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * len(poison)
    assert all(r["problems"] and r["error"] for r in results)

    sofa = _low_risk_visit(a, str(family_id), place="sofa")
    with writing(a) as s:
        assert get_visit(session=s, visit_id=sofa).risk_level == "high"
    b = team.device("b")
    for _ in range(2):
        result = run_sync(store=b)
        assert result.ok and result.quarantined == 0, result.summary
    assert run_sync(store=a).ok
    b_result = run_sync(store=b)
    assert b_result.ok
    with b.session() as s:
        assert get_visit(session=s, visit_id=sofa).risk_level == "high"  # assessed on B, not sent


def test_a_signed_low_risk_visit_amended_to_a_sofa_is_high_in_the_server_review_queue(team: Team) -> None:
    a = team.device("a")
    family_id, _ = add_family(a, "Amended")
    visit_id = _low_risk_visit(a, str(family_id))
    assert sync_now(store=a).rejected == 0
    amend(
        store=a,
        visit_id=str(visit_id),
        reason="Baby sleeps on the sofa with mum",
        changes={"sleep.place": "sofa"},
    )
    summary = sync_now(store=a)
    assert summary.rejected == 0 and summary.pushed >= 1
    engine = make_engine(team.db_url)
    with Session(engine) as s:
        queued = review_queue(session=s, team_id=team.id)
    engine.dispose()
    assert [(q.visit_id, q.risk_level) for q in queued] == [(visit_id, "high")]
    assert "sofa_or_armchair_sharing" in queued[0].factors


def test_a_change_no_device_can_apply_is_quarantined_on_each_device_and_sync_goes_on(team: Team) -> None:
    a = team.device("a")
    family_id, _ = add_family(a, "Quarantine")
    assert run_sync(store=a).ok
    bad_id = uuid7()
    bad = {"id": str(bad_id), "family_id": str(family_id), "name": "Heavy", "birth_weight_kg": 50}
    engine = make_engine(team.db_url)
    with Session(engine) as s:
        s.execute(
            sa.update(TeamRow)
            .where(col(TeamRow.id) == team.id)
            .values(write_counter=col(TeamRow.write_counter) + 1)
        )
        s.execute(
            sa.insert(ChangeLog),
            {
                "team_id": team.id,
                "entity": "baby",
                "entity_id": bad_id,
                "version": 1,
                "payload": json.dumps(bad, sort_keys=True, separators=(",", ":")),
                "hash": content_hash(bad),
                "created": utcnow(),
            },
        )
        s.commit()
    engine.dispose()
    _, baby_after = add_family(a, "After")  # a good change after the bad one
    b = team.device("b")
    for device in (a, b):
        first = run_sync(store=device)
        assert first.ok and first.quarantined == 1, first.summary
        again = run_sync(store=device)
        assert again.ok and again.quarantined == 1  # kept once; the cursor moved on
        assert sync_status(store=device).quarantined == 1
    with b.session() as s:
        from app.store import get_family

        assert get_family(session=s, family_id=family_id).babies  # everything else arrived
    assert dt.datetime.now(dt.UTC) >= sync_status(store=b).last_sync  # type: ignore[operator]
    assert baby_after
