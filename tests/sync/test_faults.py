"""Fault tests with real processes and sockets: SIGKILLed server, lost answers, killed device."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import col, select
from uuid6 import uuid7

from app.server.db import make_engine
from app.server.models import ChangeLog
from app.store import get_sync_value, set_sync_value
from app.store.models import VisitRecord
from app.sync import ServerUnreachable, sync_now
from tests.store.writing import writing
from tests.sync.helpers import (
    PASSPHRASE,
    Team,
    add_family,
    bulk_signed_visits,
    outbox_states,
    pending_op_ids,
)
from tests.sync.procs import ROOT, DropProxy, ServerProcess, child_env

pytestmark = pytest.mark.slow


def server_visit_counts(db_url: str, ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many times each visit id appears in the server's change log."""
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(ChangeLog.entity_id, sa.func.count())
            .where(ChangeLog.entity == "visit")
            .group_by(col(ChangeLog.entity_id))
        ).all()
    engine.dispose()
    return {i: n for i, n in rows if i in ids}


def device_visits(store) -> set[uuid.UUID]:
    with writing(store) as s:
        return set(s.exec(select(VisitRecord.id).where(VisitRecord.status == "signed")).all())


def test_server_killed_mid_batch_then_sync_again_loses_and_duplicates_nothing(db_url: str, tmp_path: Path):
    server = ServerProcess(db_url, tmp_path / "server.log").start()
    team = Team(db_url, server.url, tmp_path)
    device = team.device("a")
    _, baby = add_family(device, "Killed")
    made = set(bulk_signed_visits(device, baby, 300))
    started = threading.Event()
    outcome: list[object] = []

    def run() -> None:
        def progress(stage: str, done: int, _total: int) -> None:
            if stage == "push" and done > 0:
                started.set()

        try:
            outcome.append(sync_now(store=device, batch_size=100, on_progress=progress))
        except ServerUnreachable as exc:
            outcome.append(exc)
        started.set()

    worker = threading.Thread(target=run)
    worker.start()
    started.wait(timeout=300)  # one batch answered; the next ones are in flight
    server.kill()
    worker.join(timeout=300)
    assert isinstance(outcome[0], ServerUnreachable), "the kill must interrupt the sync"
    assert outbox_states(device).get("pending", 0) > 0  # outbox intact for the rest

    server.start()  # same database, new process
    summary = sync_now(store=device, batch_size=100)
    assert set(outbox_states(device)) == {"applied"}
    assert summary.rejected == 0 and summary.conflicts == 0
    counts = server_visit_counts(db_url, made)
    assert set(counts) == made and set(counts.values()) == {1}
    server.stop()
    device.close()


def test_answers_lost_after_commit_three_times_then_replayed_give_no_duplicates(
    team: Team, server: ServerProcess
):
    proxy = DropProxy(server.port)
    device = team.device("a", url=proxy.url)
    _, baby = add_family(device, "Dropped")
    made = set(bulk_signed_visits(device, baby, 30))
    pending = outbox_states(device)["pending"]
    proxy.drops = 3
    for _ in range(3):
        with pytest.raises(ServerUnreachable):
            sync_now(store=device, batch_size=50)
        assert outbox_states(device) == {"pending": pending}  # answers never came
    assert proxy.dropped == 3
    assert set(server_visit_counts(team.db_url, made).values()) == {1}  # committed the 1st time
    summary = sync_now(store=device, batch_size=50)
    assert summary.pushed == pending and summary.duplicates == 0  # stored answers, replayed
    assert set(outbox_states(device)) == {"applied"}
    counts = server_visit_counts(team.db_url, made)
    assert set(counts) == made and set(counts.values()) == {1}
    proxy.close()


def test_replaying_one_batch_body_returns_identical_answers(team: Team, server: ServerProcess):
    device = team.device("a")
    with writing(device) as s:
        token = get_sync_value(session=s, key="token")
    family_id = str(uuid7())
    payload = {"id": family_id, "name": "Replay family", "surname": "Replay"}
    from app.store.ids import content_hash

    body = {
        "batch_id": str(uuid7()),
        "ops": [
            {
                "op_id": str(uuid7()),
                "entity": "family",
                "id": family_id,
                "kind": "upsert",
                "base_version": None,
                "payload": payload,
                "hash": content_hash(payload),
            }
        ],
    }
    answers = [
        httpx.post(server.url + "/sync/push", json=body, headers={"Authorization": f"Bearer {token}"}).json()
        for _ in range(4)
    ]
    assert all(a == answers[0] for a in answers)
    assert answers[0]["results"][0]["status"] == "applied"


def _device_sync_process(home: Path, *extra: str) -> subprocess.Popen[str]:
    env = child_env(SAFESLEEP_HOME=str(home), SAFESLEEP_DB_KEY=PASSPHRASE)
    return subprocess.Popen(
        [sys.executable, "-m", "app", "sync", *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _assert_cursor_matches_rows(team: Team, store, made: set[uuid.UUID]) -> int:
    with writing(store) as s:
        cursor = int(get_sync_value(session=s, key="pull_cursor") or 0)
    engine = make_engine(team.db_url)
    with engine.connect() as conn:
        upto = set(
            conn.execute(
                select(ChangeLog.entity_id).where(
                    ChangeLog.team_id == team.id, ChangeLog.entity == "visit", col(ChangeLog.seq) <= cursor
                )
            ).scalars()
        )
    engine.dispose()
    assert device_visits(store) == upto & made
    return cursor


def test_device_killed_mid_pull_keeps_rows_and_cursor_consistent(team: Team, server: ServerProcess):
    proxy = DropProxy(server.port)
    source = team.device("source")
    _, baby = add_family(source, "Pulled")
    made = set(bulk_signed_visits(source, baby, 300))
    sync_now(store=source, batch_size=300)

    reader = team.device("reader", url=proxy.url, plain=False)
    home = reader.home
    reader.close()
    team.stores.remove(reader)
    # 1. Deterministic: the device is killed while waiting for its 4th page.
    proxy.pulls_before_hold = 3
    proc = _device_sync_process(home, "--pull-limit", "20")
    assert proxy.holding.wait(timeout=300)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    from app.store import open_store

    store = open_store(home=home, passphrase=PASSPHRASE)
    cursor = _assert_cursor_matches_rows(team, store, made)
    assert 0 < len(device_visits(store)) < len(made)
    store.close()
    # 2. Killed at arbitrary moments (maybe mid-transaction): still consistent each time.
    proxy.pulls_before_hold = None
    for delay in (0.3, 0.6, 0.9):
        proc = _device_sync_process(home, "--pull-limit", "7")
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        store = open_store(home=home, passphrase=PASSPHRASE)
        cursor = max(cursor, _assert_cursor_matches_rows(team, store, made))
        store.close()
    # 3. A full sync afterwards gets every visit exactly once.
    proc = _device_sync_process(home)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "Sync complete." in out
    store = open_store(home=home, passphrase=PASSPHRASE)
    assert device_visits(store) == made
    store.close()
    proxy.close()


def test_sync_command_exits_non_zero_with_a_clear_message_when_the_server_is_down(team: Team, tmp_path: Path):
    device = team.device("cli", plain=False)
    _, baby = add_family(device, "Down")
    bulk_signed_visits(device, baby, 3)
    with writing(device) as s:
        set_sync_value(session=s, key="server_url", value="http://127.0.0.1:9")
    before = pending_op_ids(device)
    home = device.home
    device.close()
    team.stores.remove(device)
    proc = _device_sync_process(home)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 3
    assert "sync failed: cannot reach the team server at http://127.0.0.1:9" in err
    assert "Traceback" not in err + out
    from app.store import open_store

    store = open_store(home=home, passphrase=PASSPHRASE)
    assert before <= pending_op_ids(store)  # (opening the store adds its own audit event)
    store.close()
