"""Portal tests: the services against SQLite and a fresh PostgreSQL database per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from app.server.app import create_app
from app.server.db import make_engine
from tests.portal.helpers import PortalTeam
from tests.server.pg import database


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with database(request.param, tmp_path_factory.mktemp("portaldb")) as url:
        yield url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    app = create_app(db_url)
    with TestClient(app) as c:
        yield c
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def engine(db_url: str, client: TestClient) -> Iterator[Engine]:
    e = make_engine(db_url)
    yield e
    e.dispose()


@pytest.fixture
def team(engine: Engine, client: TestClient) -> PortalTeam:
    return PortalTeam.create(engine, client)
