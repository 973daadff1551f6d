"""Server tests run against SQLite and a fresh PostgreSQL database per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.server.app import create_app
from tests.server.helpers import Device, enrol, new_team
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


@pytest.fixture
def team_device(client: TestClient, db_url: str) -> Device:
    """A device enrolled in a new team."""
    _, code = new_team(db_url)
    return enrol(client, code)
