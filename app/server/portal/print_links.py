"""Short-lived, unguessable, per-session links to PDFs the portal makes when the link is opened.

A "Print" button opens its link in a new tab; the PDF is made (and the printing audited, with the
person) on the first open, from the signed-in session captured with the link, then kept for the
link's life so the browser's viewer may fetch it again without a second audit event.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

TTL_SECONDS = 600


@dataclass
class _Entry:
    make: Callable[[], bytes]
    session: str
    expires: float
    name: str
    made: bytes | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class PrintLinks:
    """Token -> a PDF made on first open; a token works for TTL_SECONDS and dies with its session."""

    def __init__(self, ttl: float = TTL_SECONDS) -> None:
        self._ttl = ttl
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def add(self, make: Callable[[], bytes], *, session: str, name: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._prune()
            self._entries[token] = _Entry(make, session, time.monotonic() + self._ttl, name)
        return token

    def open(self, token: str) -> tuple[bytes, str] | None:
        """The PDF (made now if this is the first open) and its file name; None for a dead link.

        Whatever `make` raises (an ended session, a family no longer found) reaches the caller.
        """
        with self._lock:
            self._prune()
            e = self._entries.get(token)
        if e is None:
            return None
        with e.lock:  # two fetches at once make it once
            if e.made is None:
                e.made = e.make()
            return e.made, e.name

    def forget_session(self, session: str) -> None:
        with self._lock:
            self._entries = {t: e for t, e in self._entries.items() if e.session != session}

    def _prune(self) -> None:
        now = time.monotonic()
        self._entries = {t: e for t, e in self._entries.items() if e.expires > now}
