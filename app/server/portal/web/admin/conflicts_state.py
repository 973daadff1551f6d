"""State of the Sync conflicts screens: the team's list, and one conflict being resolved."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import flet as ft

from app.server.portal.admin import NOT_ADMIN
from app.server.portal.admin.conflicts import ConflictView
from app.server.portal.admin.service import Admin
from app.server.portal.web.admin.common import attempt
from app.server.portal.web.state import AuthState

NOT_FOUND = "Not found: no such sync conflict in your team."


@ft.observable
@dataclass
class ConflictsState:
    auth: AuthState
    waiting: list[ConflictView] = field(default_factory=list)
    done: list[ConflictView] = field(default_factory=list)
    missing: str = ""

    def load(self) -> None:
        got = attempt(self.auth, Admin(self.auth.portal).conflicts)
        self.missing = got.missing
        if got.value is not None:
            self.waiting, self.done = got.value


@ft.observable
@dataclass
class ConflictState:
    auth: AuthState
    conflict: ConflictView | None = None
    missing: str = ""
    problem: str = ""
    done: str = ""

    def open(self, conflict_id: str) -> None:
        try:
            cid = uuid.UUID(conflict_id)
        except ValueError:
            self.missing = NOT_FOUND
            return
        got = attempt(self.auth, lambda t: Admin(self.auth.portal).conflict(t, cid))
        self.missing = NOT_FOUND if got.missing and got.missing != NOT_ADMIN else got.missing
        self.conflict = got.value

    def keep(self, side: str) -> None:
        if self.conflict is None:
            return
        cid = self.conflict.id
        got = attempt(self.auth, lambda t: Admin(self.auth.portal).keep(t, cid, side))
        self.problem = got.problem
        if got.value is not None:
            self.conflict = got.value
            self.done = (
                f"Resolved: {got.value.field} is now {got.value.resolved_value}. "
                "Every tablet of the team receives it at its next sync."
            )
