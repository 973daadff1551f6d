"""A real `safesleep serve` (API + portal) with a team, people and a practitioner's device."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.server.admin import create_team
from app.server.db import make_engine
from app.server.portal.accounts import add_user, user_by_email
from app.server.portal.devices import enrolment_code_for
from app.store import Store, save_answer, sign_visit, start_visit
from app.sync import enrol_device
from tests.store.writing import writing
from tests.sync.helpers import add_family, new_store
from tests.ui.browser import (
    HOLDS_JS,
    PHONE,
    SCREENSHOTS_WANTED,
    TABLET,
    next_frames,
    still_screenshot,
    textbox,
)

PASSWORD = "a long enough password"
TYPE_TRIES = 3
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "portal"
DESKTOP = {"width": 1440, "height": 900}


@dataclass
class Staff:
    """A team on a running server: its people's emails and its practitioner's tablet."""

    db_url: str
    server_url: str
    name: str
    id: uuid.UUID
    emails: dict[str, str] = field(default_factory=dict)
    stores: list[Store] = field(default_factory=list)

    @classmethod
    def create(cls, db_url: str, server_url: str, label: str) -> Staff:
        name = f"{label}-{uuid.uuid4().hex[:6]}"
        engine = make_engine(db_url)
        with Session(engine) as s:
            team = create_team(session=s, name=name)
            s.flush()
            staff = cls(db_url, server_url, name, team.id)
            for role, person in (
                ("practitioner", "Priya Visitor"),
                ("supervisor", "Sam Supervisor"),
                ("admin", "Alex Admin"),
            ):
                email = f"{role}@{name}.example.org"
                add_user(session=s, email=email, team_id=team.id, role=role, password=PASSWORD, name=person)
                staff.emails[role] = email
            s.commit()
        engine.dispose()
        return staff

    def tablet(self, folder: Path) -> Store:
        """The practitioner's device, enrolled to them."""
        engine = make_engine(self.db_url)
        with Session(engine) as s:
            code, _ = enrolment_code_for(
                session=s, user=user_by_email(session=s, email=self.emails["practitioner"])
            )
            s.commit()
        engine.dispose()
        store = new_store(folder, name="Priya Visitor")
        enrol_device(store=store, server_url=self.server_url, code=code, device_name="Priya's tablet")
        self.stores.append(store)
        return store


def escalated_visit(store: Store, surname: str = "Okafor") -> tuple[uuid.UUID, uuid.UUID]:
    """A family whose signed visit is high risk (sofa) with domestic abuse: it escalates."""
    family_id, baby_id = add_family(store, surname)
    with writing(store) as s:
        visit = start_visit(session=s, baby_id=baby_id, visit_date=dt.date.today(), visit_type="new_birth")
        for path, value in (("sleep.place", "sofa"), ("family.domestic_abuse", True)):
            save_answer(session=s, visit_id=visit.id, path=path, value=value)
        sign_visit(session=s, visit_id=visit.id, incomplete_reason="parent declined the other questions")
    return family_id, visit.id


def sign_in(page: Any, email: str, password: str = PASSWORD, *, expect: str = "Sign out") -> None:
    """Type the email (unless empty) and password, press Sign in, wait until `expect` shows."""
    page.get_by_role("textbox", name="Email").wait_for()
    if email:
        type_field(page, "Email", email)
    type_field(page, "Password", password)
    page.get_by_role("button", name="Sign in").click()
    see(page, expect)  # a failure leaves a screenshot in test-artifacts/failures/ (tests/ui/browser.py)


# Flutter web types into the field's own semantics input or into a separate editing input it focuses
EDITING_JS = """el => { const a = document.activeElement;
    return a === el || el.contains(a) || (!!a && a.classList.contains('flt-text-editing')); }"""


def type_field(page: Any, name: str, text: str, *, clear: bool = True) -> None:
    """Tap a text field by its label and type `text`, as a person would, until the field holds it.

    On a loaded machine Flutter may move the keyboard focus a frame late, so the first keys can go
    nowhere: wait for the focus, type, and check what the field holds; a lost key means clear and
    type again (up to TYPE_TRIES times), and in the end the field must hold exactly `text`.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.bring_to_front()  # only the front page of the browser gets key events
    box = textbox(page, name)
    for attempt in range(TYPE_TRIES):
        box.click()
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(EDITING_JS, arg=box.element_handle(), timeout=3_000)
        next_frames(page)
        if clear or attempt:
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
        page.keyboard.type(text, delay=15)
        try:
            page.wait_for_function(HOLDS_JS, arg=[box.element_handle(), text], timeout=3_000)
            next_frames(page, 8)  # Flutter may still write its own (older) editing state back
            if page.evaluate(HOLDS_JS, [box.element_handle(), text]):
                return
        except PlaywrightTimeout:
            pass
        if not clear:
            break  # appended text cannot be checked as the whole value
    if clear:
        raise AssertionError(f"the field {name!r} does not hold {text!r} after {TYPE_TRIES} tries")


def field_holds(page: Any, name: str, text: str) -> None:
    """The field shows `text` (Flutter fills its editing input once it has the focus); waits for it."""
    box = textbox(page, name)
    box.click()
    page.wait_for_function(HOLDS_JS, arg=[box.element_handle(), text], timeout=15_000)


def see(page: Any, text: str, *, timeout_ms: int = 60_000) -> None:
    """Wait until the accessibility tree shows `text` (as text or as a node's label)."""
    page.wait_for_function(
        """t => Array.from(document.querySelectorAll('flt-semantics, flt-semantics *')).some(
               e => (e.getAttribute('aria-label') || '').includes(t)
                    || Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.includes(t))
                    || (e.children.length === 0 && (e.textContent || '').includes(t)))""",
        arg=text,
        timeout=timeout_ms,
    )


def shows(page: Any, text: str) -> bool:
    """Whether the accessibility tree shows `text` now."""
    return bool(
        page.evaluate(
            """t => Array.from(document.querySelectorAll('flt-semantics, flt-semantics *')).some(
                   e => (e.getAttribute('aria-label') || '').includes(t)
                        || (e.textContent || '').includes(t))""",
            text,
        )
    )


def shots(page: Any, name: str, desktop: dict[str, int] | None = None) -> None:
    """The screen at phone, tablet and desktop widths (test-artifacts/portal/<name>-<size>.png)."""
    sizes = {"phone": PHONE, "tablet": TABLET, "desktop": desktop or DESKTOP}
    if not SCREENSHOTS_WANTED:
        page.set_viewport_size(sizes["desktop"])  # where the shots leave the page
        return
    for size, viewport in sizes.items():
        page.set_viewport_size(viewport)
        next_frames(page, 30)  # let a page transition finish before the still-screen check
        still_screenshot(page, ARTIFACTS / f"{name}-{size}.png")
