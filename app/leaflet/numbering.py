"""A ReportLab canvas that holds pages back until the end, so each footer can say "Page X of Y".

The leaflet and the portal's chronology PDF both use it (app/leaflet depends only on app/domain;
the portal may import it, never the other way round).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from app.leaflet import fonts


@dataclass(frozen=True, slots=True)
class Footer:
    """Each page's footer: a rule across, `text` at the left and "Page X of Y" at the right."""

    left: float
    right: float
    rule_y: float
    baseline: float
    text: str
    size: float
    ink: Color
    rule_ink: Color
    rule_width: float
    number_font: str = fonts.REGULAR


def footer_canvas(footer: Footer) -> type[Canvas]:
    """A canvas class (for `doc.build(..., canvasmaker=...)`) that draws `footer` on every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict[str, object]] = []
            # Viewers show the document's title in the title bar, not the file name.
            self.setViewerPreference("DisplayDocTitle", "true")

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # ReportLab's own reset; absent from the stubs

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            f = footer
            self.saveState()
            self.setStrokeColor(f.rule_ink)
            self.setLineWidth(f.rule_width)
            self.line(f.left, f.rule_y, f.right, f.rule_y)
            self.setFillColor(f.ink)
            self.setFont(fonts.REGULAR, f.size)
            self.drawString(f.left, f.baseline, f.text)
            self.setFont(f.number_font, f.size)
            self.drawRightString(f.right, f.baseline, f"Page {number} of {total}")
            self.restoreState()

    return NumberedCanvas
