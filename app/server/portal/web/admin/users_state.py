"""State of the Users screen: the team's accounts and what the admin just did to one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import flet as ft

from app.server.portal.accounts import ROLES
from app.server.portal.admin.service import Admin
from app.server.portal.admin.users import Issued, UserRow
from app.server.portal.web.admin.common import attempt
from app.server.portal.web.state import AuthState

ROLE_WORDS = {"practitioner": "Practitioner", "supervisor": "Supervisor", "admin": "Administrator"}
STATE_WORDS = {"active": "Active", "disabled": "Disabled", "locked": "Locked (wrong passwords)"}


@ft.observable
@dataclass
class UsersState:
    auth: AuthState
    rows: list[UserRow] = field(default_factory=list)
    missing: str = ""
    problem: str = ""
    done: str = ""
    issued: Issued | None = None  # a password to show once; gone on the next action
    role: str = ""
    form_round: int = 0  # a new round re-creates the add form's fields empty

    @property
    def admin(self) -> Admin:
        return Admin(self.auth.portal)

    def load(self) -> None:
        got = attempt(self.auth, self.admin.users)
        self.missing = got.missing
        if got.value is not None:
            self.rows = got.value

    def _after(self, problem: str, done: str, issued: Issued | None = None) -> None:
        self.problem, self.done, self.issued = problem, done, issued
        self.load()

    def add(self, email: str, name: str) -> None:
        problems = []
        if not email.strip():
            problems.append("Email: required (name@example.org)")
        if self.role not in ROLES:
            problems.append("Role: choose practitioner, supervisor or administrator")
        if problems:
            self._after("; ".join(problems), "")
            return
        got = attempt(self.auth, lambda t: self.admin.add_user(t, email, self.role, name))
        if got.value is None:
            self._after(got.problem, "")
            return
        issued: Issued = got.value
        done = f"Added {issued.email} as {ROLE_WORDS[self.role].lower()}."
        self.role, self.form_round = "", self.form_round + 1
        self._after("", done, issued)

    def set_enabled(self, user_id: uuid.UUID, enabled: bool) -> None:
        got = attempt(self.auth, lambda t: self.admin.set_enabled(t, user_id, enabled))
        self.missing = got.missing
        words = (
            "can sign in again" if enabled else "is disabled: they cannot sign in, and their sessions ended"
        )
        self._after(got.problem, f"{got.value} {words}." if got.value else "")

    def reset_password(self, user_id: uuid.UUID) -> None:
        got = attempt(self.auth, lambda t: self.admin.reset_password(t, user_id))
        self.missing = got.missing
        issued: Issued | None = got.value
        done = f"New password for {issued.email}; the account is unlocked." if issued else ""
        self._after(got.problem, done, issued)
