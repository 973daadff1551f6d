"""End to end in real headless Chromium: set up, find a family, record a high-risk visit, sign.

The app runs as its own process (`python -m app run --demo`) on a free port with a temporary
SAFESLEEP_HOME. Screenshots of every screen land in test-artifacts/screenshots/.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from app.services import caseload, session
from tests.ui.browser import (
    PHONE,
    PORTRAIT,
    TABLET,
    back,
    choose,
    chromium,
    next_step,
    open_page,
    running_app,
    shot,
    tap,
    textbox,
    type_into,
)

pytestmark = pytest.mark.e2e
PASSPHRASE = "doorstep passphrase 7"


def set_up(page: Any, size: str) -> None:
    textbox(page, "Practitioner name").wait_for()
    shot(page, "01-setup", size)
    type_into(page, "Practitioner name", "Ann Visitor")
    type_into(page, "Team", "Riverside")
    type_into(page, "Passphrase", PASSPHRASE)
    type_into(page, "Repeat passphrase", PASSPHRASE)
    tap(page.get_by_role("button", name="Create and unlock"))
    page.get_by_text(re.compile("^Creating your encrypted store")).wait_for()
    shot(page, "01-setup-busy", size)
    textbox(page, "Search caseload").wait_for(timeout=90_000)  # the demo caseload loads first


def find_family(page: Any, size: str) -> None:
    page.get_by_text(re.compile("families")).first.wait_for()
    shot(page, "02-caseload", size)
    type_into(page, "Search caseload", "Okaf")
    page.get_by_role("button", name="Open Okafor family").wait_for()
    shot(page, "03-caseload-search", size)
    tap(page.get_by_role("button", name="Open Okafor family"))
    page.get_by_role("heading", name="Chronology").wait_for()
    shot(page, "04-family", size)


def record_high_risk_visit(page: Any, size: str) -> None:
    tap(page.get_by_role("button", name=re.compile("^(Start|Continue) visit for ")).first)
    page.get_by_role("heading", name="The visit", exact=True).wait_for()
    choose(page, "visit.baby_seen", "Yes")
    next_step(page, "Baby")
    type_into(page, "Gestation: weeks", "34", clear=True)
    type_into(page, "Birth weight", "9", clear=True)
    page.keyboard.press("Tab")  # leaving the field says plainly that the answer is not saved
    page.get_by_text("This answer is not saved yet: must be between 0.3 and 7.0 kg").wait_for()
    shot(page, "05-step-baby-error", size)
    type_into(page, "Birth weight", "2.1", clear=True)
    page.keyboard.press("Tab")
    page.get_by_text("This answer is not saved yet", exact=False).wait_for(state="detached")
    shot(page, "05-step-baby", size)

    next_step(page, "Where baby sleeps")
    choose(page, "sleep.place", "Cot")
    choose(page, "sleep.room", "Parents' room")
    choose(page, "sleep.seen", "No")
    page.get_by_text("Ask to see where baby sleeps", exact=False).first.wait_for()
    shot(page, "06-step-where", size)

    next_step(page, "The sleep space")
    choose(page, "sleep.position", "On the back")
    shot(page, "07-step-space", size)

    next_step(page, "Sharing sleep")
    choose(page, "sleep.bed_sharing", "Never")
    choose(page, "sleep.shared_surfaces", "Sofa", role="checkbox")
    shot(page, "08-step-sharing", size)

    next_step(page, "The carers")
    choose(page, "carers.alcohol", "Yes")
    choose(page, "carers.smoker_in_household", "No")
    shot(page, "09-step-carers", size)

    next_step(page, "Feeding and dummy")
    choose(page, "feeding.breastfed", "Yes")
    shot(page, "10-step-feeding", size)

    next_step(page, "Family context")
    choose(page, "family.domestic_abuse", "Yes")
    shot(page, "11-step-family", size)

    next_step(page, "The plan")
    next_step(page, "Notes")
    type_into(page, "Agreed actions", "Baby sleeps in the cot for every sleep")
    type_into(page, "Follow-up date", "15/01/2027")
    page.keyboard.press("Tab")
    shot(page, "12-step-notes", size)
    tap(page.get_by_role("button", name="Review", exact=True))


def check_review(page: Any, size: str) -> None:
    risk = page.locator('flt-semantics[flt-semantics-identifier="risk-level"]')
    risk.wait_for()
    assert "High risk" in (risk.get_attribute("aria-label") or risk.inner_text())
    page.get_by_text(re.compile("^Escalate: ")).wait_for()
    shot(page, "13-review", size)


def open_leaflet(page: Any, app_url: str, size: str, *, download: bool) -> None:
    tap(page.get_by_role("button", name="Leaflet", exact=True))
    page.get_by_role("button", name="Open leaflet (PDF)").wait_for()
    shot(page, "14-leaflet", size)
    if size == "phone":  # a family sent the sheet reads it on a phone: the narrow page
        tap(page.get_by_role("radio", name="Phone screen (to send)"))
        page.get_by_text(re.compile(r"KB PDF · Phone screen")).wait_for()
        shot(page, "14-leaflet-phone-paper", size)
    with page.context.expect_page() as popup:
        tap(page.get_by_role("button", name="Open leaflet (PDF)"))
    tab = popup.value
    tab.wait_for_load_state()
    assert re.search(r"/leaflets/[\w-]{40,}\.pdf$", tab.url)
    fetched = httpx.get(tab.url, timeout=10)  # the same link, fetched again
    assert fetched.status_code == 200 and fetched.content.startswith(b"%PDF")
    assert fetched.headers["cache-control"] == "no-store"
    assert fetched.headers["content-disposition"].startswith("inline")
    pages = PdfReader(io.BytesIO(fetched.content)).pages
    width_mm = float(pages[0].mediabox.width) * 25.4 / 72
    assert (width_mm <= 110) == (size == "phone"), width_mm
    words = " ".join(p.extract_text() for p in pages)
    assert "sofa" in words.lower()  # the family's own advice is printed...
    assert "domestic" not in words.lower()  # ...the private family context never is
    tab.close()
    if download:
        with page.expect_download() as dl:
            tap(page.get_by_role("button", name="Download leaflet"))
        assert dl.value.suggested_filename.endswith(".pdf")
    tap(page.get_by_role("button", name="Record leaflet given"))
    page.get_by_text("Leaflet given: recorded on the visit.").wait_for()
    assert httpx.get(f"{app_url}/leaflets/not-a-token.pdf").status_code == 404


def sign(page: Any, size: str) -> None:
    tap(page.get_by_role("button", name="Back to review"))
    tap(page.get_by_role("button", name="Sign", exact=True))
    tap(page.get_by_role("checkbox", name="I have checked this record and it is accurate"))
    if textbox(page, "Reason core questions were not asked").count():
        type_into(page, "Reason core questions were not asked", "Ran out of time; next visit")
    shot(page, "15-sign", size)
    tap(page.get_by_role("button", name="Sign visit"))
    page.get_by_text(re.compile("this visit is read-only")).first.wait_for()
    shot(page, "16-signed", size)


def settings_screen(page: Any, size: str) -> None:
    tap(page.get_by_role("button", name="Back to caseload"))
    tap(page.get_by_role("button", name="Settings"))
    page.get_by_text(re.compile("^Guidance version")).wait_for()
    shot(page, "17-settings", size)
    if size == "tablet":  # portrait tablet: the same screens reflow at 800x1280
        page.set_viewport_size(PORTRAIT)
        back(page)
        textbox(page, "Search caseload").wait_for()
        shot(page, "02-caseload", "portrait")


def check_store(home: Path) -> None:
    """The signed visit, as the app left it on disk (read with the same passphrase)."""
    store = session.unlock(home=home, passphrase=PASSPHRASE)
    try:
        row = caseload.search(store=store, query="Okafor")[0]
        assert row.risk_level == "high" and row.draft_visit_id is None
    finally:
        store.close()


@pytest.mark.parametrize(("size", "viewport"), [("tablet", TABLET), ("phone", PHONE)])
def test_a_high_risk_visit_from_caseload_to_signature(
    tmp_path: Path, size: str, viewport: dict[str, int]
) -> None:
    home = tmp_path / "device"
    with running_app(home, demo=True) as app, chromium() as browser:
        page = open_page(browser, app.url, viewport)
        set_up(page, size)
        find_family(page, size)
        record_high_risk_visit(page, size)
        check_review(page, size)
        open_leaflet(page, app.url, size, download=size == "tablet")
        sign(page, size)
        settings_screen(page, size)
        assert page.outside_requests == []  # offline: nothing left the machine
    check_store(home)


def test_a_wrong_passphrase_is_said_next_to_the_field(tmp_path: Path) -> None:
    home = tmp_path / "device"
    session.create(home=home, passphrase=PASSPHRASE, practitioner="Ann", team="Riverside", demo=False).close()
    with running_app(home, demo=False) as app, chromium() as browser:
        page = open_page(browser, app.url, PHONE)
        type_into(page, "Passphrase", "not my passphrase")
        tap(page.get_by_role("button", name="Unlock"))
        page.get_by_text("Wrong passphrase: the store could not be unlocked").wait_for()
        shot(page, "00-unlock-wrong", "phone")
