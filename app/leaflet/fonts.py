"""The leaflet's fonts: DejaVu Sans bundled in assets/fonts (free licence beside it).

Bundled rather than ReportLab's standard Helvetica so that names such as "Łucja", "Şükrü" or
"Алёна" print as written; never read from the system at run time. Registered once per process.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.domain.guidance import package_folder

FONT_DIR = package_folder("app.assets.fonts")  # assets/fonts, shipped as package data (setup.py)
REGULAR = "LeafletSans"
BOLD = "LeafletSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> tuple[str, str]:
    """Register the leaflet fonts with ReportLab (first call only); returns (regular, bold)."""
    for name, file in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, BOLD
