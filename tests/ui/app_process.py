"""The app as its own process for the browser tests: `safesleep run` on a free port, stopped after."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60


@dataclass
class AppProcess:
    proc: subprocess.Popen[bytes]
    url: str
    home: Path
    started: float

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, no flush, like a tablet that dies."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


def start_app(
    home: Path, *, demo: bool = True, port: int | None = None, env: dict[str, str] | None = None
) -> AppProcess:
    """`safesleep run` as its own process (on `port`, else a free one), once it answers HTTP."""
    port = port or free_port()
    env = {**os.environ, "SAFESLEEP_HOME": str(home), "FLET_WEB_NO_CDN": "1", **(env or {})}
    cmd = [sys.executable, "-m", "app", "run", "--port", str(port)] + (["--demo"] if demo else [])
    started = time.perf_counter()
    # Its output goes to a file beside the store: an unread pipe would stop the app once it filled up.
    log = home.parent / f"{home.name}-app.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                return AppProcess(proc, url, home, started)
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("app did not answer in time")


@contextmanager
def running_app(home: Path, *, demo: bool = True, env: dict[str, str] | None = None) -> Iterator[AppProcess]:
    app = start_app(home, demo=demo, env=env)
    try:
        yield app
    finally:
        if app.proc.poll() is None:
            app.proc.terminate()
            try:
                app.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
