"""Write a new Alembic revision from the difference between the models and the newest schema.

    .venv/bin/python scripts/new_migration.py store "what changes"     # the device store
    .venv/bin/python scripts/new_migration.py server "what changes"    # the team server

It builds a scratch database at head (SQLite in a temporary folder), compares it with the
SQLModel tables and writes `NNNN_<what_changes>.py` with the next free number, chained after the
current head. Read and edit the file it prints before you commit it (see CONTRIBUTING.md).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory


def _next_id(versions: Path) -> str:
    numbers = [int(m.group(1)) for p in versions.glob("*.py") if (m := re.match(r"(\d{4})_", p.name))]
    return f"{max(numbers, default=0) + 1:04d}"


def _tidy(script: object) -> None:
    """ruff-format the new file (autogenerate writes its own style) and say where it is."""
    path = getattr(script, "path", None)
    if path:
        ruff = Path(sys.executable).with_name("ruff")
        subprocess.run([str(ruff), "check", "--fix", "--quiet", path], check=False)
        subprocess.run([str(ruff), "format", "--quiet", path], check=True)
        print(f"wrote {path}: read it, adjust it, then run make check and the migration tests")


def store_revision(message: str) -> None:
    from app.store.engine import make_engine, migrate
    from app.store.migrations import HERE, alembic_config

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "scratch.db", None)  # plain SQLite: same schema
        migrate(engine)
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            head = ScriptDirectory.from_config(cfg).get_current_head()
            script = command.revision(
                cfg, message=message, autogenerate=True, rev_id=_next_id(HERE / "versions")
            )
            print(f"after {head}")
        engine.dispose()
    _tidy(script)


def server_revision(message: str) -> None:
    from app.server.db import MIGRATIONS, alembic_config, upgrade_schema

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/scratch.db"
        upgrade_schema(url)
        cfg = alembic_config(url)
        head = ScriptDirectory.from_config(cfg).get_current_head()
        script = command.revision(
            cfg, message=message, autogenerate=True, rev_id=_next_id(Path(MIGRATIONS) / "versions")
        )
        print(f"after {head}")
    _tidy(script)


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("store", "server"):
        sys.exit(__doc__)
    (store_revision if sys.argv[1] == "store" else server_revision)(sys.argv[2])


if __name__ == "__main__":
    main()
