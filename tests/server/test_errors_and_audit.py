"""Clear JSON errors (no stack traces), a body size limit, and an audit without personal data."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

from fastapi.testclient import TestClient
from sqlmodel import select

from app.server.config import MAX_BODY_BYTES
from app.server.db import make_engine
from app.server.models import AuditEvent
from tests.server.helpers import Device, batch, family, op, signed_visit


def test_oversized_body_is_refused_with_413_json(team_device: Device):
    big = op("family", {"notes": "x" * (MAX_BODY_BYTES + 10)})
    response = team_device.post("/sync/push", batch(big))
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"
    assert "5 MB" in response.json()["detail"]


def test_oversized_chunked_body_without_content_length_is_refused_too(team_device: Device):
    def chunks() -> Iterator[bytes]:
        yield b'{"batch_id": "' + str(uuid.uuid4()).encode() + b'", "ops": [], "pad": "'
        for _ in range(6):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    response = team_device.client.post("/sync/push", headers=team_device.headers, content=chunks())
    assert response.status_code == 413 and response.json()["error"] == "too_large"


def test_unknown_path_and_bad_json_are_json_errors_without_tracebacks(team_device: Device):
    missing = team_device.get("/nowhere")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    garbled = team_device.client.post(
        "/sync/push",
        headers=team_device.headers,
        content=b"{not json",
    )
    assert garbled.status_code == 422
    assert "Traceback" not in garbled.text and garbled.json()["error"] == "invalid_request"
    bad_id = team_device.get("/families/not-a-uuid/chronology")
    assert bad_id.status_code == 422 and "family_id" in bad_id.json()["detail"]


def test_health_answers(client: TestClient):
    assert client.get("/health").json() == {"status": "ok"}


def test_openapi_docs_are_served(client: TestClient):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/enrol", "/sync/push", "/sync/pull", "/conflicts", "/review-queue"} <= set(paths)
    assert "Op" in client.get("/openapi.json").json()["components"]["schemas"]


def test_push_and_pull_are_audited_with_counts_and_no_personal_data(team_device: Device, db_url: str):
    visit = signed_visit(
        team_device.household,
        baby={"name": "Zebedee Uniquename"},
        practitioner={"name": "Practitioner Qwerty"},
    )
    team_device.post("/sync/push", batch(op("visit", visit), op("family", family(name="Fam Xyzzy"))))
    team_device.get("/sync/pull")
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(AuditEvent.action, AuditEvent.detail).where(
                AuditEvent.device_id == uuid.UUID(team_device.id)
            )
        ).all()
    engine.dispose()
    pushes = [json.loads(d) for a, d in rows if a == "sync.push"]
    assert [(p["ops"], p["applied"]) for p in pushes] == [(2, 2), (2, 2)]  # the household, then these
    [pull] = [json.loads(d) for a, d in rows if a == "sync.pull"]
    assert pull["changes"] == 4
    text = repr(rows)
    for secret in ("Zebedee", "Qwerty", "Xyzzy"):
        assert secret not in text
