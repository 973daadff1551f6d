"""From the source tree, as a user installs it: the core alone assesses a visit file, and the
server extra runs the team server without any of the tablet's packages (slow: builds venvs)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _venv(path: Path, spec: str) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    pip = [str(path / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, spec], check=True, cwd=path, capture_output=True)
    return path / "bin"


def test_plain_install_assesses_a_visit_file(tmp_path: Path) -> None:
    bin_dir = _venv(tmp_path / "core", str(ROOT))
    visit = tmp_path / "visit.json"
    visit.write_text(json.dumps({"format": "safesleep.visit/1", "sleep": {"place": "sofa"}}))
    out = subprocess.run(
        [str(bin_dir / "safesleep"), "assess", str(visit), "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["risk_level"] == "high"


def test_server_extra_has_no_tablet_packages_and_serves_health(tmp_path: Path) -> None:
    bin_dir = _venv(tmp_path / "server", f"{ROOT}[server]")
    listed = subprocess.run([str(bin_dir / "pip"), "list"], capture_output=True, text=True).stdout.lower()
    assert "sqlcipher3" not in listed and "flet-desktop" not in listed
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [str(bin_dir / "safesleep"), "serve", "--port", str(port), "--db", f"sqlite:///{tmp_path / 's.db'}"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/health").json() == {"status": "ok"}
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(30)
