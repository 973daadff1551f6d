"""`safesleep server add-user | reset-password | disable-user | enrol-device --user` in a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.db import make_engine
from app.server.models import Device
from app.server.portal.devices import team_devices
from app.server.portal.service import Portal
from tests.sync.procs import ROOT, child_env

# Slow: a session of real `safesleep` processes (argon2 in each): in make test, not in make test-fast.
pytestmark = pytest.mark.slow


def _cli(db: str, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    env = child_env(**({"SAFESLEEP_NEW_PASSWORD": password} if password else {}))
    return subprocess.run(
        [sys.executable, "-m", "app", *args, "--db", db],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_people_are_added_reset_and_disabled_from_the_command_line(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'server.db'}"
    assert _cli(db, "server", "create-team", "North").returncode == 0
    bad = _cli(
        db, "server", "add-user", "sup@example.org", "--team", "North", "--role", "boss", password="x" * 12
    )
    assert (
        bad.returncode == 2
        and "--role: 'boss' is not allowed; use one of: practitioner, supervisor, admin" in bad.stderr
    )
    short = _cli(
        db,
        "server",
        "add-user",
        "sup@example.org",
        "--team",
        "North",
        "--role",
        "supervisor",
        password="short",
    )
    assert short.returncode == 2 and "password: must be at least 12 characters" in short.stderr
    added = _cli(
        db,
        "server",
        "add-user",
        "Sup@Example.org",
        "--team",
        "North",
        "--role",
        "supervisor",
        password="first long password",
    )
    assert added.returncode == 0, added.stderr
    assert "first long password" not in added.stdout + added.stderr
    engine = make_engine(db)
    portal = Portal(engine)
    assert portal.person(portal.sign_in("sup@example.org", "first long password")).role == "supervisor"
    assert (
        _cli(db, "server", "reset-password", "sup@example.org", password="second long password").returncode
        == 0
    )
    assert portal.person(portal.sign_in("sup@example.org", "second long password")).team_name == "North"
    assert _cli(db, "server", "disable-user", "sup@example.org").returncode == 0
    missing = _cli(db, "server", "disable-user", "who@example.org")
    assert missing.returncode == 2 and "EMAIL: no account for who@example.org" in missing.stderr
    engine.dispose()


def test_a_device_enrolled_with_user_belongs_to_that_practitioner(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'server.db'}"
    _cli(db, "server", "create-team", "South")
    _cli(
        db,
        "server",
        "add-user",
        "hv@example.org",
        "--team",
        "South",
        "--role",
        "practitioner",
        password="a practitioner password",
    )
    made = _cli(db, "server", "enrol-device", "--user", "hv@example.org")
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip().splitlines()[-1]
    neither = _cli(db, "server", "enrol-device")
    assert neither.returncode == 2 and "--team or --user" in neither.stderr
    assert _cli(db, "server", "enrol-device", "--team", "South").returncode == 0  # the team form still works

    from fastapi.testclient import TestClient

    from app.server.app import create_app

    app = create_app(db)
    with TestClient(app) as client:
        assert client.post("/enrol", json={"code": code, "device_name": "tablet 7"}).status_code == 200
    app.state.engine.dispose()
    engine = make_engine(db)
    with Session(engine) as s:
        team_id = s.scalar(sa.select(col(Device.team_id)))
        assert team_id is not None
        rows = team_devices(session=s, team_id=team_id)
    assert [(r.name, r.owner) for r in rows] == [("tablet 7", "hv@example.org")]
    engine.dispose()
