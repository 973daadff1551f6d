"""The guidance versions the server assesses with: the packaged one, and those published at base."""

from __future__ import annotations

import threading
from typing import Any


class GuidanceCache:
    """Guidance by version, loaded once per process (the newest when the version is unknown)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_version: dict[str, Any] = {}
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
        if version is not None and version in self._by_version:
            return self._by_version[version]
        return self.default()
