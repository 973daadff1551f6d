"""State of the batch leaflet printing screen: which signed visits, which chosen, the PDF made."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import flet as ft

from app.server.portal.batch_leaflets import BatchFilter, BatchProblem, SignedVisitRow
from app.server.portal.queue import NotFound
from app.server.portal.web.state import AuthState, parse_uk_date


def _today() -> str:
    return f"{dt.date.today():%d/%m/%Y}"


@ft.observable
@dataclass
class PrintingState:
    auth: AuthState
    start: str = field(default_factory=_today)
    end: str = field(default_factory=_today)
    visit_type: str = "new_birth"
    practitioner: str = ""
    rows: list[SignedVisitRow] = field(default_factory=list)
    practitioners: list[str] = field(default_factory=list)
    chosen: list[uuid.UUID] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    url: str = ""
    done: str = ""
    loaded: bool = False

    def load(self, start: str | None = None, end: str | None = None) -> None:
        self.start = self.start if start is None else start
        self.end = self.end if end is None else end
        a, p1 = parse_uk_date(self.start, "From", required=True)
        b, p2 = parse_uk_date(self.end, "To", required=True)
        self.problems = [p for p in (p1, p2) if p]
        if self.problems or a is None or b is None:
            return
        flt = BatchFilter(a, b, self.visit_type or None, self.practitioner or None)
        try:
            rows = self.auth.call(lambda t: self.auth.portal.batch_visits(t, flt))
            names = self.auth.call(self.auth.portal.batch_practitioners)
        except BatchProblem as exc:
            self.problems = [str(exc)]
            return
        if rows is not None:
            self.rows, self.practitioners, self.loaded = rows, names or [], True
            shown = {r.visit_id for r in rows}
            self.chosen = [v for v in self.chosen if v in shown]

    def set_filter(self, name: str, value: str) -> None:
        setattr(self, name, "" if value == "all" else value)
        self.load()

    def todays_new_births(self) -> None:
        self.start = self.end = _today()
        self.visit_type, self.practitioner = "new_birth", ""
        self.load()

    def choose(self, visit_id: uuid.UUID, on: bool) -> None:
        others = [v for v in self.chosen if v != visit_id]
        self.chosen = [*others, visit_id] if on else others
        self.url, self.done = "", ""

    def choose_all(self, on: bool) -> None:
        self.chosen = [r.visit_id for r in self.rows] if on else []
        self.url, self.done = "", ""

    def print_chosen(self, link_for: Callable[[bytes, str], str]) -> None:
        """Make the one PDF of the chosen visits' leaflets (shown order), record each, offer the link."""
        order = [r.visit_id for r in self.rows if r.visit_id in set(self.chosen)]
        try:
            got = self.auth.call(lambda t: self.auth.portal.print_leaflets(t, order))
        except (BatchProblem, NotFound) as exc:
            self.problems = [str(exc)]
            return
        if got is None:
            return
        pdf, pages = got
        self.url = link_for(pdf, f"safer-sleep-leaflets-{dt.date.today():%Y-%m-%d}.pdf")
        n = len(order)
        self.done = (
            f"{n} leaflet{'s' if n != 1 else ''} ready: one PDF of {pages} pages. "
            "Each is recorded on its visit and reaches the practitioners' tablets at their next sync."
        )
        self.problems, self.chosen = [], []
        self.load()
