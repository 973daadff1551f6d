"""The leaflet's own flowables: heading rules, ticked lines and framed boxes."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.leaflet.geometry import BOX_PADDING, BULLET_INDENT, RULE_WIDTH
from app.leaflet.styles import BOX_FILL, BOX_RULE, RULE, TICK_INK


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


def boxed(cells: list[list[Flowable]], width: float) -> Table:
    """A framed, lightly shaded box with the cells side by side."""
    table = Table([cells], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 2, BOX_RULE),
                ("LINEBEFORE", (1, 0), (-1, -1), 1, BOX_RULE),
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
