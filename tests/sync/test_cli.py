"""The commands an administrator and a practitioner type: create a team, make a code, enrol,
sync, revoke, as real processes against a real server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.helpers import PASSPHRASE
from tests.sync.procs import ROOT, ServerProcess, child_env

pytestmark = pytest.mark.slow


def safesleep(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_admin_and_device_commands_end_to_end(db_url: str, server: ServerProcess, tmp_path: Path):
    import uuid

    team = f"Team {uuid.uuid4().hex[:6]}"
    created = safesleep("server", "create-team", team, "--db", db_url)
    assert created.returncode == 0 and f"Created team {team}" in created.stdout
    duplicate = safesleep("server", "create-team", team, "--db", db_url)
    assert duplicate.returncode == 2 and "already exists" in duplicate.stderr
    made = safesleep("server", "enrol-device", "--team", team, "--db", db_url)
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip().splitlines()[-1]
    assert len(code) == 14 and code.count("-") == 2  # XXXX-XXXX-XXXX, alone on the last line

    device_env = child_env(SAFESLEEP_HOME=str(tmp_path / "tablet"), SAFESLEEP_DB_KEY=PASSPHRASE)
    enrolled = safesleep(
        "device", "enrol", "--server", server.url, "--code", code, "--name", "Tablet 1", env=device_env
    )
    assert enrolled.returncode == 0, enrolled.stderr
    assert f"Enrolled in team {team} as device" in enrolled.stdout
    device_id = enrolled.stdout.strip().split()[-1]
    again = safesleep("device", "enrol", "--server", server.url, "--code", code, env=device_env)
    assert again.returncode == 3 and f"already belongs to {team}" in again.stderr
    other_env = child_env(SAFESLEEP_HOME=str(tmp_path / "tablet2"), SAFESLEEP_DB_KEY=PASSPHRASE)
    reused = safesleep("device", "enrol", "--server", server.url, "--code", code, env=other_env)
    assert reused.returncode == 3 and "already used or expired" in reused.stderr

    synced = safesleep("sync", env=device_env)
    assert synced.returncode == 0, synced.stderr
    assert "Sync complete." in synced.stdout and "pushed: " in synced.stdout
    assert "duplicates ignored: 0" in synced.stdout and "conflicts: 0" in synced.stdout
    assert "push: " in synced.stderr  # progress

    revoked = safesleep("server", "revoke-device", device_id, "--db", db_url)
    assert revoked.returncode == 0 and f"Revoked device {device_id}" in revoked.stdout
    refused = safesleep("sync", env=device_env)
    assert refused.returncode == 3
    assert "sync failed: this device has been revoked" in refused.stderr
    assert "Traceback" not in refused.stderr

    bad = safesleep("server", "revoke-device", "not-an-id", "--db", db_url)
    assert bad.returncode == 2 and "DEVICE_ID" in bad.stderr
    no_team = safesleep("server", "enrol-device", "--team", "Nobody", "--db", db_url)
    assert no_team.returncode == 2 and "no team called 'Nobody'" in no_team.stderr
