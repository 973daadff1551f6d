"""The family screen's people: carers and other adults, each with Edit, and the Add buttons."""

from __future__ import annotations

import flet as ft

from app.services.families import Person
from app.ui.presenters import person_words
from app.ui.views.widgets import heading, nav_button


def people_section(
    title: str, people: tuple[Person, ...], fid: str, *, kind: str, add: str
) -> list[ft.Control]:
    page = ft.context.page
    out: list[ft.Control] = [heading(title)]
    if not people:
        out.append(ft.Text("None recorded", size=15))
    for p in people:
        out.append(
            ft.Row(
                [
                    ft.Text(person_words(p), size=16, expand=True),
                    nav_button(
                        f"Edit {p.name}",
                        lambda e, i=p.index: page.navigate(f"/family/{fid}/person/{kind}/{i}"),
                        icon=ft.Icons.EDIT,
                        compact=True,
                    ),
                ],
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
            )
        )
    out.append(
        ft.Row(
            [
                nav_button(
                    add, lambda e: page.navigate(f"/family/{fid}/person/{kind}/new"), icon=ft.Icons.PERSON_ADD
                )
            ]
        )
    )
    return out
