"""The caseload search box: never re-rendered while typing (no round trip races the keys)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft


@ft.component
def _SearchBox(on_search: Callable[[str], None], initial: str) -> ft.Control:
    return ft.TextField(
        label="Search caseload",
        hint_text="Surname, baby's name or postcode",
        value=initial,
        prefix_icon=ft.Icons.SEARCH,
        text_size=16,
        on_change=lambda e: on_search(e.control.value or ""),
    )


SearchBox = ft.memo(_SearchBox)  # type: ignore[no-untyped-call]  # flet's memo is untyped
