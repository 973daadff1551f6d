"""Add or change a carer (name, relationship, phone, NHS number) or another adult in or visiting
the home (name, relationship, lives in or visits, notes)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.services.families import RELATIONSHIPS, PersonInput, PersonKind
from app.ui.context import use_family, use_visit
from app.ui.hooks import use_typed_text
from app.ui.presenters import relationship_words
from app.ui.theme import ERROR_TEXT
from app.ui.views.app_bar import app_bar
from app.ui.views.widgets import heading, nav_button, page_body

GRID: dict[str | ft.ResponsiveRowBreakpoint, int | float] = {"xs": 6, "md": 4}
LIVES = (("lives_in", "Lives in the home"), ("visits", "Visits the home"))


def _choices(
    label: str, value: str, options: list[tuple[str, str]], on_pick: Callable[[str], None], error: str | None
) -> ft.Control:
    radios: list[ft.Control] = [
        ft.Radio(value=v, label=w, label_style=ft.TextStyle(size=16), col=GRID) for v, w in options
    ]
    rows: list[ft.Control] = [
        ft.Text(label, size=16, weight=ft.FontWeight.W_600),
        ft.RadioGroup(
            value=value,
            on_change=lambda e: on_pick(e.control.value or ""),
            content=ft.ResponsiveRow(radios, spacing=0, run_spacing=0),
        ),
    ]
    if error:
        rows.append(ft.Text(error, color=ERROR_TEXT, size=14))
    return ft.Semantics(container=True, label=label, content=ft.Column(rows, spacing=6))


@ft.component
def PersonView() -> ft.View:
    family = use_family()
    page = ft.context.page
    visit = use_visit()
    params = ft.use_route_params()
    fid = params.get("fid", "")
    here = ft.use_view_path() or page.route
    came_from = here.rsplit("/person/", 1)[0]  # the family, or the visit step it was opened from
    kind: PersonKind = "adult" if params.get("kind") == "adult" else "carer"
    index = None if params.get("index", "new") == "new" else int(params.get("index", "0"))
    ft.use_effect(
        lambda: family.open(fid) if family.family_id != fid else family.clear_message(), dependencies=[fid]
    )
    person = family.person(kind, index) if index is not None else None
    v = use_typed_text(
        lambda: {
            "name": person.name if person else "",
            "phone": person.phone if person else "",
            "nhs_number": person.nhs_number if person else "",
            "notes": person.notes if person else "",
        }
    )
    relationship, set_relationship = ft.use_state(person.relationship if person else "")
    lives, set_lives = ft.use_state(
        "lives_in" if person and person.lives_in else ("visits" if person else "")
    )
    errors = family.errors
    who = "carer" if kind == "carer" else "adult"
    title = f"{'Add' if index is None else 'Edit'} {'a carer' if kind == 'carer' else 'another adult'}"

    def keep(key: str) -> Callable[[ft.Event[ft.TextField]], None]:
        return lambda e: v.__setitem__(key, e.control.value or "")

    def save() -> None:
        typed_person = PersonInput(
            name=v["name"],
            relationship=relationship,
            phone=v["phone"],
            nhs_number=v["nhs_number"],
            lives_in={"lives_in": True, "visits": False}.get(lives),
            notes=v["notes"],
        )
        if family.save_person(kind, typed_person, index):
            visit.refresh_people()  # opened from a visit: "who was present" offers them now
            page.navigate(came_from)

    def field(key: str, label: str, **extra: object) -> ft.Control:
        return ft.TextField(
            label=label,
            value=v[key],
            text_size=16,
            error=errors.get(key),
            error_max_lines=3,
            on_change=keep(key),
            **extra,  # type: ignore[arg-type]
        )

    options = [(r, relationship_words(r)) for r in RELATIONSHIPS]
    recorded = ""
    if relationship and relationship not in RELATIONSHIPS:
        options.append((relationship, relationship))  # as recorded before (free text)
        recorded = relationship
    controls: list[ft.Control] = [
        heading(f"{title} — {family.card.name}" if family.card else title, size=22),
        field(
            "name",
            "Name",
            hint_text="Or how they are known, such as 'Unknown male'" if kind == "adult" else None,
        ),
        _choices(
            "Relationship to the baby",
            recorded or relationship,
            options,
            set_relationship,
            errors.get("relationship"),
        ),
    ]
    if kind == "carer":
        controls += [
            field("phone", "Phone", hint_text="e.g. 07700 900123", keyboard_type=ft.KeyboardType.PHONE),
            field(
                "nhs_number",
                "NHS number",
                hint_text="10 digits, e.g. 943 476 5919",
                keyboard_type=ft.KeyboardType.NUMBER,
            ),
        ]
    else:
        controls += [
            _choices("Lives in or visits", lives, list(LIVES), set_lives, errors.get("lives_in")),
            field(
                "notes",
                "Notes",
                multiline=True,
                min_lines=2,
                hint_text="Who they are, whether they stay overnight or care for baby",
            ),
        ]
    controls.append(nav_button(f"Save {who}", lambda e: save(), primary=True, icon=ft.Icons.SAVE))
    return ft.View(
        route=here,
        appbar=app_bar(title),
        scroll=ft.ScrollMode.AUTO,
        controls=[page_body(*controls)],
    )
