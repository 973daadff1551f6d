"""Every style of the leaflet, in one place: colours, type sizes per paper (body text at least 12 pt)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from app.domain.leaflet_content import Paper
from app.leaflet import fonts
from app.leaflet.geometry import BULLET_INDENT

INK = HexColor("#111111")  # body text: near black
HEADING_INK = HexColor("#0b2545")  # dark navy: prints as black in greyscale
BOX_FILL = HexColor("#eef1f5")  # very light: text on it keeps full contrast
BOX_RULE = HexColor("#0b2545")
RULE = HexColor("#0b2545")
MUTED = HexColor("#333333")
TICK_INK = HexColor("#0b2545")
PICTURE_INK = HexColor("#0b2545")  # pictogram outlines
NO_INK = HexColor("#9b1c1c")  # the "never" ring: dark red, still dark on a greyscale printer
BADGE_INK = "#0b2545"  # the "Most important" label's background (white text on it)

MIN_BODY_SIZE = 12


@dataclass(frozen=True)
class LeafletStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    item_title: ParagraphStyle
    headline: ParagraphStyle  # the one sentence of a "most important" item
    body: ParagraphStyle
    bullet: ParagraphStyle
    tick: ParagraphStyle
    picture_label: ParagraphStyle  # centred under a picture (printed sheets)
    picture_label_beside: ParagraphStyle  # to the right of a picture (phone)
    box_heading: ParagraphStyle
    box_body: ParagraphStyle
    box_phone: ParagraphStyle
    link_label: ParagraphStyle
    link_url: ParagraphStyle
    footer_size: float
    footer_ink: Color


# Type sizes (points): printed sheets, and the phone page (about 100 mm wide, shown at full
# screen width: 12 pt there is about 16 CSS pixels, so the phone gets a size up everywhere).
SIZES: dict[Paper, dict[str, float]] = {
    Paper.a4: {"body": 12, "title": 23, "subtitle": 13, "heading": 17, "item": 13.5, "headline": 14},
    Paper.phone: {"body": 13, "title": 21, "subtitle": 13, "heading": 16, "item": 14, "headline": 14.5},
}
SIZES[Paper.letter] = SIZES[Paper.a4]


@cache
def leaflet_styles(paper: Paper = Paper.a4) -> LeafletStyles:
    """The leaflet's styles for `paper` (built on first use, then shared by every render)."""
    fonts.register_fonts()
    size = SIZES[paper]
    body_size = size["body"]
    body = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=body_size,
        leading=body_size * 1.25,
        textColor=INK,
        spaceAfter=5,
    )
    bold = ParagraphStyle("bold", parent=body, fontName=fonts.BOLD)
    return LeafletStyles(
        title=ParagraphStyle(
            "title",
            fontName=fonts.BOLD,
            fontSize=size["title"],
            leading=size["title"] * 1.2,
            textColor=HEADING_INK,
            spaceAfter=3,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            parent=body,
            fontSize=size["subtitle"],
            leading=size["subtitle"] * 1.3,
            textColor=MUTED,
            spaceAfter=6,
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=fonts.BOLD,
            fontSize=size["heading"],
            leading=size["heading"] * 1.25,
            textColor=HEADING_INK,
            spaceBefore=7,
            spaceAfter=4,
        ),
        item_title=ParagraphStyle(
            "item_title",
            parent=bold,
            fontSize=size["item"],
            leading=size["item"] * 1.26,
            spaceBefore=4,
            spaceAfter=1,
        ),
        headline=ParagraphStyle(
            "headline",
            parent=bold,
            fontSize=size["headline"],
            leading=size["headline"] * 1.3,
            spaceAfter=0,
        ),
        body=body,
        bullet=ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=BULLET_INDENT,
            bulletIndent=1.5,
            spaceAfter=3,
            bulletFontName=fonts.BOLD,
            bulletFontSize=body_size,
        ),
        tick=ParagraphStyle("tick", parent=body, spaceAfter=4),
        picture_label=ParagraphStyle(
            "picture_label",
            parent=body,
            fontSize=MIN_BODY_SIZE,
            leading=14,
            textColor=HEADING_INK,
            alignment=TA_CENTER,
            spaceBefore=2,
            spaceAfter=0,
        ),
        picture_label_beside=ParagraphStyle(
            "picture_label_beside", parent=bold, fontSize=MIN_BODY_SIZE, leading=14, textColor=HEADING_INK
        ),
        box_heading=ParagraphStyle(
            "box_heading",
            parent=bold,
            fontSize=13,
            leading=17,
            textColor=HEADING_INK,
            spaceAfter=3,
        ),
        box_body=ParagraphStyle("box_body", parent=body, fontSize=12.5, leading=16, spaceAfter=2),
        box_phone=ParagraphStyle("box_phone", parent=bold, fontSize=17, leading=21, spaceAfter=2),
        link_label=ParagraphStyle("link_label", parent=bold, spaceAfter=1),
        link_url=ParagraphStyle("link_url", parent=body, fontSize=12, leading=13.5, spaceAfter=0),
        footer_size=10,
        footer_ink=MUTED,
    )
