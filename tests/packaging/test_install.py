"""From the source tree, as a user installs it: the core alone assesses a visit file, and the
server extra runs the team server without any of the tablet's packages (slow: builds a venv).

One wheel is built from the tree and installed into one fresh venv twice: first the core, which
must assess a file, then the server extra on top, which must serve /health with no tablet package
installed. pip runs with `--no-compile` (bytecode is compiled on first import anyway): compiling
every installed module was most of this test's time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
TABLET_ONLY = ("sqlcipher3", "flet-desktop")
pytestmark = pytest.mark.slow


def _pip(venv: Path, *args: str) -> str:
    """This interpreter's pip acting on `venv` (a venv made --without-pip: no ensurepip per run)."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _serves_health(bin_dir: Path, folder: Path) -> None:
    port = free_port()
    cmd = [str(bin_dir / "safesleep"), "serve", "--port", str(port), "--db", f"sqlite:///{folder / 's.db'}"]
    proc = subprocess.Popen(cmd, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
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


def test_the_core_install_assesses_a_file_and_the_server_extra_serves_without_tablet_packages(
    tmp_path: Path,
) -> None:
    wheels = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(wheels)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    bin_dir = venv / "bin"

    _pip(venv, "install", "--quiet", "--no-compile", str(wheel))  # the core alone
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

    _pip(venv, "install", "--quiet", "--no-compile", f"{wheel}[server]")  # then the server extra
    listed = _pip(venv, "list").lower()
    assert "fastapi" in listed and "uvicorn" in listed  # the extra really went in
    assert not [name for name in TABLET_ONLY if name in listed], listed
    _serves_health(bin_dir, tmp_path)
