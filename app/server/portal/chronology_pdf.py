"""A family's chronology as a PDF for a strategy meeting: `render(content) -> bytes` from plain data.

Geometry in millimetres and every style in one place (below), as the family leaflet does; the PDF
carries its title, subject, author (the team) and language, and all its text is real text.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from app.leaflet import fonts
from app.leaflet.numbering import Footer, footer_canvas
from app.leaflet.page import long_date
from app.server.portal.chronology import Entry
from app.server.portal.words import KIND_WORDS

APP_NAME = "Safer Sleep Visits"
LANGUAGE = "en-GB"
SUBJECT = "Family chronology for a strategy meeting (confidential)"

# Geometry (mm) ------------------------------------------------------------------------------
PAGE = A4
MARGIN_SIDE = 15 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 18 * mm
FOOTER_BASELINE = 9 * mm
FOOTER_RULE = 13 * mm
COLUMNS = (25 * mm, 29 * mm, 34 * mm)  # date, what, who; the details take the rest of the width
CELL_PADDING = 1.8 * mm
PATTERN_BAR = 1.6 * mm  # the thick left rule that marks a pattern row


# Styles (all of them) -------------------------------------------------------------------------
INK = HexColor("#111111")
HEADING_INK = HexColor("#0b2545")
MUTED = HexColor("#333333")
RULE = HexColor("#8a94a6")
HEADER_FILL = HexColor("#e3e8f0")
PATTERN_FILL = HexColor("#fbe9e7")  # light: the text on it keeps full contrast
PATTERN_INK = HexColor("#8c1d18")  # dark red: still dark on a greyscale printer


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    note: ParagraphStyle
    head: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    pattern: ParagraphStyle
    footer_size: float
    footer_ink: Color


@cache
def styles() -> Styles:
    """The chronology's styles (built once; body text 10 pt, a table meant to be read on paper)."""
    regular, bold = fonts.register_fonts()
    cell = ParagraphStyle("cell", fontName=regular, fontSize=10, leading=12.5, textColor=INK)
    return Styles(
        title=ParagraphStyle("title", fontName=bold, fontSize=18, leading=22, textColor=HEADING_INK),
        subtitle=ParagraphStyle("subtitle", parent=cell, fontSize=11, leading=14, textColor=MUTED),
        note=ParagraphStyle("note", parent=cell, fontSize=10, leading=13, textColor=MUTED, spaceBefore=2),
        head=ParagraphStyle("head", parent=cell, fontName=bold, textColor=HEADING_INK),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=bold),
        pattern=ParagraphStyle("pattern", parent=cell, fontName=bold, textColor=PATTERN_INK),
        footer_size=8.5,
        footer_ink=MUTED,
    )


# Content --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChronologyContent:
    """Everything the PDF shows: plain data, oldest entry first."""

    family: str
    team: str
    printed_by: str
    printed_on: dt.date
    entries: tuple[Entry, ...]


def render(content: ChronologyContent) -> bytes:
    """The chronology as PDF bytes (A4 portrait)."""
    s = styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"Family chronology: {content.family}",
        subject=SUBJECT,
        author=content.team or APP_NAME,
        creator=APP_NAME,
        keywords=["chronology", "strategy meeting", "confidential"],
        lang=LANGUAGE,
    )
    doc.build(_story(content, s, doc.width), canvasmaker=_numbered(content))
    return out.getvalue()


def _story(content: ChronologyContent, s: Styles, width: float) -> list[Flowable]:
    patterns = sum(1 for e in content.entries if e.kind == "pattern")
    return [
        Paragraph(_esc(f"Family chronology: {content.family}"), s.title),
        Paragraph(
            _esc(
                f"{content.team} · printed {long_date(content.printed_on)} by {content.printed_by} · "
                f"{len(content.entries)} entr{'y' if len(content.entries) == 1 else 'ies'}, "
                f"{patterns} pattern{'' if patterns == 1 else 's'}"
            ),
            s.subtitle,
        ),
        Paragraph(
            "Confidential: for the strategy meeting. Oldest first. Chronology patterns are marked "
            "PATTERN, shaded, with a thick rule on the left. This supports professional judgement; "
            "it is not a diagnosis.",
            s.note,
        ),
        Spacer(1, 4 * mm),
        _table(content.entries, s, width),
    ]


def _table(entries: tuple[Entry, ...], s: Styles, width: float) -> Flowable:
    head: list[Flowable] = [Paragraph(t, s.head) for t in ("Date", "What", "Who", "Details")]
    rows: list[list[Flowable]] = [head]
    marks: list[Any] = []
    for i, e in enumerate(entries, start=1):
        pattern = e.kind == "pattern"
        kind = KIND_WORDS.get(e.kind, e.kind)
        what = (kind.upper() if pattern else kind) + (f" ({e.baby})" if e.baby else "")
        details = _esc(e.summary) + (f"<br/>{_esc(e.text)}" if e.text else "")
        rows.append(
            [
                Paragraph(f"{e.date:%d/%m/%Y}" if e.date != dt.date.min else "date not recorded", s.cell),
                Paragraph(_esc(what), s.pattern if pattern else s.cell_bold),
                Paragraph(_esc(e.who or "—"), s.cell),
                Paragraph(details, s.pattern if pattern else s.cell),
            ]
        )
        if pattern:
            marks += [
                ("BACKGROUND", (0, i), (-1, i), PATTERN_FILL),
                ("LINEBEFORE", (0, i), (0, i), PATTERN_BAR, PATTERN_INK),
            ]
    if len(rows) == 1:
        rows.append([Paragraph("Nothing recorded yet.", s.cell), Spacer(1, 1), Spacer(1, 1), Spacer(1, 1)])
    table = Table(rows, colWidths=[*COLUMNS, width - sum(COLUMNS)], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                *marks,
            ]
        )
    )
    return table


def _esc(text: str) -> str:
    """Text for a ReportLab paragraph (its mini-markup needs &, < and > escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _numbered(content: ChronologyContent) -> type[Canvas]:
    """A canvas whose footer says "Confidential", the family and "Page X of Y" on each page."""
    s = styles()
    return footer_canvas(
        Footer(
            left=MARGIN_SIDE,
            right=PAGE[0] - MARGIN_SIDE,
            rule_y=FOOTER_RULE,
            baseline=FOOTER_BASELINE,
            text=f"Confidential · {content.family} · {APP_NAME}",
            size=s.footer_size,
            ink=s.footer_ink,
            rule_ink=RULE,
            rule_width=0.6,
        )
    )
