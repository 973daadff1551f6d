"""Enrolment codes are single use and expire; tokens are stored hashed and checked every time."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from app.server.auth import token_hash
from app.server.db import make_engine
from app.server.models import Device as DeviceRow
from app.server.models import EnrolmentCode
from tests.server.helpers import auth, enrol, new_code, new_team


def test_enrolment_gives_a_token_the_server_keeps_only_as_a_hash(client: TestClient, db_url: str):
    team_id, code = new_team(db_url, name="Hash team")
    device = enrol(client, code, name="Tablet 7")
    assert device.team_id == str(team_id)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        stored = conn.execute(
            select(DeviceRow.token_hash, DeviceRow.name).where(
                DeviceRow.token_hash == token_hash(device.token)
            )
        ).one()
        codes = conn.execute(select(EnrolmentCode.code_hash)).scalars().all()
    engine.dispose()
    assert stored.name == "Tablet 7"
    assert device.token not in stored.token_hash
    assert code not in codes and code.replace("-", "") not in codes
    assert device.get("/families").status_code == 200


def test_enrolment_code_works_only_once(client: TestClient, db_url: str):
    _, code = new_team(db_url)
    enrol(client, code)
    again = client.post("/enrol", json={"code": code, "device_name": "second"})
    assert again.status_code == 400
    assert again.json()["error"] == "enrolment_refused"
    assert "code:" in again.json()["detail"]


def test_expired_enrolment_code_is_refused(client: TestClient, db_url: str):
    team_id, _ = new_team(db_url)
    stale = new_code(db_url, team_id, minutes=-1)
    response = client.post("/enrol", json={"code": stale, "device_name": "late"})
    assert response.status_code == 400
    assert "expired" in response.json()["detail"]


def test_enrolment_code_accepts_lower_case_and_no_dashes(client: TestClient, db_url: str):
    _, code = new_team(db_url)
    response = client.post("/enrol", json={"code": code.replace("-", "").lower(), "device_name": "typed"})
    assert response.status_code == 200


def test_requests_without_a_token_get_401_json(client: TestClient):
    for path in ("/families", "/sync/pull", "/conflicts", "/review-queue"):
        response = client.get(path)
        assert response.status_code == 401
        assert response.json()["error"] == "not_authenticated"
        assert "Bearer" in response.json()["detail"]


def test_unknown_token_gets_401(client: TestClient):
    response = client.get("/sync/pull", headers=auth("not-a-real-token"))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"


def test_revoked_device_gets_403_and_other_devices_keep_working(client: TestClient, db_url: str):
    from sqlalchemy.orm import Session

    from app.server.admin import revoke_device

    team_id, code = new_team(db_url)
    revoked, kept = enrol(client, code), enrol(client, new_code(db_url, team_id))
    engine = make_engine(db_url)
    with Session(engine) as s:
        import uuid

        revoke_device(session=s, device_id=uuid.UUID(revoked.id))
        s.commit()
    engine.dispose()
    refused = revoked.get("/sync/pull")
    assert refused.status_code == 403
    assert refused.json() == {"error": "device_revoked", "detail": refused.json()["detail"]}
    assert "revoked" in refused.json()["detail"]
    assert revoked.post("/sync/push", {"batch_id": "0" * 32, "ops": []}).status_code == 403
    assert kept.get("/sync/pull").status_code == 200
