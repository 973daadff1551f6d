"""Real processes and sockets for fault tests: a uvicorn server subprocess and a TCP proxy."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from tests.helpers import free_port, settings_free_env

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 90  # generous: CI machines are slow; tests never fail on timing


def child_env(**extra: str) -> dict[str, str]:
    env = settings_free_env(**extra)
    env["PYTHONPATH"] = str(ROOT)
    return env


class ServerProcess:
    """`safesleep serve --db URL --port P` in its own process (SIGKILL-able)."""

    def __init__(self, db_url: str, log: Path, workers: int = 1) -> None:
        self.db_url, self.log, self.workers = db_url, log, workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        out = self.log.open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "serve",
                "--db",
                self.db_url,
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            cwd=ROOT,
            env=child_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"server did not start: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing: as if the power went."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def _read_message(sock: socket.socket, buffer: bytearray) -> bytes | None:
    """One HTTP/1.1 message (headers + Content-Length body) from `sock`, or None at EOF."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head_end = buffer.index(b"\r\n\r\n") + 4
    length = 0
    for line in bytes(buffer[:head_end]).split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(buffer) < head_end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    message = bytes(buffer[: head_end + length])
    del buffer[: head_end + length]
    return message


class DropProxy:
    """A TCP proxy that, `drops` times, lets a push reach the server and the server answer,
    then closes the device's connection without passing the answer on."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.drops = 0
        self.dropped = 0
        self.pulls_before_hold: int | None = None  # then withhold every pull answer
        self.pulls = 0
        self.holding = threading.Event()
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _take_drop(self) -> bool:
        with self.lock:
            if self.drops > 0:
                self.drops -= 1
                self.dropped += 1
                return True
            return False

    def _hold_pull(self) -> bool:
        with self.lock:
            self.pulls += 1
            return self.pulls_before_hold is not None and self.pulls > self.pulls_before_hold

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        inbound, outbound = bytearray(), bytearray()
        try:
            while True:
                request = _read_message(client, inbound)
                if request is None:
                    return
                upstream.sendall(request)
                response = _read_message(upstream, outbound)
                if response is None:
                    return
                if request.startswith(b"POST /sync/push") and self._take_drop():
                    return  # the server committed and answered; the device never hears it
                if request.startswith(b"GET /sync/pull") and self._hold_pull():
                    self.holding.set()
                    time.sleep(3600)  # the device waits mid-pull until it is killed
                    return
                client.sendall(response)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()

    def close(self) -> None:
        self.listener.close()
