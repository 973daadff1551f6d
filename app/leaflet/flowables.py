"""The leaflet's own flowables: heading rules, ticked lines and framed boxes."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.domain.leaflet_content import Picture
from app.leaflet.geometry import BOX_PADDING, BULLET_INDENT, RULE_WIDTH, Layout
from app.leaflet.pictograms import Pictogram
from app.leaflet.styles import BOX_FILL, BOX_RULE, RULE, TICK_INK, LeafletStyles


class Rule(Flowable):
    """A full-width heading underline."""

    def __init__(self, thickness: float = RULE_WIDTH, space_after: float = 4) -> None:
        super().__init__()
        self.thickness = thickness
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.thickness + self.space_after

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(self.thickness)
        y = self.space_after + self.thickness / 2
        c.line(0, y, self.width, y)


class Ticked(Flowable):
    """A paragraph with a drawn tick beside it (a tick glyph would need a symbol font)."""

    def __init__(self, paragraph: Paragraph, indent: float = BULLET_INDENT) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.indent = indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, h = self.paragraph.wrap(avail_width - self.indent, avail_height)
        self.width, self.height = avail_width, h
        return avail_width, h

    def getSpaceAfter(self) -> float:
        return self.paragraph.getSpaceAfter()

    def draw(self) -> None:
        c = self.canv
        size = self.paragraph.style.fontSize
        top = self.height - size * 0.95  # baseline of the first line
        c.saveState()
        c.setStrokeColor(TICK_INK)
        c.setLineWidth(2.2)
        c.setLineCap(1)
        c.setLineJoin(1)
        c.lines(
            [(1.5, top + 0.42 * size, 5, top + 0.08 * size), (5, top + 0.08 * size, 12, top + 0.78 * size)]
        )
        c.restoreState()
        self.paragraph.drawOn(c, self.indent, 0)


def boxed(cells: list[list[Flowable]], width: float, *, stacked: bool = False) -> Table:
    """A framed, lightly shaded box with the cells side by side (or one above the other)."""
    if stacked:
        table = Table([[cell] for cell in cells], colWidths=[width])
        between = ("LINEABOVE", (0, 1), (-1, -1), 1, BOX_RULE)
    else:
        table = Table([cells], colWidths=[width / len(cells)] * len(cells))
        between = ("LINEBEFORE", (1, 0), (-1, -1), 1, BOX_RULE)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 2, BOX_RULE),
                between,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), BOX_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), BOX_PADDING),
            ]
        )
    )
    return table


PLAIN_CELLS = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def picture_row(
    picture: Picture | None,
    label: str,
    text: list[Flowable],
    *,
    layout: Layout,
    s: LeafletStyles,
    size: float,
    width: float,
) -> list[Flowable]:
    """A pictogram with its text label, and the text beside it (a block: keep it on one page).

    Printed sheets put the label under the picture in a narrow column; the phone page puts the
    label beside the picture and the text below both, so the text keeps the full width.
    """
    if picture is None:
        return text
    gap = 3 * BULLET_INDENT / 7
    if layout.single_column:
        beside = Paragraph(label, s.picture_label_beside) if label else ""
        badge = Table(
            [[Pictogram(picture, size), beside]],
            colWidths=[size + gap, width - size - gap],
            style=TableStyle([*PLAIN_CELLS, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
        )
        return [badge, Spacer(1, 1 * mm), *text, Spacer(1, 2 * mm)]
    column = layout.picture_column
    left: list[Flowable] = [Pictogram(picture, size)]
    if label:
        left.append(Paragraph(label, s.picture_label))
    row = Table(
        [[left, text]],
        colWidths=[column, width - column],
        style=TableStyle(
            [*PLAIN_CELLS, ("RIGHTPADDING", (0, 0), (0, -1), gap), ("ALIGN", (0, 0), (0, -1), "CENTER")]
        ),
    )
    return [row, Spacer(1, 1.5 * mm)]
