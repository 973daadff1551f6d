"""State of the Audit log screen: the filters as typed, one page of entries, the problems."""

from __future__ import annotations

from dataclasses import dataclass, field

import flet as ft

from app.server.portal.admin.audit_log import PAGE_SIZE, AuditFilter, AuditLine
from app.server.portal.admin.service import Admin
from app.server.portal.web.admin.common import attempt
from app.server.portal.web.state import AuthState, parse_uk_date


@ft.observable
@dataclass
class AuditState:
    auth: AuthState
    action: str = ""
    page: int = 0
    lines: list[AuditLine] = field(default_factory=list)
    total: int = 0
    actions: list[str] = field(default_factory=list)
    missing: str = ""
    problems: list[str] = field(default_factory=list)
    form: dict[str, str] = field(default_factory=dict)

    def load(self, form: dict[str, str] | None = None, *, page: int = 0) -> None:
        self.form = dict(form if form is not None else self.form)
        start, p1 = parse_uk_date(self.form.get("start", ""), "From")
        end, p2 = parse_uk_date(self.form.get("end", ""), "To")
        self.problems = [p for p in (p1, p2) if p]
        if self.problems:
            return
        flt = AuditFilter(
            self.form.get("user", ""), self.form.get("family", ""), self.action, start, end, max(0, page)
        )
        admin = Admin(self.auth.portal)
        got = attempt(self.auth, lambda t: admin.audit_log(t, flt))
        self.missing = got.missing
        if got.problem:
            self.problems = [got.problem]
            return
        if got.value is not None:
            (self.lines, self.total), self.page = got.value, flt.page
            self.actions = attempt(self.auth, admin.audit_actions).value or self.actions

    def set_action(self, action: str) -> None:
        self.action = "" if action == "all" else action

    @property
    def first(self) -> int:
        return self.page * PAGE_SIZE
