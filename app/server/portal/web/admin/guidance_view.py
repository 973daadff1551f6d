"""Guidance versions: the published versions; publish a file (chosen or pasted, checked as by the
CLI, problems by entry and field); what changed between two versions."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.server.portal.admin.guidance import PACKAGED
from app.server.portal.web.admin.common import admin_frame, table, when
from app.server.portal.web.admin.guidance_diff_view import diff_controls
from app.server.portal.web.admin.guidance_state import GuidanceState
from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.widgets import heading, notice, use_form

EXPLAIN = (
    "Guidance is shared by every team on this server: a version published here reaches every "
    "tablet at its next sync. Each file is checked first (every factor, prompt and context code "
    "the assessment uses needs its entry), exactly as `safesleep server publish-guidance` does."
)


def version_words(version: str) -> str:
    return "Packaged with the server" if version == PACKAGED else version


def _pick(label: str, ident: str, value: str, options: list[str], on_pick: Any) -> ft.Control:
    return ft.Semantics(
        label=label,
        identifier=ident,
        value=version_words(value),
        content=ft.Dropdown(
            label=label,
            value=value or None,
            options=[ft.DropdownOption(key=v, text=version_words(v)) for v in options],
            on_select=lambda e: on_pick(e.control.value or ""),
            width=420,
        ),
    )


@ft.component
def GuidanceView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st, _ = ft.use_state(GuidanceState(auth=auth))
    ft.use_effect(st.load, dependencies=[])
    v = use_form()
    picker = ft.use_memo(lambda: ft.FilePicker(), dependencies=[])

    async def choose_file(_: Any) -> None:
        files = await picker.pick_files(
            dialog_title="Guidance file", allowed_extensions=["toml"], with_data=True
        )
        if files:
            st.loaded_file(files[0].name, files[0].bytes)

    rows: list[list[str | ft.Control]] = [
        [
            version_words(r.version),
            when(r.published, never="—"),
            str(r.entries),
            "Newest: tablets get this one" if r.newest else "",
        ]
        for r in st.versions
    ]
    controls: list[ft.Control] = [
        ft.Text(EXPLAIN, size=16),
        heading("Versions", size=18),
        table(("Version", "Published", "Entries", ""), rows),
        heading("Publish a new version", size=18),
        ft.Row(
            [
                ft.OutlinedButton("Choose a guidance file…", on_click=choose_file),
                ft.Text(
                    f"Chosen: {st.loaded} ({len(st.loaded_text.encode()) // 1024 or 1} kB)"
                    if st.loaded
                    else "or paste the file's text below",
                    size=15,
                ),
            ],
            wrap=True,
        ),
        ft.TextField(
            label="Guidance file text (TOML)",
            value=v.get("text", ""),  # what was typed, so a re-render never empties the field
            multiline=True,
            min_lines=4,
            max_lines=10,
            on_change=lambda e: v.__setitem__("text", e.control.value or ""),
            text_size=14,
            disabled=bool(st.loaded),
        ),
        ft.Row([ft.FilledButton("Check and publish", on_click=lambda _: st.publish(v.get("text", "")))]),
    ]
    if st.problems:
        controls.append(
            notice(
                "Not published. Please correct the file:\n" + "\n".join(f"• {p}" for p in st.problems),
                error=True,
            )
        )
    if st.done:
        controls.append(notice(st.done))
    names = [r.version for r in st.versions]
    controls += [
        heading("What changed between two versions", size=18),
        ft.Row(
            [
                _pick("From", "diff-from", st.old, names, lambda x: st.choose("old", x)),
                _pick("To", "diff-to", st.new, names, lambda x: st.choose("new", x)),
                ft.FilledButton("Show what changed", on_click=lambda _: st.compare()),
            ],
            wrap=True,
            spacing=12,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        ),
    ]
    if st.diff_problem:
        controls.append(notice(st.diff_problem, error=True))
    if st.diff:
        controls += diff_controls(st.diff, version_words)
    return admin_frame(auth, "Guidance versions", st.missing, *controls)
