"""The page furniture: a canvas that writes each footer once the page count is known."""

from __future__ import annotations

from datetime import date

from reportlab.pdfgen.canvas import Canvas

from app.domain.leaflet_content import LeafletContent
from app.leaflet import fonts
from app.leaflet.geometry import FRAME_PADDING, Layout
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
    """A canvas that holds pages back until the end so each footer can say "Page X of Y"."""
    s = leaflet_styles(layout.paper)
    left_text = f"Guidance version {content.guidance_version}"
    if not layout.single_column:  # the narrow phone page has room for the version only
        left_text += f" · {long_date(content.generated_on)} · Advice from The Lullaby Trust"
    left = layout.margin_left + FRAME_PADDING
    right = layout.page[0] - layout.margin_right - FRAME_PADDING
    rule, baseline = layout.footer_rule, layout.footer_baseline

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict[str, object]] = []
            # Viewers show "Safer sleep for <baby>" in the title bar, not the file name.
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
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.8)
            self.line(left, rule, right, rule)
            self.setFillColor(s.footer_ink)
            self.setFont(fonts.REGULAR, s.footer_size)
            self.drawString(left, baseline, left_text)
            self.setFont(fonts.BOLD, s.footer_size)
            self.drawRightString(right, baseline, f"Page {number} of {total}")
            self.restoreState()

    return NumberedCanvas
