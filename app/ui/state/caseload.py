"""The caseload screen's state: the search box and the families it finds."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import flet as ft

from app.services import caseload


@ft.observable
@dataclass
class CaseloadState:
    query: str = ""
    rows: list[caseload.CaseloadRow] = field(default_factory=list)
    search_ms: float = 0.0
    _store: Any = field(default=None, repr=False)

    def search(self, query: str) -> None:
        """Find families by surname, baby's name or postcode (empty: the whole caseload)."""
        started = time.perf_counter()
        rows = caseload.search(store=self._store, query=query.strip())
        self.search_ms = (time.perf_counter() - started) * 1000
        self.query = query
        self.rows = rows
