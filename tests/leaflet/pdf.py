"""Reading a leaflet PDF back: text, links, pages, font sizes (pypdf) and PNGs (pdftoppm)."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

FOOTER_MARKERS = ("Guidance version", "Page ")


def squash(text: str) -> str:
    """Text without any whitespace, so line breaks made by the layout do not matter."""
    return "".join(text.split())


@dataclass(frozen=True)
class ReadBack:
    pages: list[str]
    sizes: list[tuple[int, int]]
    links: set[str]
    metadata: dict[str, str]
    small_runs: list[str]  # text drawn below 12 pt
    language: str  # the document catalog's /Lang
    shows_title: bool  # /ViewerPreferences /DisplayDocTitle: viewers show the title, not the file name

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def words(self) -> str:
        """All text with every run of whitespace as one space."""
        return " ".join(self.text.split())

    def contains(self, passage: str) -> bool:
        return squash(passage) in squash(self.text)

    def count(self, passage: str) -> int:
        """How many times `passage` is printed (whitespace and line breaks ignored)."""
        return squash(self.text).count(squash(passage))

    def page_contains(self, number: int, passage: str) -> bool:
        """True when `passage` is printed on page `number` (1-based)."""
        return squash(passage) in squash(self.pages[number - 1])

    @property
    def sizes_mm(self) -> set[tuple[float, float]]:
        return {(round(w * 25.4 / 72, 1), round(h * 25.4 / 72, 1)) for w, h in self.sizes}


def read_pdf(pdf: bytes) -> ReadBack:
    reader = PdfReader(io.BytesIO(pdf))
    pages, sizes, links, small = [], [], set(), []
    for page in reader.pages:

        def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
            if text.strip() and size * abs(tm[0] or 1) < 12:
                small.append(text.strip())

        pages.append(page.extract_text(visitor_text=visit))
        sizes.append((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action and action.get("/URI"):
                links.add(str(action["/URI"]))
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    root = reader.root_object
    language = str(root.get("/Lang", ""))
    shows_title = bool((root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle", False))
    return ReadBack(pages, sizes, links, meta, small, language, shows_title)


def render_pngs(pdf: bytes, folder: Path, dpi: int = 50) -> list[Path]:
    """Render every page with pdftoppm; fails the test if pdftoppm rejects the file."""
    source = folder / "leaflet.pdf"
    source.write_bytes(pdf)
    done = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / "page")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    return sorted(folder.glob("page*.png"))
