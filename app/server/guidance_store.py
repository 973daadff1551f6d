"""The guidance versions the server assesses with: the packaged one, and those published at base."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

MISS_SECONDS = 30.0  # a version not published here is looked up again after this long


class GuidanceCache:
    """Guidance by version, each parsed once per process; unknown versions: the packaged guidance.

    With an `engine`, a version published at base (`safesleep server publish-guidance`, perhaps
    by another process) is read from the database the first time a record names it, so the
    server assesses a visit with the same text the device did.
    """

    def __init__(self, engine: Engine | None = None) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._by_version: dict[str, Any] = {}
        self._missed: dict[str, float] = {}
        self._default: Any = None

    def default(self) -> Any:
        if self._default is None:
            from app.domain.guidance import load_guidance

            self._default = load_guidance()
        return self._default

    def add(self, guidance: Any) -> None:
        with self._lock:
            self._by_version[guidance.version] = guidance

    def get(self, version: str | None) -> Any:
        if version is None or version == self.default().version:
            return self.default()
        found = self._by_version.get(version)
        if found is None and self._engine is not None:
            found = self._load(version)
        return self.default() if found is None else found

    def _load(self, version: str) -> Any:
        if time.monotonic() - self._missed.get(version, -MISS_SECONDS) < MISS_SECONDS:
            return None
        from app.domain.guidance import parse_guidance
        from app.server.guidance_publish import published_text

        with Session(self._engine) as session:
            text = published_text(session=session, version=version)
        if text is None:
            self._missed[version] = time.monotonic()
            return None
        guidance = parse_guidance(text)  # checked when it was published
        self.add(guidance)
        return guidance
