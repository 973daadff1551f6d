"""The leaflet's pictograms, drawn as vectors in code (nothing fetched or loaded at run time).

One consistent style: dark navy outlines on a light fill, a dark red ring and bar for "never".
Each drawing works in a unit square (0..1, y up) scaled to the pictogram's size; a text label is
always printed beside the picture (see `flowables.PictureRow`), the picture never stands alone.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from app.domain.leaflet_content import Picture
from app.leaflet.styles import BOX_FILL, NO_INK, PICTURE_INK

Draw = Callable[[Canvas], None]


def _pen(c: Canvas, width: float = 0.045) -> None:
    c.setStrokeColor(PICTURE_INK)
    c.setFillColor(BOX_FILL)
    c.setLineWidth(width)
    c.setLineCap(1)
    c.setLineJoin(1)


def _ink(c: Canvas) -> None:
    c.setFillColor(PICTURE_INK)


def _never(c: Canvas) -> None:
    """The "never" sign over the whole picture: a ring and a bar, top left to bottom right."""
    c.saveState()
    c.setStrokeColor(NO_INK)
    c.setLineWidth(0.075)
    c.circle(0.5, 0.5, 0.45, stroke=1, fill=0)
    c.line(0.18, 0.82, 0.82, 0.18)
    c.restoreState()


def _baby_on_back(c: Canvas, x: float, y: float, length: float) -> None:
    """A baby lying on its back, head to the left, face up, seen from the side."""
    head = length * 0.2
    c.circle(x + head, y + head, head, stroke=1, fill=1)
    _ink(c)
    c.circle(x + head * 1.1, y + head * 1.35, head * 0.14, stroke=0, fill=1)  # eye, looking up
    c.setFillColor(BOX_FILL)
    c.roundRect(
        x + head * 1.9, y + head * 0.15, length - head * 2.0, head * 1.5, head * 0.7, stroke=1, fill=1
    )


def _cot(c: Canvas, x0: float, y0: float, x1: float, y1: float, mattress: float = 0.0) -> None:
    """Cot sides with slats; `mattress` is the mattress height above the base (0: none)."""
    c.line(x0, y0, x0, y1)
    c.line(x1, y0, x1, y1)
    c.line(x0, y1, x1, y1)
    c.line(x0, y0 + 0.08, x1, y0 + 0.08)
    for i in range(1, 6):
        x = x0 + (x1 - x0) * i / 6
        c.line(x, y0 + 0.08, x, y1)
    if mattress:
        c.rect(x0, y0 + 0.08, x1 - x0, mattress, stroke=1, fill=1)


def _bed(c: Canvas, x0: float, x1: float, base: float = 0.22, top: float = 0.4) -> None:
    """An adult bed from the side: headboard left, mattress, a pillow."""
    c.line(x0, base - 0.1, x0, top + 0.28)
    c.roundRect(x0, base, x1 - x0, top - base, 0.03, stroke=1, fill=1)
    c.line(x1, base, x1, base - 0.1)
    c.roundRect(x0 + 0.04, top, 0.2, 0.09, 0.04, stroke=1, fill=1)


def back_to_sleep(c: Canvas) -> None:
    _cot(c, 0.1, 0.12, 0.9, 0.78, mattress=0.1)
    _baby_on_back(c, 0.2, 0.3, 0.6)


def clear_cot(c: Canvas) -> None:
    _cot(c, 0.1, 0.12, 0.9, 0.68, mattress=0.14)
    c.setLineWidth(0.07)
    c.lines([(0.34, 0.5, 0.46, 0.38), (0.46, 0.38, 0.68, 0.6)])  # a tick: nothing else inside


def same_room(c: Canvas) -> None:
    _bed(c, 0.04, 0.56)
    _cot(c, 0.64, 0.12, 0.96, 0.52, mattress=0.06)


def smoke_free(c: Canvas) -> None:
    c.rect(0.16, 0.42, 0.52, 0.12, stroke=1, fill=1)
    _ink(c)
    c.rect(0.68, 0.42, 0.14, 0.12, stroke=1, fill=1)
    path = c.beginPath()
    path.moveTo(0.2, 0.58)
    path.curveTo(0.12, 0.66, 0.28, 0.7, 0.2, 0.8)
    c.drawPath(path, stroke=1, fill=0)
    _never(c)


def no_sofa(c: Canvas) -> None:
    c.roundRect(0.18, 0.4, 0.64, 0.28, 0.05, stroke=1, fill=1)  # back
    c.roundRect(0.18, 0.28, 0.64, 0.14, 0.03, stroke=1, fill=1)  # seat
    c.roundRect(0.1, 0.24, 0.12, 0.28, 0.05, stroke=1, fill=1)  # arms
    c.roundRect(0.78, 0.24, 0.12, 0.28, 0.05, stroke=1, fill=1)
    c.line(0.16, 0.24, 0.16, 0.18)
    c.line(0.84, 0.24, 0.84, 0.18)
    _never(c)


def no_airbed(c: Canvas) -> None:
    path = c.beginPath()
    path.moveTo(0.12, 0.3)
    path.lineTo(0.12, 0.5)
    for i in range(4):
        x = 0.12 + i * 0.19
        path.curveTo(x + 0.05, 0.58, x + 0.14, 0.58, x + 0.19, 0.5)
    path.lineTo(0.88, 0.3)
    path.close()
    c.drawPath(path, stroke=1, fill=1)
    _never(c)


def room_temperature(c: Canvas) -> None:
    c.roundRect(0.42, 0.3, 0.16, 0.58, 0.08, stroke=1, fill=1)
    c.circle(0.5, 0.22, 0.12, stroke=1, fill=1)
    _ink(c)
    c.circle(0.5, 0.22, 0.07, stroke=0, fill=1)
    c.rect(0.475, 0.26, 0.05, 0.3, stroke=0, fill=1)
    for y in (0.46, 0.58, 0.7):  # the 16-20 band marked on the side
        c.line(0.62, y, 0.72, y)


def car_seat(c: Canvas) -> None:
    c.line(0.06, 0.14, 0.66, 0.14)  # the rocker base
    shell = c.beginPath()
    shell.moveTo(0.08, 0.56)
    shell.curveTo(0.08, 0.2, 0.3, 0.16, 0.66, 0.2)
    shell.lineTo(0.66, 0.34)
    shell.curveTo(0.44, 0.34, 0.26, 0.4, 0.22, 0.56)
    shell.close()
    c.drawPath(shell, stroke=1, fill=1)
    c.circle(0.3, 0.5, 0.08, stroke=1, fill=1)  # baby in the seat
    handle = c.beginPath()
    handle.moveTo(0.14, 0.5)
    handle.curveTo(0.2, 0.86, 0.56, 0.84, 0.62, 0.34)
    c.drawPath(handle, stroke=1, fill=0)
    c.setLineWidth(0.07)  # an arrow up and out: baby comes out on arrival
    c.line(0.86, 0.24, 0.86, 0.86)
    c.lines([(0.76, 0.74, 0.86, 0.86), (0.86, 0.86, 0.96, 0.74)])


def sling(c: Canvas) -> None:
    c.circle(0.5, 0.82, 0.11, stroke=1, fill=1)  # carer's head
    body = c.beginPath()
    body.moveTo(0.24, 0.06)
    body.lineTo(0.28, 0.58)
    body.curveTo(0.34, 0.68, 0.66, 0.68, 0.72, 0.58)
    body.lineTo(0.76, 0.06)
    c.drawPath(body, stroke=1, fill=1)
    c.circle(0.5, 0.56, 0.08, stroke=1, fill=1)  # baby high on the chest, face in view
    c.roundRect(0.36, 0.22, 0.28, 0.28, 0.1, stroke=1, fill=1)  # the sling holding baby's back


def no_bed_sharing(c: Canvas) -> None:
    _bed(c, 0.1, 0.9, base=0.3, top=0.46)
    _baby_on_back(c, 0.4, 0.46, 0.3)
    _never(c)


def safer_bed(c: Canvas) -> None:
    _bed(c, 0.06, 0.94, base=0.22, top=0.38)
    _baby_on_back(c, 0.5, 0.38, 0.32)
    c.setLineWidth(0.07)
    c.lines([(0.34, 0.78, 0.44, 0.68), (0.44, 0.68, 0.64, 0.9)])


def extra_care(c: Canvas) -> None:
    path = c.beginPath()
    path.moveTo(0.5, 0.16)
    path.curveTo(0.1, 0.44, 0.1, 0.8, 0.32, 0.8)
    path.curveTo(0.42, 0.8, 0.48, 0.74, 0.5, 0.66)
    path.curveTo(0.52, 0.74, 0.58, 0.8, 0.68, 0.8)
    path.curveTo(0.9, 0.8, 0.9, 0.44, 0.5, 0.16)
    c.drawPath(path, stroke=1, fill=1)
    c.circle(0.5, 0.5, 0.09, stroke=1, fill=0)  # a small baby's head held in the heart


def plan_ahead(c: Canvas) -> None:
    moon = c.beginPath()
    moon.moveTo(0.44, 0.86)
    moon.curveTo(0.12, 0.8, 0.12, 0.34, 0.44, 0.28)
    moon.curveTo(0.28, 0.42, 0.28, 0.72, 0.44, 0.86)
    c.drawPath(moon, stroke=1, fill=1)
    _cot(c, 0.52, 0.12, 0.94, 0.5, mattress=0.06)  # a travel cot ready for the night


def twins(c: Canvas) -> None:
    _cot(c, 0.04, 0.16, 0.46, 0.6, mattress=0.06)
    _cot(c, 0.54, 0.16, 0.96, 0.6, mattress=0.06)
    _baby_on_back(c, 0.1, 0.3, 0.3)
    _baby_on_back(c, 0.6, 0.3, 0.3)


def swaddle(c: Canvas) -> None:
    c.circle(0.22, 0.5, 0.12, stroke=1, fill=1)  # head, face free
    wrap = c.beginPath()  # a thin wrap from the shoulders down, never over the head
    wrap.moveTo(0.36, 0.36)
    wrap.lineTo(0.78, 0.4)
    wrap.curveTo(0.94, 0.44, 0.94, 0.58, 0.78, 0.62)
    wrap.lineTo(0.36, 0.64)
    wrap.close()
    c.drawPath(wrap, stroke=1, fill=1)
    c.line(0.5, 0.38, 0.5, 0.64)
    c.line(0.64, 0.39, 0.64, 0.63)


def head_uncovered(c: Canvas) -> None:
    c.circle(0.5, 0.38, 0.22, stroke=1, fill=1)  # baby's face
    _ink(c)
    c.circle(0.42, 0.42, 0.025, stroke=0, fill=1)
    c.circle(0.58, 0.42, 0.025, stroke=0, fill=1)
    hat = c.beginPath()  # a hat lifted off, struck through: no hats for sleep
    hat.moveTo(0.3, 0.7)
    hat.curveTo(0.32, 0.94, 0.68, 0.94, 0.7, 0.7)
    hat.close()
    c.setFillColor(BOX_FILL)
    c.drawPath(hat, stroke=1, fill=1)
    c.saveState()
    c.setStrokeColor(NO_INK)
    c.setLineWidth(0.07)
    c.line(0.26, 0.94, 0.74, 0.66)
    c.restoreState()


def baby_check(c: Canvas) -> None:
    c.roundRect(0.3, 0.08, 0.4, 0.84, 0.07, stroke=1, fill=1)  # a phone: the Baby Check app
    c.setLineWidth(0.08)
    c.line(0.5, 0.36, 0.5, 0.64)
    c.line(0.36, 0.5, 0.64, 0.5)


def no_others_in_bed(c: Canvas) -> None:
    _bed(c, 0.1, 0.9, base=0.3, top=0.46)
    cat = c.beginPath()  # a pet on the bed
    cat.moveTo(0.52, 0.46)
    cat.lineTo(0.52, 0.66)
    cat.lineTo(0.58, 0.6)
    cat.lineTo(0.66, 0.6)
    cat.lineTo(0.72, 0.66)
    cat.lineTo(0.72, 0.46)
    cat.close()
    c.drawPath(cat, stroke=1, fill=1)
    _never(c)


DRAWINGS: dict[Picture, Draw] = {
    Picture.back_to_sleep: back_to_sleep,
    Picture.clear_cot: clear_cot,
    Picture.same_room: same_room,
    Picture.smoke_free: smoke_free,
    Picture.no_sofa: no_sofa,
    Picture.no_airbed: no_airbed,
    Picture.room_temperature: room_temperature,
    Picture.car_seat: car_seat,
    Picture.sling: sling,
    Picture.no_bed_sharing: no_bed_sharing,
    Picture.safer_bed: safer_bed,
    Picture.extra_care: extra_care,
    Picture.plan_ahead: plan_ahead,
    Picture.twins: twins,
    Picture.swaddle: swaddle,
    Picture.head_uncovered: head_uncovered,
    Picture.baby_check: baby_check,
    Picture.no_others_in_bed: no_others_in_bed,
}


def draw_picture(c: Canvas, picture: Picture, x: float, y: float, size: float) -> None:
    """Draw `picture` in a `size`-point square with its bottom-left corner at (x, y)."""
    c.saveState()
    c.translate(x, y)
    c.scale(size, size)
    _pen(c)
    DRAWINGS[picture](c)
    c.restoreState()


class Pictogram(Flowable):
    """A square pictogram of side `size` points."""

    def __init__(self, picture: Picture, size: float) -> None:
        super().__init__()
        self.picture = picture
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_picture(self.canv, self.picture, 0, 0, self.size)
