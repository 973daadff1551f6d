"""The team figures dashboard in Chromium at tablet and desktop sizes (screenshots looked at)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import save_answer, sign_visit, start_visit
from app.sync import sync_now
from tests.portal.portal_procs import ARTIFACTS, Staff, escalated_visit, see, sign_in
from tests.server.pg import database
from tests.store.writing import writing
from tests.sync.helpers import add_family
from tests.sync.procs import ServerProcess
from tests.ui.browser import TABLET, chromium, open_page, still_screenshot

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1440, "height": 900}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with database("sqlite", tmp_path_factory.mktemp("figdb")) as url:
        proc = ServerProcess(url, tmp_path_factory.mktemp("log") / "server.log").start()
        yield proc
        proc.stop()


def test_the_dashboard_shows_each_figure_with_words_at_tablet_and_desktop_size(
    server: ServerProcess, tmp_path: Path
):
    team = Staff.create(server.db_url, server.url, "figures")
    tablet = team.tablet(tmp_path / "tablet")
    escalated_visit(tablet, "Okafor")
    _, baby = add_family(tablet, "Nowak")
    with writing(tablet) as s:
        visit = start_visit(session=s, baby_id=baby, visit_date=dt.date.today(), visit_type="new_birth")
        for path, value in (("sleep.place", "cot"), ("sleep.seen", True), ("sleep.bed_sharing", "never")):
            save_answer(session=s, visit_id=visit.id, path=path, value=value)
        sign_visit(session=s, visit_id=visit.id, incomplete_reason="parent declined the other questions")
    sync_now(store=tablet)
    for size, viewport in (("tablet", TABLET), ("desktop", DESKTOP)):
        with chromium() as browser:
            page = open_page(browser, server.url, viewport)
            sign_in(page, team.emails["supervisor"])
            page.get_by_role("button", name="Figures").click()
            see(page, "2 signed visits from", timeout_ms=20_000)
            see(page, "Seen at 1 of 2 visits (50%)")
            see(page, "Bed-sharing asked about and recorded at 1 of 2 visits (50%)")
            see(page, "Sleeping on a sofa or armchair with your baby: 1 (50%)")
            see(page, "1 visit escalated")
            see(page, "Chart: Visits per month by risk level")
            still_screenshot(page, ARTIFACTS / f"figures-{size}.png", full_page=True)
