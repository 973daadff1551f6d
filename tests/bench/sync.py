"""Sync benchmark: push 10,000 signed visits from one device, pull them into a fresh device,
on SQLite and PostgreSQL, against a real `safesleep serve` process; compared with a plain bulk
insert of the same rows into the same database (the ceiling).

Run: `. scripts/test-env.sh && python -m tests.bench.sync [N]`
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.settings import get_settings
from tests.server.pg import fresh_pg_database
from tests.store.writing import writing

AIM_SECONDS = 10.0


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _plain_insert_rate(db_url: str, ops: list[dict[str, Any]]) -> float:
    """Rows/s of one executemany INSERT of the same (id, payload, hash) rows, one transaction."""
    from app.server.db import make_engine

    engine = make_engine(db_url)
    meta = sa.MetaData()
    table = sa.Table(
        "bench_plain",
        meta,
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("hash", sa.String(128), nullable=False),
    )
    meta.create_all(engine)
    rows = [
        {"id": uuid.UUID(o["id"]), "payload": json.dumps(o["payload"], sort_keys=True), "hash": o["hash"]}
        for o in ops
    ]
    start = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(table.insert(), rows)
    elapsed = time.perf_counter() - start
    meta.drop_all(engine)
    engine.dispose()
    return len(rows) / elapsed


def run_backend(kind: str, db_url: str, n: int, folder: Path) -> dict[str, Any]:
    from app.store import get_sync_value, pending_ops
    from app.sync import enrol_device
    from app.sync.client import ServerClient
    from app.sync.run import SyncSummary, _pull, _push, _wire
    from tests.server.helpers import new_code, new_team
    from tests.sync.helpers import add_family, bulk_signed_visits, new_store
    from tests.sync.procs import ServerProcess

    server = ServerProcess(db_url, folder / f"{kind}-server.log").start()
    try:
        team_id, code = new_team(db_url)
        device = new_store(folder / f"{kind}-device", plain=False)
        enrol_device(store=device, server_url=server.url, code=code, device_name="bench")
        _, baby = add_family(device, "Bench")
        t0 = time.perf_counter()
        bulk_signed_visits(device, baby, n)
        made_s = time.perf_counter() - t0
        with writing(device) as s:
            ops = [_wire(op) for op in pending_ops(session=s, limit=n + 100)]
            token = get_sync_value(session=s, key="token")
        visits = [o for o in ops if o["entity"] == "visit"]
        client = ServerClient(server.url, token)
        summary = SyncSummary()
        start = time.perf_counter()
        _push(device, client, summary, 1000, lambda *_: None)
        push_s = time.perf_counter() - start
        client.close()
        assert summary.pushed == len(ops), summary
        device.close()

        reader = new_store(folder / f"{kind}-reader", plain=False)
        enrol_device(
            store=reader, server_url=server.url, code=new_code(db_url, team_id), device_name="reader"
        )
        with writing(reader) as s:
            token = get_sync_value(session=s, key="token")
        client = ServerClient(server.url, token)
        pulled = SyncSummary()
        start = time.perf_counter()
        _pull(reader, client, pulled, 2000, lambda *_: None)
        pull_s = time.perf_counter() - start
        client.close()
        reader.close()
        assert pulled.pulled >= n, pulled
        rss = _peak_rss_mb(server.proc.pid) if server.proc else float("nan")
    finally:
        server.stop()
    plain = _plain_insert_rate(db_url, visits)
    return {
        "backend": kind,
        "visits": n,
        "setup_s": made_s,
        "push_s": push_s,
        "push_rate": len(ops) / push_s,
        "pull_s": pull_s,
        "pull_rate": pulled.pulled / pull_s,
        "plain_rate": plain,
        "ratio": (len(ops) / push_s) / plain,
        "rss_mb": rss,
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results.append(run_backend("sqlite", f"sqlite:///{folder}/server.db", n, folder))
        if get_settings().test_pg_url:
            with fresh_pg_database() as url:
                results.append(run_backend("postgres", url, n, folder))
        else:
            print("(PostgreSQL skipped: SAFESLEEP_TEST_PG_URL is not set)")
    head = (
        f"{'backend':<9} {'visits':>7} {'push s':>7} {'push/s':>8} {'pull s':>7} "
        f"{'pull/s':>8} {'plain/s':>9} {'push/plain':>10} {'server RSS':>11}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        print(
            f"{r['backend']:<9} {r['visits']:>7} {r['push_s']:>7.2f} {r['push_rate']:>8.0f} "
            f"{r['pull_s']:>7.2f} {r['pull_rate']:>8.0f} {r['plain_rate']:>9.0f} "
            f"{r['ratio']:>10.2f} {r['rss_mb']:>8.0f} MB"
        )
    for r in results:
        ok = r["push_s"] < AIM_SECONDS * r["visits"] / 10_000 and r["ratio"] >= 0.2
        print(
            f"{r['backend']}: aim (10,000 in < 10 s and >= 1/5 of plain insert): {'met' if ok else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
