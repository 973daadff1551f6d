"""Browser steps of the admin end-to-end tests: open an admin screen, type, press a row's button."""

from __future__ import annotations

from typing import Any

from tests.portal.portal_procs import see
from tests.ui.browser import enable_semantics, tap, type_into


def open_admin(page: Any, server_url: str, path: str, heading: str) -> None:
    """Load an admin address directly (as a bookmark would) and wait for its heading."""
    page.goto(f"{server_url}{path}")
    page.wait_for_selector("#loading", state="detached")
    enable_semantics(page)
    page.get_by_role("heading", name=heading, exact=True).wait_for()


def fill(page: Any, name: str, text: str) -> None:
    """Type into a field once it holds the focus (never a fixed wait)."""
    page.bring_to_front()
    type_into(page, name, text, clear=True)


def row_button(page: Any, ident: str, name: str) -> Any:
    """A button inside the row grouped under `ident` (see admin.common.row_actions)."""
    return page.locator(f'flt-semantics[flt-semantics-identifier="{ident}"]').get_by_role(
        "button", name=name, exact=True
    )


def gone(page: Any, text: str) -> None:
    """Wait until the accessibility tree no longer shows `text`."""
    page.wait_for_function(
        """t => !Array.from(document.querySelectorAll('flt-semantics, flt-semantics *')).some(
               e => (e.getAttribute('aria-label') || '').includes(t)
                    || (e.children.length === 0 && (e.textContent || '').includes(t)))""",
        arg=text,
    )


def press(page: Any, name: str, *, then: str) -> None:
    """Press a button by its name and wait until `then` shows."""
    tap(page.get_by_role("button", name=name, exact=True))
    see(page, then)  # a failure leaves a screenshot in test-artifacts/failures/ (tests/ui/browser.py)


DESKTOP = {"width": 1440, "height": 900}
TABLET = {"width": 1024, "height": 768}


def shots(page: Any, name: str, *, scroll: int = 0) -> None:
    """Still screenshots of the screen at desktop (1440x900) and tablet (1024x768) width
    (`scroll`: pixels scrolled down first, to show what lies below the first screenful)."""
    from tests.portal.portal_procs import ARTIFACTS
    from tests.ui.browser import SCREENSHOTS_WANTED, still_screenshot

    if not SCREENSHOTS_WANTED:
        page.set_viewport_size(DESKTOP)  # where the shots leave the page
        return
    for size, viewport in (("tablet", TABLET), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        if scroll:
            page.mouse.move(viewport["width"] // 2, viewport["height"] // 2)
            page.mouse.wheel(0, scroll)
        still_screenshot(page, ARTIFACTS / f"admin-{name}-{size}.png")


def enrolled_device(db_url: str, server_url: str, practitioner_email: str) -> dict[str, str]:
    """Enrol a device to this practitioner over HTTP, as a tablet would; its auth headers."""
    import httpx
    from sqlalchemy.orm import Session

    from app.server.db import make_engine
    from app.server.portal.accounts import user_by_email
    from app.server.portal.devices import enrolment_code_for

    engine = make_engine(db_url)
    with Session(engine) as s:
        code, _ = enrolment_code_for(session=s, user=user_by_email(session=s, email=practitioner_email))
        s.commit()
    engine.dispose()
    got = httpx.post(f"{server_url}/enrol", json={"code": code, "device_name": "Priya's tablet"})
    got.raise_for_status()
    return {"Authorization": f"Bearer {got.json()['token']}"}


def address_conflict(server_url: str, headers: dict[str, str], surname: str) -> None:
    """A family whose address was changed on the server and, from the older version, on the tablet."""
    import uuid

    import httpx

    from tests.server.helpers import batch, family, op

    fid = uuid.uuid4()
    base = family(name=f"{surname} family", surname=surname, address="1 Road")
    for body, want in (
        (op("family", base, id=fid), "applied"),
        (op("family", {**base, "address": "2 Lane"}, id=fid, base_version=1), "applied"),
        (op("family", {**base, "address": "3 Close"}, id=fid, base_version=1), "conflict"),
    ):
        got = httpx.post(f"{server_url}/sync/push", headers=headers, json=batch(body))
        assert got.json()["results"][0]["status"] == want, got.text
