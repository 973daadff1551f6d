"""Benchmark: milliseconds per family leaflet, against a naive ReportLab document of the same text.

Run: python -m tests.bench.leaflet

The naive document is what a first attempt looks like: a plain `SimpleDocTemplate`, styles from
`getSampleStyleSheet()` built per document, the same TTF fonts registered per document, and a
`QrCodeWidget` drawing built (and encoded) per code per document. It prints the same text and QR
codes. A second naive column uses ReportLab's built-in Helvetica (no font file at all), the
cheapest possible font, for reference.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import Flowable

from app.domain import assess, parse_visit
from app.domain.leaflet_content import LeafletContent, leaflet_content
from app.leaflet import render
from app.leaflet.fonts import FILES, FONT_DIR
from tests.bench.visits import random_visit_doc
from tests.leaflet.samples import LOW_RISK, MANY_FACTORS, PLAN, TYPICAL_HIGH

ON = dt.date(2026, 11, 20)
REPEATS = 15
NAIVE_REPEATS = 5
BATCH = 40
TEAM, TEAM_PHONE = "Portswood HV team", "023 8000 9999"


def content_of(doc: dict[str, Any], plan: list[str] | None = None) -> LeafletContent:
    visit = parse_visit(doc)
    return leaflet_content(
        visit, assess(visit), agreed_actions=plan, generated_on=ON, team_name=TEAM, team_phone=TEAM_PHONE
    )


def naive_pdf(content: LeafletContent, *, ttf: bool = True, qr: bool = True) -> bytes:
    """The same leaflet text and QR codes, built the plain way with nothing cached."""
    if ttf:
        for name, file in FILES.items():
            pdfmetrics.registerFont(TTFont(f"Naive{name}", str(FONT_DIR / file)))
        regular, bold = "NaiveLeafletSans", "NaiveLeafletSans-Bold"
    else:
        regular, bold = "Helvetica", "Helvetica-Bold"
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=sheet["BodyText"], fontName=regular, fontSize=12, leading=15.5)
    head = ParagraphStyle("h", parent=sheet["Heading2"], fontName=bold, fontSize=17)
    title = ParagraphStyle("t", parent=sheet["Title"], fontName=bold, fontSize=25)
    item = ParagraphStyle("i", parent=body, fontName=bold, fontSize=13.5)
    story: list[Flowable] = [
        Paragraph(content.title, title),
        Paragraph(f"From your health visitor, {content.generated_on}", body),
    ]
    if content.protective:
        story.append(Paragraph("What you are already doing well", head))
        story += [Paragraph(f"<b>{p.title}.</b> {p.text}", body, bulletText="•") for p in content.protective]
    if content.reassurance:
        story.append(Paragraph(content.reassurance, body))
    if content.changes:
        story.append(Paragraph(f"Things to change to keep {content.baby_words} safer", head))
        for f in content.changes:
            story += [Paragraph(f.title, item), Paragraph(f.text, body)]
    if content.bed_sharing and not content.bed_sharing.listed_as_change:
        story.append(Paragraph(content.bed_sharing.headline, item))
        story += [Paragraph(line, body, bulletText="•") for line in content.bed_sharing.lines]
    for extra in content.extra_care:
        story += [Paragraph(extra.title, item), Paragraph(extra.text, body)]
    story.append(Paragraph("Safer sleep for every baby, every sleep", head))
    story += [Paragraph(m.text, body, bulletText="•") for m in content.key_messages]
    if content.plan:
        story.append(Paragraph("Our plan together", head))
        story += [Paragraph(line, body, bulletText="•") for line in content.plan]
    k = content.contact
    story += [
        Spacer(1, 10),
        Paragraph("Speak to your health visitor", head),
        Paragraph(f"{k.practitioner_name or ''} {k.team_name or ''} {k.practitioner_phone or ''}", body),
        Paragraph(f"{k.information_line_name}: {k.information_line}", body),
        Paragraph("Find out more", head),
    ]
    rows = []
    for page in content.linked_pages if qr else ():
        widget = QrCodeWidget(page.url)
        x0, y0, x1, y1 = widget.getBounds()
        size = 23 * mm
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        rows.append([drawing, [Paragraph(page.label, item), Paragraph(page.url, body)]])
    if rows:
        story.append(Table(rows, colWidths=[28 * mm, None]))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont(regular, 10)
        canvas.drawString(
            20 * mm,
            10 * mm,
            f"Guidance version {content.guidance_version} · {content.generated_on} · Page {doc.page}",
        )

    out = io.BytesIO()
    SimpleDocTemplate(out, title=content.title).build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def ms_per_call(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median milliseconds of `fn` over `repeats` runs (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def batch_ms(make: Callable[[dict[str, Any]], bytes], docs: list[dict[str, Any]]) -> float:
    t0 = time.perf_counter()
    for doc in docs:
        make(doc)
    return (time.perf_counter() - t0) * 1000 / len(docs)


def cli_batch_ms(docs: list[dict[str, Any]]) -> float:
    """`safesleep leaflet FILE... --out-dir DIR` wall time per leaflet, process start included."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, doc in enumerate(docs):
            path = Path(tmp) / f"visit{i:03d}.json"
            path.write_text(json.dumps(doc))
            files.append(str(path))
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "app", "leaflet", *files, "--out-dir", str(Path(tmp) / "out")],
            capture_output=True,
            check=True,
        )
        return (time.perf_counter() - t0) * 1000 / len(docs)


def main() -> None:
    samples = {
        "low risk, A4": (content_of(LOW_RISK), "a4"),
        "typical high risk + plan, A4": (content_of(TYPICAL_HIGH, PLAN), "a4"),
        "typical high risk + plan, phone": (content_of(TYPICAL_HIGH, PLAN), "phone"),
        "every factor + plan, A4": (content_of(MANY_FACTORS, PLAN), "a4"),
    }
    rows = []
    for name, (content, paper) in samples.items():
        ours = ms_per_call(partial(render, content, paper=paper))
        naive = ms_per_call(partial(naive_pdf, content), NAIVE_REPEATS)
        helv = ms_per_call(partial(naive_pdf, content, ttf=False), NAIVE_REPEATS)
        text_only = ms_per_call(partial(naive_pdf, content, qr=False), NAIVE_REPEATS)
        rows.append((name, ours, naive, helv, text_only))

    rng = random.Random(20261128)
    docs = [random_visit_doc(rng) for _ in range(BATCH)]

    def ours_full(doc: dict[str, Any]) -> bytes:
        return render(content_of(doc))

    def naive_full(doc: dict[str, Any]) -> bytes:
        return naive_pdf(content_of(doc))

    def helv_full(doc: dict[str, Any]) -> bytes:
        return naive_pdf(content_of(doc), ttf=False)

    def text_full(doc: dict[str, Any]) -> bytes:
        return naive_pdf(content_of(doc), qr=False)

    rows.append(
        (
            f"batch of {BATCH} random visits (in-process, parse+assess+render)",
            batch_ms(ours_full, docs),
            batch_ms(naive_full, docs),
            batch_ms(helv_full, docs),
            batch_ms(text_full, docs),
        )
    )
    cli = cli_batch_ms(docs)

    width = max(len(r[0]) for r in rows)
    print(
        f"{'leaflet':<{width}}  {'ours ms':>8}  {'naive ms':>8}  {'naive Helv':>10}  "
        f"{'naive no QR':>11}  ours/naive"
    )
    for name, ours, naive, helv, text_only in rows:
        print(
            f"{name:<{width}}  {ours:8.1f}  {naive:8.1f}  {helv:10.1f}  {text_only:11.1f}  "
            f"{ours / naive:9.2f}x"
        )
    print(f"{'safesleep leaflet ... --out-dir (subprocess, per leaflet)':<{width}}  {cli:8.1f}")
    print("Aim: ours/naive <= 1.00 (no slower than the naive document of the same text).")
    print("naive no QR: the naive document without its QR codes (text layout cost alone).")


if __name__ == "__main__":
    main()
