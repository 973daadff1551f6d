"""`safesleep serve`: the config is built once and handed to each worker, never through the
environment; the database password never reaches the log; API paths answer 405 with their methods."""

from __future__ import annotations

import getpass
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.server.helpers import new_team
from tests.server.pg import database
from tests.sync.procs import ServerProcess

SECRET = "hunter2-not-for-logs"


def with_password(url: str) -> str:
    """The URL with a password (ignored by the local socket's authentication, kept in the URL)."""
    parsed = make_url(url)
    return parsed.set(username=parsed.username or getpass.getuser(), password=SECRET).render_as_string(
        hide_password=False
    )


def worker_pids(parent: int) -> list[int]:
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    return [int(c) for c in children]


def environment(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(entry.decode().partition("=")[::2] for entry in raw if entry)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_two_workers_serve_the_database_named_on_the_command_line_without_the_environment(
    kind: str, tmp_path: Path
):
    with database(kind, tmp_path) as plain_url:
        url = with_password(plain_url) if kind == "postgres" else plain_url
        server = ServerProcess(url, tmp_path / "server.log", workers=2).start()
        try:
            assert server.proc is not None
            workers = worker_pids(server.proc.pid)
            assert len([p for p in workers if "SAFESLEEP_SERVER_DB" not in environment(p)]) >= 2
            assert all("SAFESLEEP_SERVER_DB" not in environment(p) for p in [server.proc.pid, *workers])
            _, code = new_team(plain_url)
            with httpx.Client(base_url=server.url, timeout=60) as http:
                token = http.post("/enrol", json={"code": code, "device_name": "w"}).json()["token"]
                for _ in range(20):  # spread over both workers: each reaches the database
                    answer = http.get("/sync/pull", headers={"Authorization": f"Bearer {token}"})
                    assert answer.status_code == 200, answer.text
        finally:
            server.stop()
        assert SECRET not in server.log.read_text()


def test_an_api_path_asked_with_another_method_is_405_naming_its_methods_even_with_the_portal(
    tmp_path: Path,
):
    from fastapi.testclient import TestClient

    from app.server.app import create_app

    app = create_app(f"sqlite:///{tmp_path / 'server.db'}", portal=True)
    with TestClient(app) as client:
        push = client.options("/sync/push")
        assert push.status_code == 405 and push.headers["allow"] == "POST"
        assert push.json()["error"] == "method_not_allowed"
        resolve = client.put("/conflicts/0190a6a4-0000-7000-8000-000000000000/resolve")
        assert resolve.status_code == 405 and resolve.headers["allow"] == "POST"
        assert client.options("/sync/pull").headers["allow"] == "GET, HEAD"
        assert client.get("/health").status_code == 200  # a method the path has: answered as before
    app.state.engine.dispose()
