"""What changed between two guidance versions, drawn: entries added and removed, and each changed
field with its removed words struck through in red and its added words in bold green."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.server.portal.admin.guidance_diff import EntryChange, FieldChange, GuidanceDiff
from app.server.portal.web.widgets import MUTED, heading, notice

REMOVED = ft.TextStyle(color="#B3261E", decoration=ft.TextDecoration.LINE_THROUGH)
ADDED = ft.TextStyle(color="#1B6E20", weight=ft.FontWeight.BOLD)


def _field(change: FieldChange) -> ft.Control:
    spans = []
    for piece in change.words:
        style = REMOVED if piece.kind == "removed" else ADDED if piece.kind == "added" else None
        label = {"removed": "[removed: ", "added": "[added: "}.get(piece.kind, "")
        spans.append(ft.TextSpan(f"{label}{piece.text}{']' if label else ''} ", style))
    return ft.Column(
        [ft.Text(change.field, size=15, weight=ft.FontWeight.BOLD), ft.Text(spans=spans, size=15)], spacing=2
    )


def _entry(change: EntryChange) -> ft.Control:
    return ft.Container(
        padding=12,
        border=ft.Border.all(1, "#CAC4D0"),
        border_radius=8,
        content=ft.Column(
            [
                ft.Text(f"{change.entry} — {change.title}", size=16, weight=ft.FontWeight.BOLD),
                *[_field(f) for f in change.fields],
            ],
            spacing=8,
        ),
    )


def diff_controls(diff: GuidanceDiff, words: Callable[[str], str]) -> list[ft.Control]:
    if diff.same:
        return [notice(f"No difference: {words(diff.old)} and {words(diff.new)} hold the same guidance.")]
    out: list[ft.Control] = [
        ft.Text(
            f"From {words(diff.old)} to {words(diff.new)}: {len(diff.added)} added, "
            f"{len(diff.removed)} removed, {len(diff.changed)} changed.",
            size=16,
        )
    ]
    for title, items in (("Added", diff.added), ("Removed", diff.removed)):
        if items:
            out.append(heading(title, size=16))
            out += [ft.Text(f"{entry} — {name}", size=15, color=MUTED) for entry, name in items]
    if diff.changed:
        out.append(heading("Changed", size=16))
        out += [_entry(c) for c in diff.changed]
    return out
