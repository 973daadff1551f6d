"""Guidance files for tests: the packaged file under another version, published with the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.domain.guidance import GUIDANCE_FILE
from tests.sync.procs import ROOT, child_env

PACKAGED = GUIDANCE_FILE.read_text(encoding="utf-8")
CURRENT = 'guidance_version = "2026.12-1"'


def version_of(text: str, version: str) -> str:
    assert CURRENT in text
    return text.replace(CURRENT, f'guidance_version = "{version}"')


def publish(path: Path, db_url: str) -> subprocess.CompletedProcess[str]:
    """`safesleep server publish-guidance PATH --db URL` in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "app", "server", "publish-guidance", str(path), "--db", db_url],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
