"""Schemathesis against a real `safesleep serve` (SQLite and PostgreSQL), with a valid device token,
every check, bounded examples; prints each backend's figures. Run: `make fuzz` or
`. scripts/test-env.sh && python -m tests.server.fuzz [MAX_EXAMPLES]`. Exit 1 on any failure."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from app.settings import get_settings
from tests.server.pg import fresh_pg_database
from tests.sync.procs import ServerProcess, child_env


def fuzz(kind: str, db_url: str, folder: Path, examples: int) -> int:
    from tests.server.helpers import new_team

    server = ServerProcess(db_url, folder / f"{kind}-server.log").start()
    try:
        _, code = new_team(db_url)
        import httpx

        token = httpx.post(f"{server.url}/enrol", json={"code": code, "device_name": "fuzz"}).json()["token"]
        cmd = [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            f"{server.url}/openapi.json",
            "--header",
            f"Authorization: Bearer {token}",
            "--checks",
            "all",
            "--max-examples",
            str(examples),
            "--exclude-path",
            "/enrol",  # guessing codes is rate-limited: 429 after 10 wrong codes (tested separately)
            "--seed",
            "2026",
        ]
        print(f"== {kind}: schemathesis {examples} examples per operation", flush=True)
        return subprocess.run(cmd, cwd=folder, env=child_env()).returncode  # its cache stays in tmp
    finally:
        server.stop()


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    codes = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        codes.append(fuzz("sqlite", f"sqlite:///{folder}/server.db", folder, examples))
        if get_settings().test_pg_url:
            with fresh_pg_database() as url:
                codes.append(fuzz("postgres", url, folder, examples))
    sys.exit(1 if any(codes) else 0)


if __name__ == "__main__":
    main()
