"""Page geometry of the leaflet, in millimetres (converted to points with `mm`)."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_PADDING = 6  # points: ReportLab's default padding inside the page frame
FOOTER_BASELINE = 8.5 * mm
FOOTER_RULE = 13 * mm

QR_SIZE = 23 * mm
QR_GAP = 3 * mm
LINK_COLUMNS = 2
BOX_PADDING = 4 * mm
BULLET_INDENT = 7 * mm
RULE_WIDTH = 1.6  # points


def page_size(paper: str) -> tuple[float, float]:
    """The (width, height) in points of `paper` ("A4" or "letter", any case)."""
    try:
        return PAPER_SIZES[paper.lower()]
    except KeyError:
        raise ValueError(f"paper: must be one of {', '.join(PAPER_SIZES)} (got {paper!r})") from None
