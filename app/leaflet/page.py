"""The page furniture: dates in words, and the leaflet's footer on every page ("Page X of Y")."""

from __future__ import annotations

from datetime import date

from reportlab.pdfgen.canvas import Canvas

from app.domain.leaflet_content import LeafletContent
from app.leaflet import fonts
from app.leaflet.geometry import FRAME_PADDING, Layout
from app.leaflet.numbering import Footer, footer_canvas
from app.leaflet.styles import RULE, leaflet_styles

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """`28 November 2026`, whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def numbered_canvas(content: LeafletContent, layout: Layout) -> type[Canvas]:
    """A canvas that writes the leaflet's footer (guidance version, date, "Page X of Y") on each page."""
    s = leaflet_styles(layout.paper)
    left_text = f"Guidance version {content.guidance_version}"
    if not layout.single_column:  # the narrow phone page has room for the version only
        left_text += f" · {long_date(content.generated_on)} · Advice from The Lullaby Trust"
    return footer_canvas(
        Footer(
            left=layout.margin_left + FRAME_PADDING,
            right=layout.page[0] - layout.margin_right - FRAME_PADDING,
            rule_y=layout.footer_rule,
            baseline=layout.footer_baseline,
            text=left_text,
            size=s.footer_size,
            ink=s.footer_ink,
            rule_ink=RULE,
            rule_width=0.8,
            number_font=fonts.BOLD,
        )
    )
