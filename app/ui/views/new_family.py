"""New family: the household's name, postcode and its baby."""

from __future__ import annotations

import flet as ft

from app.services import families
from app.services.problems import AnswerError
from app.ui.context import AppCtx
from app.ui.state import AppState
from app.ui.views.widgets import nav_button, page_body

FIELDS = (
    ("name", "Household name", "e.g. Okafor family"),
    ("surname", "Surname", ""),
    ("address", "Address", ""),
    ("postcode", "Postcode", "e.g. SO14 7DU"),
    ("baby_name", "Baby's name", ""),
    ("baby_born", "Baby's date of birth", "YYYY-MM-DD"),
)
ERROR_KEYS = {
    "family.name": "name",
    "family.surname": "surname",
    "family.address": "address",
    "family.postcode": "postcode",
    "baby.name": "baby_name",
    "baby.date_of_birth": "baby_born",
}


@ft.component
def NewFamilyView() -> ft.View:
    app: AppState = ft.use_context(AppCtx)
    page = ft.context.page
    typed = ft.use_ref(lambda: dict.fromkeys((k for k, _, _ in FIELDS), ""))
    values: dict[str, str] = typed.current
    error, set_error = ft.use_state(("", ""))

    def save() -> None:
        try:
            fid = families.create_family(store=app.store, **values)
        except AnswerError as exc:
            set_error((ERROR_KEYS.get(exc.path, "name"), f"{exc.path}: {exc.message}"))
            return
        page.navigate(f"/family/{fid}")

    def field(key: str, label: str, hint: str) -> ft.Control:
        return ft.TextField(
            label=label,
            hint_text=hint or None,
            value=values[key],
            text_size=16,
            error=error[1] if error[0] == key else None,
            on_change=lambda e: values.__setitem__(key, e.control.value or ""),
        )

    return ft.View(
        route="/family/new",
        appbar=ft.AppBar(title=ft.Text("New family")),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                *[field(*f) for f in FIELDS],
                nav_button("Save family", lambda e: save(), primary=True, icon=ft.Icons.SAVE),
            )
        ],
    )
