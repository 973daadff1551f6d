"""The base's record screens in a real browser: find a family by name, read its chronology with the
pattern marked, print it as a PDF (audited with the person); at phone, tablet and desktop widths."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader

from app.server.db import make_engine
from app.sync import sync_now
from tests.portal.helpers import audit_events
from tests.portal.portal_procs import Staff, see, shots, sign_in, type_field
from tests.server.pg import database
from tests.sync.helpers import add_family, signed_visit
from tests.sync.procs import ServerProcess
from tests.ui.browser import chromium, open_page

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1440, "height": 900}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with database("sqlite", tmp_path_factory.mktemp("e2edb")) as url:
        proc = ServerProcess(url, tmp_path_factory.mktemp("log") / "server.log").start()
        yield proc
        proc.stop()


def test_a_supervisor_finds_obrien_reads_the_chronology_and_prints_it(server: ServerProcess, tmp_path: Path):
    north = Staff.create(server.db_url, server.url, "north")
    tablet = north.tablet(tmp_path / "tablet")
    family_id, baby_id = add_family(tablet, "O'Brien")
    signed_visit(tablet, baby_id, place="sofa", day=dt.date.today() - dt.timedelta(days=14))
    signed_visit(tablet, baby_id, place="sofa", day=dt.date.today())
    assert sync_now(store=tablet).pushed >= 4
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, north.emails["supervisor"])
        page.get_by_role("button", name="Families").click()
        page.get_by_role("heading", name="Families").wait_for()
        type_field(page, "Search", "x")
        page.get_by_role("button", name="Search").click()
        see(page, "Search: type at least 2 letters")
        type_field(page, "Search", "OBrien")
        page.get_by_role("button", name="Search").click()
        see(page, "1 family found by name")
        see(page, "Babies: Sam · Postcode SO14 7DU")
        shots(page, "families")
        page.get_by_role("button", name="Open O'Brien family chronology").click()
        page.get_by_role("heading", name="Family chronology: O'Brien family").wait_for()
        see(page, "PATTERN: High risk at the last two visits")
        see(page, "Priya Visitor")
        shots(page, "family")
        with page.context.expect_page() as opened:
            page.get_by_role("button", name="Print chronology (PDF)").click()
        tab = opened.value
        tab.wait_for_load_state()
        assert re.search(r"/portal/print/[\w-]{40,}\.pdf$", tab.url), tab.url
        got = httpx.get(tab.url)
        assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
        assert got.headers["cache-control"] == "no-store"
        text = " ".join(
            " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(got.content)).pages).split()
        )
        assert "Family chronology: O'Brien family" in text
        assert "PATTERN (Sam)" in text and "High risk at the last two visits" in text
        assert text.count("Priya Visitor") >= 2 and "printed" in text and "by Sam Supervisor" in text
        tab.close()
        page.get_by_role("button", name="Back").click()  # Back returns to the search, results kept
        page.get_by_role("button", name="Open O'Brien family chronology").wait_for()
    engine = make_engine(server.db_url)
    rows = [
        (e.action, e.user_id) for e in audit_events(engine, "family.chronology") if e.family_id == family_id
    ]
    engine.dispose()
    assert [a for a, _ in rows].count("family.chronology_print") == 1  # the PDF was fetched twice
    assert "family.chronology_view" in [a for a, _ in rows] and all(u for _, u in rows)
    assert httpx.get(f"{server.url}/portal/print/not-a-token.pdf").status_code == 404


def test_base_prints_todays_new_birth_leaflets_as_one_pdf_and_the_tablet_gets_each_record(
    server: ServerProcess, tmp_path: Path
):
    from app.store import family_chronology

    south = Staff.create(server.db_url, server.url, "south")
    tablet = south.tablet(tmp_path / "tablet")
    families = []
    for surname in ("Okafor", "Nowak"):
        family_id, baby_id = add_family(tablet, surname)
        signed_visit(tablet, baby_id, place="cot", day=dt.date.today())
        families.append(family_id)
    assert sync_now(store=tablet).pushed >= 6
    with chromium() as browser:
        page = open_page(browser, server.url, DESKTOP)
        sign_in(page, south.emails["supervisor"])
        page.get_by_role("button", name="Print leaflets").click()
        page.get_by_role("heading", name="Print leaflets").wait_for()
        see(page, "2 signed visits · 0 chosen")
        shots(page, "print")
        page.get_by_role(
            "checkbox", name=re.compile(r"^Sam — Okafor family · .* · New birth · Priya Visitor")
        ).click()
        see(page, "2 signed visits · 1 chosen")
        page.get_by_role("button", name="Choose all").click()
        page.get_by_role("button", name="Print 2 leaflets (one PDF)").click()
        see(page, "2 leaflets ready: one PDF of")
        shots(page, "print-done")
        with page.context.expect_page() as opened:
            page.get_by_role("button", name="Open leaflets PDF").click()
        tab = opened.value
        tab.wait_for_load_state()
        assert re.search(r"/portal/files/[\w-]{40,}\.pdf$", tab.url), tab.url
        got = httpx.get(tab.url)
        reader = PdfReader(io.BytesIO(got.content))
        pages = len(reader.pages)
        assert pages >= 2 and reader.metadata is not None
        assert reader.metadata.title == "Safer sleep leaflets (2)"
        see(page, f"2 leaflets ready: one PDF of {pages} pages")
        first = reader.pages[0].extract_text() or ""
        assert "Sam" in first
        see(page, "1 leaflet already")  # the list now shows each visit's leaflet
    assert sync_now(store=tablet).pulled >= 2
    with tablet.session() as s:
        for family_id in families:
            given = [e for e in family_chronology(session=s, family_id=family_id) if e.kind == "leaflet"]
            assert len(given) == 1, given
