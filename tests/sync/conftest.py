"""Sync tests: a real `safesleep serve` process per module, on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.server.pg import database
from tests.sync.helpers import Team
from tests.sync.procs import ServerProcess


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with database(request.param, tmp_path_factory.mktemp("syncdb")) as url:
        yield url


@pytest.fixture(scope="module")
def server(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = ServerProcess(db_url, tmp_path_factory.mktemp("serverlog") / "server.log").start()
    yield proc
    proc.stop()


@pytest.fixture
def team(db_url: str, server: ServerProcess, tmp_path: Path) -> Iterator[Team]:
    t = Team(db_url, server.url, tmp_path)
    yield t
    for store in t.stores:
        store.close()


@pytest.fixture
def make_team(db_url: str, server: ServerProcess, tmp_path: Path) -> Iterator[Callable[[], Team]]:
    teams: list[Team] = []

    def make() -> Team:
        teams.append(Team(db_url, server.url, tmp_path / uuid.uuid4().hex[:6]))
        return teams[-1]

    yield make
    for t in teams:
        for store in t.stores:
            store.close()
