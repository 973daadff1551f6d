"""Short-lived, unguessable, per-session links for leaflet PDFs (served by app.ui.main)."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

TTL_SECONDS = 600


@dataclass(frozen=True, slots=True)
class _Entry:
    pdf: bytes
    session: str
    expires: float
    name: str


class PdfLinks:
    """Token -> PDF bytes; a token works for TTL_SECONDS and dies with its session."""

    def __init__(self, ttl: float = TTL_SECONDS) -> None:
        self._ttl = ttl
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def add(self, pdf: bytes, *, session: str, name: str = "leaflet.pdf") -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._prune()
            self._entries[token] = _Entry(pdf, session, time.monotonic() + self._ttl, name)
        return token

    def get(self, token: str) -> tuple[bytes, str] | None:
        with self._lock:
            self._prune()
            e = self._entries.get(token)
        return (e.pdf, e.name) if e else None

    def forget_session(self, session: str) -> None:
        with self._lock:
            self._entries = {t: e for t, e in self._entries.items() if e.session != session}

    def _prune(self) -> None:
        now = time.monotonic()
        self._entries = {t: e for t, e in self._entries.items() if e.expires > now}


LINKS = PdfLinks()
