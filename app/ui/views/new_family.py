"""New family: the household's name and postcode, its first parent or carer, and its baby."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.services import families
from app.services.families import RELATIONSHIPS, PersonInput
from app.services.problems import AnswerError
from app.ui.context import use_app
from app.ui.hooks import use_typed_text
from app.ui.presenters import relationship_words
from app.ui.theme import ERROR_TEXT
from app.ui.views.app_bar import app_bar
from app.ui.views.widgets import heading, nav_button, page_body

HOUSEHOLD = (
    ("name", "Household name", "e.g. Okafor family"),
    ("surname", "Surname", ""),
    ("address", "Address", ""),
    ("postcode", "Postcode", "e.g. SO14 7DU"),
)
CARER = (
    ("carer_name", "Parent or carer's name", ""),
    ("carer_phone", "Phone", "e.g. 07700 900123"),
    ("carer_nhs_number", "NHS number", "10 digits, e.g. 943 476 5919"),
)
BABY = (
    ("baby_name", "Baby's name", ""),
    ("baby_born", "Baby's date of birth", "dd/mm/yyyy"),
)
ERROR_KEYS = {
    "family.name": "name",
    "family.surname": "surname",
    "family.address": "address",
    "family.postcode": "postcode",
    "baby.name": "baby_name",
    "baby.date_of_birth": "baby_born",
    "carers[0].name": "carer_name",
    "carers[0].relationship": "carer_relationship",
    "carers[0].phone": "carer_phone",
    "carers[0].nhs_number": "carer_nhs_number",
}
GRID: dict[str | ft.ResponsiveRowBreakpoint, int | float] = {"xs": 6, "md": 4}


@ft.component
def NewFamilyView() -> ft.View:
    page = ft.context.page
    app = use_app()
    values = use_typed_text(lambda: dict.fromkeys((k for k, _, _ in HOUSEHOLD + CARER + BABY), ""))
    relationship, set_relationship = ft.use_state("mother")
    error, set_error = ft.use_state(("", ""))

    def save() -> None:
        carers = []
        if (
            values["carer_name"].strip()
            or values["carer_phone"].strip()
            or values["carer_nhs_number"].strip()
        ):
            carers.append(
                PersonInput(
                    name=values["carer_name"],
                    relationship=relationship,
                    phone=values["carer_phone"],
                    nhs_number=values["carer_nhs_number"],
                )
            )
        try:
            fid = families.create_family(
                store=app.store,
                name=values["name"],
                surname=values["surname"],
                postcode=values["postcode"],
                address=values["address"],
                baby_name=values["baby_name"],
                baby_born=values["baby_born"],
                carers=carers,
            )
        except AnswerError as exc:
            key = ERROR_KEYS.get(exc.path, "name")
            set_error((key, exc.message[:1].upper() + exc.message[1:]))
            return
        page.navigate(f"/family/{fid}")

    def keep(key: str) -> Callable[[ft.Event[ft.TextField]], None]:
        return lambda e: values.__setitem__(key, e.control.value or "")

    def field(key: str, label: str, hint: str) -> ft.Control:
        return ft.TextField(
            label=label,
            hint_text=hint or None,
            value=values[key],
            text_size=16,
            error=error[1] if error[0] == key else None,
            error_max_lines=3,
            on_change=keep(key),
        )

    relation = ft.Semantics(
        container=True,
        label="Relationship to the baby",
        content=ft.Column(
            [
                ft.Text("Relationship to the baby", size=16, weight=ft.FontWeight.W_600),
                ft.RadioGroup(
                    value=relationship,
                    on_change=lambda e: set_relationship(e.control.value or ""),
                    content=ft.ResponsiveRow(
                        [
                            ft.Radio(
                                value=r,
                                label=relationship_words(r),
                                label_style=ft.TextStyle(size=16),
                                col=GRID,
                            )
                            for r in RELATIONSHIPS
                        ],
                        spacing=0,
                        run_spacing=0,
                    ),
                ),
            ]
            + ([ft.Text(error[1], color=ERROR_TEXT, size=14)] if error[0] == "carer_relationship" else []),
            spacing=6,
        ),
    )
    return ft.View(
        route=ft.use_view_path(),
        appbar=app_bar("New family"),
        scroll=ft.ScrollMode.AUTO,
        controls=[
            page_body(
                heading("Household"),
                *[field(*f) for f in HOUSEHOLD],
                heading("Parent or carer"),
                field(*CARER[0]),
                relation,
                *[field(*f) for f in CARER[1:]],
                ft.Text("More carers and other adults can be added on the family's page.", size=14),
                heading("Baby"),
                *[field(*f) for f in BABY],
                nav_button("Save family", lambda e: save(), primary=True, icon=ft.Icons.SAVE),
            )
        ],
    )
