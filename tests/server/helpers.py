"""Small builders for server tests: teams, enrolled devices, ops and signed visits."""

from __future__ import annotations

import copy
import functools
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from uuid6 import uuid7

from app.protocol import REGISTRY, content_hash
from app.server.admin import create_enrolment_code, create_team
from app.server.db import make_engine
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


@dataclass(frozen=True)
class Household:
    """A family and its baby already on the server (visits must name both)."""

    family_id: uuid.UUID
    baby_id: uuid.UUID


def family(**fields: Any) -> dict[str, Any]:
    return {"name": "Test family", "surname": "Test", **fields}


def baby(family_id: uuid.UUID, **fields: Any) -> dict[str, Any]:
    return {"family_id": str(family_id), "name": "Sam", "date_of_birth": "2026-11-02", **fields}


def signed_visit(h: Household, **sections: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(FULL_LOW_RISK)
    for section, values in sections.items():
        doc.setdefault(section, {}).update(values)
    return {
        "family_id": str(h.family_id),
        "baby_id": str(h.baby_id),
        "answers": doc,
        "status": "signed",
        "created": "2026-11-20T09:00:00.000000Z",
        "signed_at": "2026-11-20T10:00:00.000000Z",
        "signed_by_name": "A. Visitor",
        "visit_date": doc["visit"]["date"],
        "visit_type": doc["visit"].get("type", "other"),
    }


def op(
    entity: str,
    payload: dict[str, Any],
    *,
    id: uuid.UUID | None = None,
    base_version: int | None = None,
    op_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    """An op as a device sends it: the payload carries its own id, the hash is its content hash."""
    record_id = id or uuid7()
    body = {**payload, "id": str(record_id)}
    found = REGISTRY.get(entity)
    return {
        "op_id": str(op_id or uuid7()),
        "entity": entity,
        "id": str(record_id),
        "kind": found.op_kind if found else "create",
        "base_version": base_version,
        "payload": body,
        "hash": content_hash(body),
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

    @functools.cached_property
    def household(self) -> Household:
        """A family with a baby, pushed by this device (made on first use)."""
        family_op = op("family", family())
        family_id = uuid.UUID(family_op["id"])
        baby_op = op("baby", baby(family_id))
        answer = self.post("/sync/push", batch(family_op, baby_op)).json()
        assert [r["status"] for r in answer["results"]] == ["applied", "applied"], answer
        return Household(family_id, uuid.UUID(baby_op["id"]))


def enrol(client: TestClient, code: str, name: str = "tablet") -> Device:
    response = client.post("/enrol", json={"code": code, "device_name": name})
    assert response.status_code == 200, response.text
    return Device(client, response.json())
