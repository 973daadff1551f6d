"""Render a `LeafletContent` to PDF bytes: the family's safer-sleep sheet."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.platypus import SimpleDocTemplate

from app.domain.leaflet_content import LeafletContent, Paper
from app.leaflet.geometry import PAPER_SIZES, layout_for
from app.leaflet.page import numbered_canvas
from app.leaflet.story import Story
from app.leaflet.styles import leaflet_styles

__all__ = ["PAPER_SIZES", "render"]

APP_NAME = "Safer Sleep Visits"
SUBJECT = "Safer sleep advice for your family, from your health visitor"
LANGUAGE = "en-GB"


def render(content: LeafletContent, *, paper: Paper | str = Paper.a4) -> bytes:
    """The leaflet as PDF bytes on A4 (default), US letter, or the narrow phone page.

    The PDF carries its title ("Safer sleep for <baby>"), language (en-GB) and the team as author,
    so a screen reader announces the sheet, not a file name; all text is real, selectable text.
    """
    layout = layout_for(paper)
    s = leaflet_styles(layout.paper)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=layout.page,
        leftMargin=layout.margin_left,
        rightMargin=layout.margin_right,
        topMargin=layout.margin_top,
        bottomMargin=layout.margin_bottom,
        title=content.title,
        subject=SUBJECT,
        author=content.contact.team_name or APP_NAME,
        creator=APP_NAME,
        keywords=["safer sleep", "family advice"],
        lang=LANGUAGE,
    )
    with _binary_streams():
        doc.build(Story(content, layout, s).build(), canvasmaker=numbered_canvas(content, layout))
    return out.getvalue()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write compressed streams as binary, not ASCII85 (a quarter smaller, and faster to make).

    ReportLab reads this switch from its global config while saving, so it is set only for the
    duration of one build; either value gives a valid PDF.
    """
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous
