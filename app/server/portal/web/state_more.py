"""State of the team figures screen (dates typed as dd/mm/yyyy)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

import flet as ft

from app.server.portal.chronology import Entry
from app.server.portal.families import FamilyHit, SearchProblem
from app.server.portal.figures import Figures
from app.server.portal.queue import NotFound
from app.server.portal.web.state import AuthState, parse_uk_date


def _year_ago(today: dt.date) -> dt.date:
    return (
        today.replace(year=today.year - 1) + dt.timedelta(days=1)
        if not (today.month == 2 and today.day == 29)
        else dt.date(today.year - 1, 3, 1)
    )


@ft.observable
@dataclass
class FiguresState:
    auth: AuthState
    start: str = field(default_factory=lambda: f"{_year_ago(dt.date.today()):%d/%m/%Y}")
    end: str = field(default_factory=lambda: f"{dt.date.today():%d/%m/%Y}")
    figures: Figures | None = None
    problems: list[str] = field(default_factory=list)

    def load(self, start: str | None = None, end: str | None = None) -> None:
        self.start, self.end = (
            start if start is not None else self.start,
            end if end is not None else self.end,
        )
        a, p1 = parse_uk_date(self.start, "From", required=True)
        b, p2 = parse_uk_date(self.end, "To", required=True)
        problems = [p for p in (p1, p2) if p]
        if a and b and a > b:
            problems.append("From: must be on or before To")
        self.problems = problems
        if problems or a is None or b is None:
            return
        got = self.auth.call(lambda t: self.auth.portal.figures(t, a, b))
        if got is not None:
            self.figures = got


@ft.observable
@dataclass
class ChronologyState:
    """One family's chronology at base (each opening is audited by the service)."""

    auth: AuthState
    family: str = ""
    entries: list[Entry] = field(default_factory=list)
    missing: str = ""

    def open(self, family_id: str) -> None:
        try:
            got = self.auth.call(lambda t: self.auth.portal.chronology(t, uuid.UUID(family_id)))
        except (ValueError, NotFound):
            self.family, self.entries, self.missing = "", [], "Not found: no such family in your team."
            return
        if got is not None:
            (self.family, self.entries), self.missing = got, ""


@ft.observable
@dataclass
class FamiliesState:
    """The families search: what was searched for, the families found, or the problem."""

    auth: AuthState
    query: str = ""
    hits: list[FamilyHit] = field(default_factory=list)
    problem: str = ""
    searched: bool = False

    def search(self, query: str) -> None:
        self.query = query
        try:
            got = self.auth.call(lambda t: self.auth.portal.search_families(t, query))
        except SearchProblem as exc:
            self.hits, self.problem, self.searched = [], str(exc), False
            return
        if got is not None:
            self.hits, self.problem, self.searched = got, "", True


@dataclass
class PortalMore:
    """The state of the screens beyond the queue."""

    figures: FiguresState
    chronology: ChronologyState
