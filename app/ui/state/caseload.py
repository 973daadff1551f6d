"""The caseload screen's state: the search box, the chosen filter and the families found."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import flet as ft

from app.services import caseload
from app.ui.state.sync import StoreSource


@ft.observable
@dataclass
class CaseloadState:
    source: StoreSource
    query: str = ""
    show: str = caseload.DEFAULT_VIEW
    rows: list[caseload.CaseloadRow] = field(default_factory=list)
    search_ms: float = 0.0

    def search(self, query: str) -> None:
        """Find families by surname, baby's name or postcode (empty: the whole caseload)."""
        self._run(query, self.show)

    def choose(self, show: str) -> None:
        """Show the most urgent first, only high risk / incomplete / overdue / drafts, or A to Z."""
        if show not in caseload.VIEWS:
            raise ValueError(f"show: must be one of: {', '.join(caseload.VIEWS)}")
        self._run(self.query, show)

    def _run(self, query: str, show: str) -> None:
        started = time.perf_counter()
        rows = caseload.search(store=self.source.store, query=query.strip(), show=show)
        self.search_ms = (time.perf_counter() - started) * 1000
        self.query, self.show, self.rows = query, show, rows

    def forget(self) -> None:
        self.rows = []
