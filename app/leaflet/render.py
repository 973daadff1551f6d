"""Render a `LeafletContent` to PDF bytes: the family's safer-sleep sheet."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.leaflet_content import LeafletContent
from app.leaflet.flowables import Rule, Ticked, boxed
from app.leaflet.geometry import (
    FRAME_PADDING,
    LINK_COLUMNS,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAPER_SIZES,
    QR_GAP,
    QR_SIZE,
    page_size,
)
from app.leaflet.page import long_date, numbered_canvas
from app.leaflet.qr import QrCode
from app.leaflet.styles import LeafletStyles, leaflet_styles

__all__ = ["PAPER_SIZES", "render"]

AUTHOR = "Safer Sleep Visits"
SUBJECT = "Safer sleep advice for your family, from your health visitor"


def _text(value: str) -> str:
    """Free text made safe for ReportLab paragraph markup."""
    return escape(value)


def _heading(text: str, s: LeafletStyles) -> list[Flowable]:
    return [Paragraph(text, s.heading), Rule()]


Block = list[Flowable]  # flowables kept on one page (never nest KeepTogether: it always splits)


def _section(heading: str, blocks: list[Block], s: LeafletStyles) -> list[Flowable]:
    """A heading kept on the same page as its first block; each block kept together."""
    if not blocks:
        return []
    first, *rest = blocks
    return [
        CondPageBreak(25 * mm),
        KeepTogether([*_heading(heading, s), *first]),
        *(KeepTogether(b) if len(b) > 1 else b[0] for b in rest),
    ]


# White on dark navy: stands out in colour and in black and white, and says it in words.
MOST_IMPORTANT = '<span backColor="#0b2545" color="white">&nbsp;Most important&nbsp;</span>'
NOTHING_TO_CHANGE = "Nothing we talked about today needs to change."


def _doing_well(content: LeafletContent, s: LeafletStyles) -> list[Block]:
    out: list[Block] = [
        [Ticked(Paragraph(f"<b>{_text(item.title)}.</b> {_text(item.text)}", s.tick))]
        for item in content.protective
    ]
    if out and _nothing_to_change(content):
        out.append([Ticked(Paragraph(f"<b>{NOTHING_TO_CHANGE}</b>", s.tick))])
    return out


def _nothing_to_change(content: LeafletContent) -> bool:
    return not content.factors and not content.bed_sharing


def _changes(content: LeafletContent, s: LeafletStyles) -> list[Block]:
    out: list[Block] = []
    for f in content.factors:
        label = f"{MOST_IMPORTANT} " if f.high else ""
        out.append([Paragraph(f"{label}{_text(f.title)}", s.item_title), Paragraph(_text(f.advice), s.body)])
    if content.bed_sharing:
        out.append(
            [
                Paragraph(_text(content.bed_sharing.title), s.item_title),
                Paragraph(_text(content.bed_sharing.text), s.body),
            ]
        )
    return out


def _key_messages(content: LeafletContent, s: LeafletStyles) -> list[Block]:
    return [[Paragraph(_text(m), s.bullet, bulletText="•")] for m in content.key_messages]


def _plan(content: LeafletContent, s: LeafletStyles) -> list[Block]:
    out: list[Block] = [[Paragraph(_text(line), s.bullet, bulletText="•")] for line in content.plan]
    if content.follow_up_date:
        out.append([Paragraph(f"<b>Next visit:</b> {long_date(content.follow_up_date)}", s.body)])
    return out


def _contact(content: LeafletContent, s: LeafletStyles, width: float) -> list[Flowable]:
    """One box: the health visitor on the left, the information line on the right."""
    visitor: list[Flowable] = [Paragraph("Speak to your health visitor", s.box_heading)]
    if content.practitioner_name:
        visitor.append(Paragraph(_text(content.practitioner_name), s.box_body))
    if content.practitioner_phone:
        visitor.append(Paragraph(f"Phone: <b>{_text(content.practitioner_phone)}</b>", s.box_body))
    visitor.append(Paragraph("Ask about anything on this sheet.", s.box_body))
    cells: list[list[Flowable]] = [visitor]
    if content.information_line:
        cells.append(
            [
                Paragraph("Questions about safer sleep?", s.box_heading),
                Paragraph(f"Call {_text(content.information_line_name)}:", s.box_body),
                Paragraph(f"<b>{_text(content.information_line)}</b>", s.box_phone),
            ]
        )
    return [CondPageBreak(40 * mm), boxed(cells, width)]


def url_lines(url: str, style: ParagraphStyle, width: float) -> str:
    """`url` as paragraph markup broken only after a "/" so each line fits `width`."""
    parts = [p + "/" for p in url.split("/")[:-1]] + [url.split("/")[-1]]
    lines: list[str] = []
    for part in filter(None, parts):
        joined = (lines[-1] + part) if lines else part
        if lines and stringWidth(joined, style.fontName, style.fontSize) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    return "<br/>".join(_text(line) for line in lines)


def _links(content: LeafletContent, s: LeafletStyles, width: float) -> list[Block]:
    """QR codes two to a row, each with its name and address beside it."""
    if not content.linked_pages:
        return []
    cell_width = width / LINK_COLUMNS
    text_width = cell_width - QR_SIZE - QR_GAP - QR_GAP
    cells: list[list[Flowable]] = []
    for page in content.linked_pages:
        shown = display_url(page.url)
        words: list[Flowable] = [
            Paragraph(_text(page.label), s.link_label),
            Paragraph(
                f'<a href="{_text(page.url)}">{url_lines(shown, s.link_url, text_width)}</a>', s.link_url
            ),
        ]
        cells += [[QrCode(page.url, QR_SIZE)], words]
    per_row = 2 * LINK_COLUMNS
    cells += [[]] * (-len(cells) % per_row)
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[QR_SIZE + QR_GAP, text_width + QR_GAP] * LINK_COLUMNS)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [[table]]


def display_url(url: str) -> str:
    """The address as a person would type it (no "https://")."""
    return url.removeprefix("https://").removeprefix("http://")


def _story(content: LeafletContent, s: LeafletStyles, width: float) -> list[Flowable]:
    name = _text(content.baby_words)
    story: list[Flowable] = [
        Paragraph(_text(content.title), s.title),
        Paragraph(f"From your health visitor, {long_date(content.generated_on)}", s.subtitle),
    ]
    story += _section("What you are already doing well", _doing_well(content, s), s)
    if not content.protective and _nothing_to_change(content):
        story.append(Paragraph(f"<b>{NOTHING_TO_CHANGE}</b>", s.body))
    story += _section(f"Things to change to keep {name} safer", _changes(content, s), s)
    story += _section("Safer sleep for every baby, every sleep", _key_messages(content, s), s)
    story += _section("Our plan together", _plan(content, s), s)
    story += [Spacer(1, 3 * mm), *_contact(content, s, width)]
    story += _section("Find out more", _links(content, s, width), s)
    return story


def render(content: LeafletContent, *, paper: str = "A4") -> bytes:
    """The leaflet as PDF bytes on A4 (default) or US letter paper."""
    page = page_size(paper)
    s = leaflet_styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=content.title,
        subject=SUBJECT,
        author=AUTHOR,
        creator=AUTHOR,
        keywords=["safer sleep", "family advice"],
        lang="en-GB",
    )
    width = doc.width - 2 * FRAME_PADDING
    with _binary_streams():
        doc.build(_story(content, s, width), canvasmaker=numbered_canvas(content, page))
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
