"""Server tests run against SQLite and a fresh PostgreSQL database per module."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.server.app import create_app
from tests.server.helpers import Household, auth, baby, batch, family, new_team, op
from tests.server.pg import database


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with database(request.param, tmp_path_factory.mktemp("serverdb")) as url:
        yield url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    app = create_app(db_url)
    with TestClient(app) as c:
        yield c
    app.state.engine.dispose()


class Device:
    """An enrolled device as a test sees it."""

    def __init__(self, client: TestClient, body: dict[str, str]) -> None:
        self.client, self.id, self.token = client, body["device_id"], body["token"]
        self.team_id = body["team_id"]
        self.headers = auth(self.token)

    def get(self, path: str, **kw: object):  # -> httpx.Response
        return self.client.get(path, headers=self.headers, **kw)  # type: ignore[arg-type]

    def post(self, path: str, json: object):  # -> httpx.Response
        return self.client.post(path, headers=self.headers, json=json)

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


@pytest.fixture
def team_device(client: TestClient, db_url: str) -> Device:
    """A device enrolled in a new team."""
    _, code = new_team(db_url)
    return enrol(client, code)
