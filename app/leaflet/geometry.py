"""Page geometry of the leaflet for each paper, in millimetres (converted to points with `mm`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

from app.domain.leaflet_content import Paper

PHONE = (100 * mm, 200 * mm)  # a phone screen's width; read at full width without zooming
PAPER_SIZES: dict[str, tuple[float, float]] = {Paper.a4: A4, Paper.letter: LETTER, Paper.phone: PHONE}

FRAME_PADDING = 6  # points: ReportLab's default padding inside the page frame
BOX_PADDING = 3 * mm
BULLET_INDENT = 7 * mm
RULE_WIDTH = 1.6  # points


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything about the page that changes with the paper."""

    paper: Paper
    page: tuple[float, float]
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float
    footer_baseline: float
    footer_rule: float
    picture: float  # side of a "most important" pictogram
    small_picture: float  # side of a key-message pictogram
    picture_column: float  # the column the pictogram and its label sit in
    single_column: bool  # contact box stacked, one link per row, no QR codes
    qr_size: float
    link_columns: int  # QR codes per row
    message_columns: int  # messages for every baby per row

    @property
    def width(self) -> float:
        """The width text can use inside the frame."""
        return self.page[0] - self.margin_left - self.margin_right - 2 * FRAME_PADDING


PRINTED = Layout(
    Paper.a4,
    A4,
    margin_left=18 * mm,
    margin_right=18 * mm,
    margin_top=13 * mm,
    margin_bottom=18 * mm,
    footer_baseline=8.5 * mm,
    footer_rule=13 * mm,
    picture=17 * mm,
    small_picture=12 * mm,
    picture_column=38 * mm,
    single_column=False,
    qr_size=19 * mm,
    link_columns=4,
    message_columns=2,
)
LAYOUTS: dict[Paper, Layout] = {
    Paper.a4: PRINTED,
    Paper.letter: replace(PRINTED, paper=Paper.letter, page=LETTER),
    Paper.phone: Layout(
        Paper.phone,
        PHONE,
        margin_left=4 * mm,
        margin_right=4 * mm,
        margin_top=5 * mm,
        margin_bottom=13 * mm,
        footer_baseline=4.5 * mm,
        footer_rule=9 * mm,
        picture=15 * mm,
        small_picture=11 * mm,
        picture_column=19 * mm,
        single_column=True,
        qr_size=0,
        link_columns=1,
        message_columns=1,
    ),
}


def layout_for(paper: Paper | str) -> Layout:
    """The layout of `paper` ("a4", "letter" or "phone", any case); ValueError naming the choices."""
    return LAYOUTS[paper if isinstance(paper, Paper) else Paper.parse(paper)]


def page_size(paper: Paper | str) -> tuple[float, float]:
    """The (width, height) in points of `paper`."""
    return layout_for(paper).page
