"""Per-browser-session state of the portal: who is signed in, and the review queue screens."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import flet as ft

from app.server.portal.accounts import NotSignedIn, Person, SignInRefused
from app.server.portal.queue import NotAllowed, NotFound, QueueFilter, QueueItem
from app.server.portal.service import Portal
from app.server.portal.supervision import ActionIn, SupervisionIn, SupervisionProblems
from app.server.portal.tables import Supervision, SupervisionAction

T = TypeVar("T")
ENDED = "Your session has ended (15 minutes without use, or signed out elsewhere). Sign in again."


def parse_uk_date(text: str, field_name: str, *, required: bool = False) -> tuple[dt.date | None, str]:
    """(date, "") or (None, problem) for a dd/mm/yyyy entry."""
    text = text.strip()
    if not text:
        return None, f"{field_name}: required (dd/mm/yyyy)" if required else ""
    try:
        return dt.datetime.strptime(text, "%d/%m/%Y").date(), ""
    except ValueError:
        return None, f"{field_name}: {text!r} is not a date; write it as dd/mm/yyyy, e.g. 05/12/2026"


@ft.observable
@dataclass
class AuthState:
    """Signed out until a password is accepted; every service call goes through `call`."""

    portal: Portal
    token: str = ""
    person: Person | None = None
    error: str = ""
    notice: str = ""

    def sign_in(self, email: str, password: str) -> None:
        problems = [
            p
            for p, bad in (("Email: required", not email.strip()), ("Password: required", not password))
            if bad
        ]
        if problems:
            self.error = "; ".join(problems)
            return
        try:
            token = self.portal.sign_in(email, password)
        except SignInRefused as refused:
            self.error = refused.message
            return
        self.token, self.person = token, self.portal.person(token)
        self.error, self.notice = "", ""

    def sign_out(self) -> None:
        if self.token:
            self.portal.sign_out(self.token)
        self.token, self.person, self.notice = "", None, "You have signed out."

    def ended(self) -> None:
        self.token, self.person, self.notice = "", None, ENDED

    def call(self, work: Callable[[str], T]) -> T | None:
        """Run a service call with this session's token; an ended session signs the screen out."""
        try:
            return work(self.token)
        except NotSignedIn:
            self.ended()
            return None

    def still_signed_in(self) -> bool:
        """For the idle watcher: checks without restarting the idle clock."""
        if not self.token:
            return False
        try:
            self.portal.check(self.token)
        except NotSignedIn:
            self.ended()
            return False
        return True


@ft.observable
@dataclass
class QueueState:
    auth: AuthState
    state: str = ""
    practitioner: str = ""
    reason: str = ""
    page: int = 0
    items: list[QueueItem] = field(default_factory=list)
    total: int = 0
    practitioners: list[str] = field(default_factory=list)
    error: str = ""

    def load(self) -> None:
        flt = QueueFilter(self.state or None, self.practitioner or None, self.reason or None, self.page)
        try:
            got = self.auth.call(lambda t: self.auth.portal.queue(t, flt))
            names = self.auth.call(self.auth.portal.practitioners)
        except NotAllowed as exc:
            self.error = str(exc)
            return
        if got is not None:
            self.items, self.total = got
            self.practitioners = names or []
            self.error = ""

    def set_filter(self, name: str, value: str) -> None:
        setattr(self, name, "" if value == "all" else value)
        self.page = 0
        self.load()

    def turn(self, delta: int) -> None:
        self.page = max(0, self.page + delta)
        self.load()


@dataclass
class ActionDraft:
    text: str = ""
    owner: str = ""
    due: str = ""


@ft.observable
@dataclass
class ItemState:
    """One queue item: its history and the supervision form."""

    auth: AuthState
    visit_id: uuid.UUID | None = None
    item: QueueItem | None = None
    history: list[tuple[Supervision, list[SupervisionAction]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    saved: str = ""
    missing: str = ""
    actions: list[ActionDraft] = field(default_factory=lambda: [ActionDraft()])

    def open(self, visit_id: str) -> None:
        self.saved, self.problems = "", []
        try:
            self.visit_id = uuid.UUID(visit_id)
            self.item = self.auth.call(lambda t: self.auth.portal.queue_item(t, self.visit_id))  # type: ignore[arg-type]
            self.history = self.auth.call(lambda t: self.auth.portal.supervisions(t, self.visit_id)) or []  # type: ignore[arg-type]
            self.missing = ""
        except (ValueError, NotFound, NotAllowed) as exc:
            self.item, self.history = None, []
            self.missing = (
                str(exc) if isinstance(exc, NotAllowed) else "Not found: no such item in your team."
            )

    def action_done(self, action_id: uuid.UUID) -> None:
        """Mark one action done; the item (and its overdue mark) is read again."""
        try:
            self.auth.call(lambda t: self.auth.portal.mark_action_done(t, action_id))
        except (NotFound, NotAllowed) as exc:
            self.problems = [str(exc)]
            return
        if self.visit_id is not None:
            self.open(str(self.visit_id))
            self.saved = "Action marked done."

    def add_action(self) -> None:
        self.actions = [*self.actions, ActionDraft()]

    def save(self, form: dict[str, Any], *, close: bool) -> None:
        if self.visit_id is None:
            return
        self.saved = ""  # a failed save must not look like the last good one (the form keeps its text)
        problems: list[str] = []
        day, p = parse_uk_date(str(form.get("date", "")), "Date", required=True)
        problems += [p] if p else []
        nxt, p = parse_uk_date(str(form.get("next_review", "")), "Next review")
        problems += [p] if p else []
        actions = []
        for i in range(1, len(self.actions) + 1):
            text, owner = str(form.get(f"a{i}_text", "")), str(form.get(f"a{i}_owner", ""))
            due, p = parse_uk_date(str(form.get(f"a{i}_due", "")), f"Due date of action {i}")
            problems += [p] if p else []
            if text.strip() or owner.strip() or due:
                actions.append(ActionIn(text, owner, due))
        record = SupervisionIn(
            date=day,
            discussion=str(form.get("discussion", "")),
            decision=str(form.get("decision", "")),
            actions=actions,
            next_review=nxt,
            close=close,
        )
        if problems:
            self.problems = problems
            return
        try:
            done = self.auth.call(lambda t: self.auth.portal.record_supervision(t, self.visit_id, record))  # type: ignore[arg-type]
        except SupervisionProblems as exc:
            self.problems = exc.problems
            return
        if done is not None:
            self.actions = [ActionDraft()]
            self.open(str(self.visit_id))
            self.saved = "Closed." if close else "Supervision recorded: the item is now discussed."
