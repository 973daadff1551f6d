"""Links to PDFs: unguessable, short-lived, per session; a print link makes its PDF once, when opened."""

from __future__ import annotations

import pytest

from app.ui.pdf_links import PdfLinks


def test_pdf_links_are_unguessable_expire_and_die_with_the_session() -> None:
    links = PdfLinks(ttl=60)
    a = links.add(b"%PDF-a", session="s1")
    b = links.add(b"%PDF-b", session="s2")
    assert a != b and len(a) >= 40
    assert links.get(a) == (b"%PDF-a", "leaflet.pdf")
    links.forget_session("s1")
    assert links.get(a) is None and links.get(b) is not None
    expired = PdfLinks(ttl=-1)
    assert expired.get(expired.add(b"x", session="s")) is None


def test_a_print_link_makes_its_pdf_on_the_first_open_only_and_passes_on_what_making_raises() -> None:
    links = PdfLinks(ttl=60)
    made: list[str] = []

    def make() -> bytes:
        made.append("pdf")
        return b"%PDF-print"

    token = links.add_maker(make, session="s1", name="chronology.pdf")
    assert made == []  # nothing is made (or audited) until the link is opened
    assert links.get(token) == (b"%PDF-print", "chronology.pdf")
    assert links.get(token) == (b"%PDF-print", "chronology.pdf")
    assert made == ["pdf"]

    def ended() -> bytes:
        raise PermissionError("session ended")

    failing = links.add_maker(ended, session="s2", name="x.pdf")
    with pytest.raises(PermissionError):
        links.get(failing)
    links.forget_session("s1")
    assert links.get(token) is None
