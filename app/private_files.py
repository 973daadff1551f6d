"""Files only this user may read: device stores, key salts and server databases (0600, folders 0700)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 (its folder 0700) if it does not exist yet.

    SQLite gives a database's -wal and -shm files the database file's permissions."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
