"""Both ends of a correction at the command line: `safesleep visit amend` on the tablet, then
`safesleep server review-queue` at base shows the corrected risk (real processes)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from tests.domain.factories import FULL_LOW_RISK
from tests.sync.helpers import PASSPHRASE
from tests.sync.procs import ServerProcess, child_env
from tests.sync.test_cli import safesleep

pytestmark = pytest.mark.slow


def test_a_visit_amended_at_the_command_line_is_high_in_the_servers_review_queue(
    db_url: str, server: ServerProcess, tmp_path: Path
) -> None:
    team = f"Team {uuid.uuid4().hex[:6]}"
    assert safesleep("server", "create-team", team, "--db", db_url).returncode == 0
    code = safesleep("server", "enrol-device", "--team", team, "--db", db_url).stdout.strip().splitlines()[-1]
    env = child_env(SAFESLEEP_HOME=str(tmp_path / "tablet"), SAFESLEEP_DB_KEY=PASSPHRASE)
    visit_file = tmp_path / "visit.json"
    visit_file.write_text(json.dumps(FULL_LOW_RISK))
    imported = safesleep("visit", "import", str(visit_file), "--sign", "--family", "Reed family", env=env)
    assert imported.returncode == 0, imported.stderr
    visit_id = imported.stdout.strip().splitlines()[-1]
    assert safesleep("device", "enrol", "--server", server.url, "--code", code, env=env).returncode == 0
    assert safesleep("sync", env=env).returncode == 0
    empty = safesleep("server", "review-queue", "--team", team, "--json", "--db", db_url)
    assert empty.returncode == 0 and json.loads(empty.stdout) == []

    no_reason = safesleep("visit", "amend", visit_id, "--reason", " ", "--set", "sleep.place=sofa", env=env)
    assert no_reason.returncode != 0 and "reason" in no_reason.stderr and "Traceback" not in no_reason.stderr
    bad = safesleep("visit", "amend", visit_id, "--reason", "r", "--set", "sleep.place=hammock", env=env)
    assert bad.returncode != 0 and "sleep.place" in bad.stderr
    amended = safesleep(
        "visit",
        "amend",
        visit_id,
        "--reason",
        "Sleeps on the sofa with mum",
        "--set",
        "sleep.place=sofa",
        env=env,
    )
    assert amended.returncode == 0, amended.stderr
    assert safesleep("sync", env=env).returncode == 0
    queue = safesleep("server", "review-queue", "--team", team, "--json", "--db", db_url)
    assert queue.returncode == 0, queue.stderr
    [row] = json.loads(queue.stdout)
    assert (row["visit_id"], row["risk_level"]) == (visit_id, "high")
    assert "sofa_or_armchair_sharing" in row["factors"]
    words = safesleep("server", "review-queue", "--team", team, "--db", db_url).stdout
    assert visit_id in words and "high" in words and "sofa_or_armchair_sharing" in words
