"""A team with people and an enrolled device, for portal tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.admin import create_team
from app.server.models import AuditEvent
from app.server.portal.accounts import Person, add_user, current_person, sign_in
from app.server.portal.devices import enrolment_code_for
from tests.server.helpers import Household, auth, batch, op, signed_visit

PASSWORD = "a long enough password"


@dataclass
class PortalTeam:
    engine: Engine
    client: TestClient
    id: uuid.UUID
    name: str
    emails: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, engine: Engine, client: TestClient) -> PortalTeam:
        name = f"team-{uuid.uuid4().hex[:8]}"
        with Session(engine) as s:
            team = create_team(session=s, name=name)
            s.commit()
            team_id = team.id
        t = cls(engine, client, team_id, name)
        for role in ("practitioner", "supervisor", "admin"):
            t.add(role)
        t.enrol("practitioner")
        return t

    def add(self, role: str, email: str | None = None) -> str:
        email = email or f"{role}-{uuid.uuid4().hex[:6]}@{self.name}.example.org"
        with Session(self.engine) as s:
            add_user(session=s, email=email, team_id=self.id, role=role, password=PASSWORD, name=role.title())
            s.commit()
        self.emails.setdefault(role, email)
        return email

    def enrol(self, role: str) -> None:
        from app.server.portal.accounts import user_by_email

        with Session(self.engine) as s:
            code, _ = enrolment_code_for(session=s, user=user_by_email(session=s, email=self.emails[role]))
            s.commit()
        got = self.client.post("/enrol", json={"code": code, "device_name": "tablet"})
        assert got.status_code == 200, got.text
        self.headers = auth(got.json()["token"])

    def person(self, role: str) -> Person:
        with Session(self.engine) as s:
            token = sign_in(session=s, email=self.emails[role], password=PASSWORD)
            person = current_person(session=s, token=token)
            s.commit()
        return person

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        got = self.client.post("/sync/push", headers=self.headers, json=batch(*ops))
        assert got.status_code == 200, got.text
        results: list[dict[str, Any]] = got.json()["results"]
        assert all(r["status"] == "applied" for r in results), results
        return results

    def family(self, surname: str = "Okafor", baby: str = "Sam") -> tuple[uuid.UUID, uuid.UUID]:
        family_id, baby_id = uuid.uuid4(), uuid.uuid4()
        self.push(
            op(
                "family",
                {"id": str(family_id), "name": f"{surname} family", "surname": surname},
                id=family_id,
            ),
            op("baby", {"id": str(baby_id), "family_id": str(family_id), "name": baby}, id=baby_id),
        )
        return family_id, baby_id

    def visit(self, family_id: uuid.UUID, baby_id: uuid.UUID, **sections: dict[str, Any]) -> uuid.UUID:
        visit_id = uuid.uuid4()
        payload = signed_visit(Household(family_id, baby_id), **sections)
        payload.update(id=str(visit_id), baby_id=str(baby_id), visit_type="new_birth")
        self.push(op("visit", payload, id=visit_id))
        return visit_id


ESCALATED: dict[str, dict[str, Any]] = {
    "sleep": {"shared_surfaces": ["sofa"]},
    "family": {"domestic_abuse": True},
}


def audit_events(engine: Engine, action_prefix: str) -> list[AuditEvent]:
    """The portal's audit events whose action starts with `action_prefix`, oldest first."""
    with Session(engine) as s:
        return list(
            s.scalars(
                sa.select(AuditEvent)
                .where(col(AuditEvent.action).startswith(action_prefix))
                .order_by(col(AuditEvent.id))
            ).all()
        )
