"""Small builders for server tests: teams, enrolled devices, ops and signed visits."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from uuid6 import uuid7

from app.server.admin import create_enrolment_code, create_team
from app.server.db import make_engine
from app.server.hashing import content_hash
from tests.domain.factories import FULL_LOW_RISK


def new_team(url: str, name: str | None = None) -> tuple[uuid.UUID, str]:
    """Create a team; return (team id, a fresh enrolment code)."""
    engine = make_engine(url)
    with Session(engine) as s:
        team = create_team(session=s, name=name or f"team-{uuid.uuid4().hex[:8]}")
        code, _ = create_enrolment_code(session=s, team_id=team.id)
        s.commit()
        team_id = team.id
    engine.dispose()
    return team_id, code


def new_code(url: str, team_id: uuid.UUID, minutes: int = 15) -> str:
    engine = make_engine(url)
    with Session(engine) as s:
        code, _ = create_enrolment_code(session=s, team_id=team_id, minutes=minutes)
        s.commit()
    engine.dispose()
    return code


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def signed_visit(family_id: uuid.UUID | None = None, **sections: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(FULL_LOW_RISK)
    for section, values in sections.items():
        doc[section].update(values)
    return {
        "answers": doc,
        "family_id": str(family_id) if family_id else None,
        "status": "signed",
        "signed_at": "2026-11-20T10:00:00.000000Z",
        "signed_by_name": "A. Visitor",
        "visit_date": doc["visit"]["date"],
    }


def op(
    entity: str,
    payload: dict[str, Any],
    *,
    id: uuid.UUID | None = None,
    base_version: int | None = None,
    op_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    return {
        "op_id": str(op_id or uuid7()),
        "entity": entity,
        "id": str(id or uuid7()),
        "kind": "upsert",
        "base_version": base_version,
        "payload": payload,
        "hash": content_hash(payload),
    }


def batch(*ops: dict[str, Any]) -> dict[str, Any]:
    return {"batch_id": str(uuid7()), "ops": list(ops)}


class Device:
    """An enrolled device as a test sees it."""

    def __init__(self, client: TestClient, body: dict[str, str]) -> None:
        self.client, self.id, self.token = client, body["device_id"], body["token"]
        self.team_id = body["team_id"]
        self.headers = auth(self.token)

    def get(self, path: str, **kw: Any) -> httpx.Response:
        response: httpx.Response = self.client.get(path, headers=self.headers, **kw)
        return response

    def post(self, path: str, json: object) -> httpx.Response:
        response: httpx.Response = self.client.post(path, headers=self.headers, json=json)
        return response


def enrol(client: TestClient, code: str, name: str = "tablet") -> Device:
    response = client.post("/enrol", json={"code": code, "device_name": name})
    assert response.status_code == 200, response.text
    return Device(client, response.json())
