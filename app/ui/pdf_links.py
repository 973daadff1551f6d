"""Short-lived, unguessable, per-session links to PDFs (served by app.ui.main and the portal).

A link holds a PDF made already (the app's leaflets, the portal's files) or one made when the link
is first opened (the portal's "Print" buttons: the PDF is made, and the printing audited with the
person, from the signed-in session captured with the link). Either way it is kept for the link's
life, so the browser's viewer may fetch it again without making it (or auditing it) twice.
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


class PdfLinks:
    """Token -> a PDF; a token works for TTL_SECONDS and dies with its session."""

    def __init__(self, ttl: float = TTL_SECONDS) -> None:
        self._ttl = ttl
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def add(self, pdf: bytes, *, session: str, name: str = "leaflet.pdf") -> str:
        """A link to a PDF made already."""
        return self._add(_Entry(lambda: pdf, session, 0.0, name, made=pdf))

    def add_maker(self, make: Callable[[], bytes], *, session: str, name: str) -> str:
        """A link to a PDF that `make` makes when the link is first opened."""
        return self._add(_Entry(make, session, 0.0, name))

    def get(self, token: str) -> tuple[bytes, str] | None:
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

    def _add(self, entry: _Entry) -> str:
        token = secrets.token_urlsafe(32)
        entry.expires = time.monotonic() + self._ttl
        with self._lock:
            self._prune()
            self._entries[token] = entry
        return token

    def _prune(self) -> None:
        now = time.monotonic()
        self._entries = {t: e for t, e in self._entries.items() if e.expires > now}


LINKS = PdfLinks()
