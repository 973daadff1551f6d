"""Every paragraph style of the leaflet, built once (high contrast, body text at least 12 pt)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle

from app.leaflet import fonts
from app.leaflet.geometry import BULLET_INDENT

INK = HexColor("#111111")  # body text: near black
HEADING_INK = HexColor("#0b2545")  # dark navy: prints as black in greyscale
BOX_FILL = HexColor("#eef1f5")  # very light: text on it keeps full contrast
BOX_RULE = HexColor("#0b2545")
RULE = HexColor("#0b2545")
MUTED = HexColor("#333333")
TICK_INK = HexColor("#0b2545")

BODY_SIZE = 12
MIN_BODY_SIZE = 12


@dataclass(frozen=True)
class LeafletStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    item_title: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    tick: ParagraphStyle
    box_heading: ParagraphStyle
    box_body: ParagraphStyle
    box_phone: ParagraphStyle
    link_label: ParagraphStyle
    link_url: ParagraphStyle
    footer_size: float
    footer_ink: Color


@cache
def leaflet_styles() -> LeafletStyles:
    """The leaflet's styles (built on first use, then shared by every render)."""
    fonts.register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=BODY_SIZE,
        leading=15.5,
        textColor=INK,
        spaceAfter=5,
    )
    bullet = ParagraphStyle(
        "bullet",
        parent=body,
        leftIndent=BULLET_INDENT,
        bulletIndent=1.5,
        spaceAfter=3,
        bulletFontName=fonts.BOLD,
        bulletFontSize=BODY_SIZE,
    )
    return LeafletStyles(
        title=ParagraphStyle(
            "title",
            fontName=fonts.BOLD,
            fontSize=25,
            leading=30,
            textColor=HEADING_INK,
            spaceAfter=3,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            parent=body,
            fontSize=13,
            leading=17,
            textColor=MUTED,
            spaceAfter=6,
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=fonts.BOLD,
            fontSize=17,
            leading=21,
            textColor=HEADING_INK,
            spaceBefore=9,
            spaceAfter=5,
        ),
        item_title=ParagraphStyle(
            "item_title",
            fontName=fonts.BOLD,
            fontSize=13.5,
            leading=17,
            textColor=INK,
            spaceBefore=6,
            spaceAfter=2,
        ),
        body=body,
        bullet=bullet,
        tick=ParagraphStyle("tick", parent=body, spaceAfter=4),
        box_heading=ParagraphStyle(
            "box_heading",
            fontName=fonts.BOLD,
            fontSize=13,
            leading=17,
            textColor=HEADING_INK,
            spaceAfter=4,
        ),
        box_body=ParagraphStyle("box_body", parent=body, fontSize=12.5, leading=16, spaceAfter=2),
        box_phone=ParagraphStyle(
            "box_phone",
            fontName=fonts.BOLD,
            fontSize=17,
            leading=21,
            textColor=INK,
        ),
        link_label=ParagraphStyle(
            "link_label",
            parent=body,
            fontName=fonts.BOLD,
            spaceAfter=1,
        ),
        link_url=ParagraphStyle("link_url", parent=body, fontSize=12, leading=14, spaceAfter=0),
        footer_size=10,
        footer_ink=MUTED,
    )
