"""The leaflet's flowables in reading order: page one (who, contact, doing well, the most important
things), then more about each, bed-sharing, extra care, the family's plans, every baby, links."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.domain.leaflet_content import ChangeItem, LeafletContent
from app.leaflet.flowables import PLAIN_CELLS, Rule, Ticked, boxed, picture_row
from app.leaflet.geometry import Layout
from app.leaflet.page import long_date
from app.leaflet.pictograms import Pictogram
from app.leaflet.qr import QrCode
from app.leaflet.styles import LeafletStyles

Block = list[Flowable]  # flowables kept on one page (never nest KeepTogether: it always splits)


def _text(value: str) -> str:
    """Free text made safe for ReportLab paragraph markup."""
    return escape(value)


class Story:
    """Builds the flowables of one leaflet for one layout."""

    def __init__(self, content: LeafletContent, layout: Layout, s: LeafletStyles) -> None:
        self.c, self.layout, self.s = content, layout, s
        self.width = layout.width
        self.baby = _text(content.baby_words)

    def section(self, heading: str, blocks: list[Block]) -> list[Flowable]:
        """A heading kept on the same page as its first block; each block kept together."""
        if not blocks:
            return []
        first, *rest = blocks
        return [
            CondPageBreak(25 * mm),
            KeepTogether([Paragraph(heading, self.s.heading), Rule(), *first]),
            *(KeepTogether(b) if len(b) > 1 else b[0] for b in rest),
        ]

    def picture(self, item: ChangeItem, text: list[Flowable]) -> list[Flowable]:
        return picture_row(
            item.picture,
            _text(item.picture_label),
            text,
            layout=self.layout,
            s=self.s,
            size=self.layout.picture,
            width=self.width,
        )

    # ------------------------------------------------------------------ page one

    def header(self) -> list[Flowable]:
        day = self.c.visit_date or self.c.generated_on
        return [
            Paragraph(_text(self.c.title), self.s.title),
            Paragraph(f"From your health visitor, {long_date(day)}", self.s.subtitle),
        ]

    def contact(self) -> list[Flowable]:
        """One box: the health visitor and team, then The Lullaby Trust information line."""
        k, s = self.c.contact, self.s
        visitor: list[Flowable] = [Paragraph("Your health visitor", s.box_heading)]
        who = ", ".join(_text(part) for part in (k.practitioner_name, k.team_name) if part)
        if who:
            visitor.append(Paragraph(who, s.box_body))
        if k.practitioner_phone:
            visitor.append(Paragraph(_text(k.practitioner_phone), s.box_phone))
        if k.team_phone and k.team_phone != k.practitioner_phone:
            label = "Team" if k.practitioner_phone else "Phone"
            visitor.append(Paragraph(f"{label}: <b>{_text(k.team_phone)}</b>", s.box_body))
        cells: list[list[Flowable]] = [visitor]
        if k.information_line:
            cells.append(
                [
                    Paragraph("Questions about safer sleep?", s.box_heading),
                    Paragraph(_text(k.information_line_name), s.box_body),
                    Paragraph(_text(k.information_line), s.box_phone),
                ]
            )
        return [Spacer(1, 1 * mm), boxed(cells, self.width, stacked=self.layout.single_column)]

    def doing_well(self) -> list[Flowable]:
        s = self.s
        blocks: list[Block] = [
            [Ticked(Paragraph(f"<b>{_text(p.title)}.</b> {_text(p.text)}", s.tick))]
            for p in self.c.protective
        ]
        if self.c.reassurance:
            blocks.append([Ticked(Paragraph(f"<b>{_text(self.c.reassurance)}</b>", s.tick))])
        return self.section("What you are already doing well", blocks)

    def most_important(self) -> list[Flowable]:
        blocks: list[Block] = [
            self.picture(item, [Paragraph(_text(item.headline), self.s.headline)])
            for item in self.c.most_important
        ]
        title = (
            "The most important thing to change"
            if len(blocks) == 1
            else "The most important things to change"
        )
        return self.section(title, blocks)

    # ------------------------------------------------------------------ the rest

    def more_about(self) -> list[Flowable]:
        s = self.s
        blocks: list[Block] = [
            [Paragraph(_text(item.title), s.item_title), Paragraph(_text(item.detail), s.body)]
            for item in self.c.most_important
            if item.detail
        ]
        return self.section("More about the most important things", blocks)

    def other_changes(self) -> list[Flowable]:
        s = self.s
        blocks: list[Block] = []
        for item in self.c.more_changes:
            words: list[Flowable] = [
                Paragraph(_text(item.title), s.item_title),
                Paragraph(_text(item.text), s.body),
            ]
            blocks.append(self.picture(item, words))
        return self.section(f"Other things to change to keep {self.baby} safer", blocks)

    def bed_sharing(self) -> list[Flowable]:
        block, s = self.c.bed_sharing, self.s
        if block is None or block.listed_as_change:
            return []
        if block.safe_to_discuss:
            words: list[Flowable] = [Paragraph(f"<b>{_text(block.headline)}</b>", s.body)]
            lines: list[Flowable] = [Ticked(Paragraph(_text(line), s.tick)) for line in block.lines]
        else:
            words = [Paragraph(_text(block.headline), s.headline), Spacer(1, 1.5 * mm)]
            lines = [Paragraph(_text(line), s.body) for line in block.lines]
        size, heading = self.layout.picture, f"Sharing a bed with {self.baby}"
        if self.layout.single_column:  # a narrow page: the lines below may go on to the next page
            row = picture_row(
                block.picture,
                _text(block.picture_label),
                words,
                layout=self.layout,
                s=s,
                size=size,
                width=self.width,
            )
            return self.section(heading, [row, *([line] for line in lines)])
        row = picture_row(
            block.picture,
            _text(block.picture_label),
            [*words, *lines],
            layout=self.layout,
            s=s,
            size=size,
            width=self.width,
        )
        return self.section(heading, [row])

    def extra_care(self) -> list[Flowable]:
        items, s = self.c.extra_care, self.s
        if not items:
            return []
        words: list[Flowable] = []
        for item in items:
            words += [Paragraph(_text(item.title), s.item_title), Paragraph(_text(item.text), s.body)]
        row = picture_row(
            items[0].picture,
            _text(items[0].picture_label),
            words,
            layout=self.layout,
            s=s,
            size=self.layout.picture,
            width=self.width,
        )
        return self.section(f"Extra care for {self.baby}", [row])

    def nights(self) -> list[Flowable]:
        """The family's own plans for different nights (with the plan-ahead advice), or that advice
        among the messages for every baby when they made none."""
        c, s = self.c, self.s
        if not c.nights:
            return []
        words: list[Flowable] = []
        if c.plan_ahead:
            words.append(Paragraph(_text(c.plan_ahead.text), s.body))
        for night in c.nights:
            words.append(Paragraph(_text(night.situation), s.item_title))
            words.append(Paragraph(_text(night.arrangement), s.body))
        picture = c.plan_ahead.picture if c.plan_ahead else None
        label = _text(c.plan_ahead.picture_label) if c.plan_ahead else ""
        size = self.layout.picture
        row = picture_row(picture, label, words, layout=self.layout, s=s, size=size, width=self.width)
        return self.section("Your plan for nights that are different", [row])

    def plan(self) -> list[Flowable]:
        s = self.s
        blocks: list[Block] = [[Paragraph(_text(line), s.bullet, bulletText="•")] for line in self.c.plan]
        if self.c.follow_up_date:
            blocks.append([Paragraph(f"<b>Next visit:</b> {long_date(self.c.follow_up_date)}", s.body)])
        return self.section("Our plan together", blocks)

    def every_baby(self) -> list[Flowable]:
        """The messages for every baby, each beside its picture: two columns on paper, one on a phone."""
        messages = self.c.key_messages
        if self.c.plan_ahead and not self.c.nights:
            messages = (*messages, self.c.plan_ahead)
        if not messages:
            return []
        size, columns = self.layout.small_picture, self.layout.message_columns
        picture_column = size + 2.5 * mm
        cell = self.width / columns
        cells: list[Flowable | str] = []
        for m in messages:
            cells += [Pictogram(m.picture, size) if m.picture else "", Paragraph(_text(m.text), self.s.body)]
        per_row = 2 * columns
        cells += [""] * (-len(cells) % per_row)
        style = TableStyle(
            [
                *PLAIN_CELLS,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (1, 0), (1, -1), 3 * mm),
            ]
        )
        widths = [picture_column, cell - picture_column] * columns
        rows: list[Block] = [  # one table per row, so the section may continue on the next page
            [Table([cells[i : i + per_row]], colWidths=widths, style=style)]
            for i in range(0, len(cells), per_row)
        ]
        return self.section("Safer sleep for every baby, every sleep", rows)

    def link_markup(self, url: str, width: float) -> str:
        """The address as a person types it, broken after "/" to fit `width`, linked."""
        return f'<a href="{_text(url)}">{url_lines(display_url(url), self.s.link_url, width)}</a>'

    def links(self) -> list[Flowable]:
        """QR codes in a row on paper, each named; on a phone, tappable links with their addresses."""
        pages, s = self.c.linked_pages, self.s
        if not pages:
            return []
        if self.layout.qr_size == 0:
            blocks: list[Block] = [
                [
                    Paragraph(_text(p.label), s.link_label),
                    Paragraph(self.link_markup(p.url, self.width), s.link_url),
                    Spacer(1, 2 * mm),
                ]
                for p in pages
            ]
            return self.section("Find out more", blocks)
        # Printed: a row of QR codes, each named under it and linked (the PDF opens it when tapped).
        qr, columns = self.layout.qr_size, self.layout.link_columns
        cell = self.width / columns
        cells: list[list[Flowable]] = [
            [QrCode(p.url, qr), Paragraph(_text(p.label), s.picture_label)] for p in pages
        ]
        cells += [[]] * (-len(cells) % columns)
        rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
        table = Table(
            rows,
            colWidths=[cell] * columns,
            style=TableStyle(
                [*PLAIN_CELLS, ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
            ),
        )
        hint = Paragraph(_text(self.c.scan_hint), s.body) if self.c.scan_hint else Spacer(1, 0)
        return self.section("Find out more", [[hint, table]])

    def build(self) -> list[Flowable]:
        return [
            *self.header(),
            *self.contact(),
            *self.doing_well(),
            *self.most_important(),
            *self.more_about(),
            *self.other_changes(),
            *self.bed_sharing(),
            *self.extra_care(),
            *self.nights(),
            *self.plan(),
            *self.every_baby(),
            *self.links(),
        ]


def url_lines(url: str, style: ParagraphStyle, width: float) -> str:
    """`url` as paragraph markup broken after a "/" so each line fits `width` (and after a "-"
    only inside a name too long for one line)."""

    def fits(text: str) -> bool:
        return stringWidth(text, style.fontName, style.fontSize) <= width

    pieces: list[str] = []
    for segment in filter(None, re.split(r"(?<=/)", url)):
        pieces += [segment] if fits(segment) else list(filter(None, re.split(r"(?<=-)", segment)))
    lines: list[str] = []
    for piece in pieces:
        if lines and fits(lines[-1] + piece):
            lines[-1] += piece
        else:
            lines.append(piece)
    return "<br/>".join(_text(line) for line in lines)


def display_url(url: str) -> str:
    """The address as a person would type it (no "https://")."""
    return url.removeprefix("https://").removeprefix("http://")
