"""The family chronology as a PDF for a strategy meeting: every entry, patterns marked, audited."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.server.portal.chronology import Entry
from app.server.portal.chronology_pdf import ChronologyContent, render
from app.server.portal.queue import NotFound
from app.server.portal.service import Portal
from app.server.portal.supervision import ActionIn, SupervisionIn
from app.server.portal.words import KIND_WORDS
from tests.portal.helpers import ESCALATED, PASSWORD, PortalTeam, audit_events
from tests.server.helpers import op

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "portal"


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_printed_chronology_holds_every_entry_oldest_first_with_patterns_and_is_audited(
    team: PortalTeam, engine, client
):
    family, baby = team.family("Printed", "Ada")
    first = team.visit(family, baby, **ESCALATED)
    team.visit(family, baby, sleep={"place": "sofa"})
    fid = str(family)
    team.push(
        op(
            "note",
            {
                "family_id": fid,
                "text": "Phoned mum & dad",
                "author_name": "A. Visitor",
                "created": "2026-11-20T09:00:00Z",
            },
        ),
        op(
            "amendment",
            {
                "visit_id": str(first),
                "family_id": fid,
                "changes": {"sleep.room": {"from": "same_room", "to": "own_room"}},
                "reason": "Mum corrected the room",
                "author_name": "A. Visitor",
                "created": "2026-11-21T09:00:00.000000Z",
            },
        ),
        op(
            "leaflet",
            {
                "visit_id": str(first),
                "family_id": fid,
                "leaflet_hash": "sha256:" + "a" * 64,
                "paper": "A4",
                "created": "2026-11-20T10:05:00Z",
                "created_by_name": "A. Visitor",
            },
        ),
    )
    portal = Portal(team.engine)
    token = portal.sign_in(team.emails["supervisor"], PASSWORD)
    portal.queue(token)
    portal.record_supervision(
        token,
        first,
        SupervisionIn(
            date=dt.date.today(),
            discussion="Sofa sharing; domestic abuse disclosed",
            decision="Joint visit with social care",
            actions=[ActionIn("Book the joint visit", "A. Visitor", dt.date.today())],
        ),
    )
    _, shown = portal.chronology(token, family)
    pdf = portal.chronology_pdf(token, family)

    _pictures(pdf, "chronology-family")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and reader.metadata.title == "Family chronology: Printed family"
    assert "strategy meeting" in (reader.metadata.subject or "")
    assert reader.metadata.author == team.name
    assert b"/Lang (en-GB)" in pdf
    text = " ".join(_text(pdf).split())
    for needle in (
        "Family chronology: Printed family",
        "A. Visitor (device of Practitioner)",  # who recorded each visit
        "ESCALATE",
        "Amendment",
        "Reason: Mum corrected the room",
        "sleep.room: same room → own room",  # in words, not codes
        f"(A. Visitor, due {dt.date.today():%d/%m/%Y})",
        "Discussion: Sofa sharing; domestic abuse disclosed",
        "Family advice leaflet given (A4)",
        "Phoned mum & dad",
        "Discussed with Supervisor: Joint visit with social care",
        "Book the joint visit",
        "PATTERN (Ada)",
        "High risk at the last two visits",
        "printed",
        "by Supervisor",
        "Page 1 of",
    ):
        assert needle in text, needle
    assert {e.kind for e in shown} == set(KIND_WORDS)
    # oldest first, as on the screen: each entry's summary appears in the screen's order
    places = [text.find(" ".join(e.summary.split())[:40]) for e in shown]
    assert -1 not in places and places == sorted(places)
    printed = [e for e in audit_events(team.engine, "family.chronology_print") if e.family_id == family]
    assert len(printed) == 1 and printed[0].user_id == team.person("supervisor").user_id
    other = PortalTeam.create(engine, client)
    with pytest.raises(NotFound):
        portal.chronology_pdf(portal.sign_in(other.emails["supervisor"], PASSWORD), family)


def test_a_long_chronology_runs_over_pages_with_the_header_repeated_and_renders_to_images(tmp_path):
    entries = tuple(
        Entry(
            dt.date(2026, 1, 1) + dt.timedelta(days=7 * i),
            "pattern" if i % 9 == 8 else "visit",
            "Łucja Nowak" if i % 2 else "A. Visitor",
            "Şükrü",
            f"Entry {i}: new birth visit: high risk; factors: sofa sharing <with> baby",
            "A long discussion " * 12 if i % 5 == 0 else "",
        )
        for i in range(60)
    )
    pdf = render(
        ChronologyContent("O'Brien family", "North team", "Sam Supervisor", dt.date(2026, 12, 1), entries)
    )
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages >= 3
    for n, page in enumerate(reader.pages, start=1):
        words = page.extract_text() or ""
        assert "Details" in words and f"Page {n} of {pages}" in words  # header row repeats
    text = _text(pdf)
    assert "Entry 0:" in text and "Entry 59:" in text and "Łucja Nowak" in text and "<with>" in text
    _pictures(pdf, "chronology-long")


def _pictures(pdf: bytes, name: str) -> None:
    """Keep the PDF and its first two pages as PNGs under test-artifacts/portal (to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-l", "2", str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)],
        check=True,
    )
    assert (ARTIFACTS / f"{name}-1.png").stat().st_size > 10_000
