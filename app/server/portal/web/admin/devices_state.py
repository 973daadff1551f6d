"""State of the Devices screen: the team's devices, the code just issued, what was revoked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import flet as ft

from app.server.portal.admin.devices import Code, DeviceLine
from app.server.portal.admin.service import Admin
from app.server.portal.web.admin.common import attempt
from app.server.portal.web.state import AuthState


@ft.observable
@dataclass
class DevicesState:
    auth: AuthState
    rows: list[DeviceLine] = field(default_factory=list)
    practitioners: list[tuple[uuid.UUID, str, str]] = field(default_factory=list)
    chosen: str = ""  # the practitioner's user id, as text
    code: Code | None = None
    missing: str = ""
    problem: str = ""
    done: str = ""

    @property
    def admin(self) -> Admin:
        return Admin(self.auth.portal)

    def load(self) -> None:
        got = attempt(self.auth, self.admin.devices)
        people = attempt(self.auth, self.admin.practitioners)
        self.missing = got.missing or people.missing
        if got.value is not None:
            self.rows, self.practitioners = got.value, people.value or []

    def choose(self, user_id: str) -> None:
        self.chosen, self.problem = user_id, ""

    def issue(self) -> None:
        self.done, self.code = "", None
        if not self.chosen:
            self.problem = "Practitioner: choose whose device this code will enrol"
            return
        got = attempt(self.auth, lambda t: self.admin.issue_code(t, uuid.UUID(self.chosen)))
        self.missing, self.problem, self.code = got.missing, got.problem, got.value

    def revoke(self, device_id: uuid.UUID) -> None:
        got = attempt(self.auth, lambda t: self.admin.revoke(t, device_id))
        self.missing, self.problem = got.missing, got.problem
        self.done = f"{got.value} is revoked: it can no longer sync." if got.value else ""
        self.code = None
        self.load()
