"""QR codes for the linked guidance pages, encoded once per URL and drawn as one filled path."""

from __future__ import annotations

import itertools
from functools import cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white border the QR standard asks for

Run = tuple[int, int, int]  # (row, first column, length) of dark modules


@cache
def qr_runs(url: str) -> tuple[int, tuple[Run, ...]]:
    """(module count, dark runs) of the QR code for `url`, from ReportLab's own QR encoder."""
    widget = QrCodeWidget(url, barLevel="M")
    qr = widget.qr  # type: ignore[attr-defined]  # the encoder the widget builds; absent from the stubs
    qr.make()
    runs: list[Run] = []
    for r, row in enumerate(qr.modules):
        c = 0
        for dark, group in itertools.groupby(bool(m) for m in row):
            count = len(list(group))
            if dark:
                runs.append((r, c, count))
            c += count
    return qr.getModuleCount(), tuple(runs)


class QrCode(Flowable):
    """A square QR code of side `size` points (quiet zone included)."""

    def __init__(self, url: str, size: float) -> None:
        super().__init__()
        self.url = url
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.url, 0, 0, self.size)
        self.canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1)


@cache
def qr_operators(url: str, size: float) -> str:
    """The PDF path operators that fill the dark modules of `url`'s QR code, origin bottom-left.

    Built once per (url, size): a leaflet then pastes one cached string instead of
    re-encoding the code and formatting hundreds of rectangles each time.
    """
    count, runs = qr_runs(url)
    box = size / (count + 2 * QUIET_ZONE)
    top = size - QUIET_ZONE * box
    left = QUIET_ZONE * box
    path = PDFPathObject()
    for r, c, n in runs:
        path.rect(left + c * box, top - (r + 1) * box, n * box, box)
    return f"0 g\n{path.getCode()}\nf"


def draw_qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `url` in black with its bottom-left corner at (x, y)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.addLiteral(qr_operators(url, size))
    canvas.restoreState()
