"""Users: the team's accounts (email, role, state); add one, disable or enable it, reset its password."""

from __future__ import annotations

from typing import Any

import flet as ft

from app.server.portal.admin.users import UserRow
from app.server.portal.web.admin.common import admin_frame, confirm, one_time, row_actions, show_once, table
from app.server.portal.web.admin.users_state import ROLE_WORDS, STATE_WORDS, UsersState
from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.widgets import heading, notice, use_form

PASSWORD_ADVICE = (
    "Shown only now: the server keeps no copy. Give it to the person yourself (in person or by "
    "phone, never in the same email as their sign-in address). They sign in with their email and "
    "this password."
)


def _reset(st: UsersState, row: UserRow) -> None:
    st.reset_password(row.id)
    if st.issued:
        show_once(f"New password for {st.issued.email}", st.issued.password, PASSWORD_ADVICE)
        st.issued = None


def _actions(st: UsersState, row: UserRow, me: bool) -> ft.Control:
    buttons: list[ft.Control] = []
    if row.state == "disabled":
        buttons.append(ft.TextButton("Enable", on_click=lambda _: st.set_enabled(row.id, True)))
    elif not me:
        buttons.append(ft.TextButton("Disable", on_click=lambda _: st.set_enabled(row.id, False)))
    if not me:
        buttons.append(
            ft.TextButton(
                "Reset password",
                on_click=confirm(
                    f"Reset the password of {row.email}?",
                    "Their old password stops working and any open session ends. "
                    "You will see the new password once.",
                    "Yes, reset the password",
                    lambda: _reset(st, row),
                ),
            )
        )
    return row_actions(f"user {row.email}", *buttons) if buttons else ft.Text("(you)", size=15)


def _table(st: UsersState, me: str) -> ft.Control:
    return table(
        ("Email", "Name", "Role", "State", ""),
        [
            [
                r.email,
                r.name,
                ROLE_WORDS.get(r.role, r.role),
                STATE_WORDS.get(r.state, r.state),
                _actions(st, r, r.email == me),
            ]
            for r in st.rows
        ],
    )


@ft.component
def UsersView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st, _ = ft.use_state(UsersState(auth=auth))
    ft.use_effect(st.load, dependencies=[])
    v = use_form()

    def keep(key: str) -> Any:
        return lambda e: v.__setitem__(key, e.control.value or "")

    me = auth.person.email if auth.person else ""

    def add(_: Any) -> None:
        st.add(v.get("email", ""), v.get("name", ""))
        if st.issued:
            v.clear()

    form = ft.ResponsiveRow(
        [
            ft.TextField(
                label="Email",
                key=f"email-{st.form_round}",
                value=v.get("email", ""),  # what was typed: a re-render after an error keeps it
                on_change=keep("email"),
                keyboard_type=ft.KeyboardType.EMAIL,
                text_size=16,
                col={"xs": 12, "md": 6, "xl": 4},
            ),
            ft.TextField(
                label="Name (as shown in records)",
                key=f"name-{st.form_round}",
                value=v.get("name", ""),
                on_change=keep("name"),
                text_size=16,
                col={"xs": 12, "md": 6, "xl": 3},
            ),
            ft.Semantics(
                label="Role",
                container=True,
                col={"xs": 12, "xl": 5},
                content=ft.RadioGroup(
                    key=f"role-{st.form_round}",
                    value=st.role or None,
                    on_change=lambda e: setattr(st, "role", e.control.value or ""),
                    content=ft.Row(
                        [ft.Text("Role:", size=16)]
                        + [ft.Radio(value=k, label=w) for k, w in ROLE_WORDS.items()],
                        spacing=4,
                    ),
                ),
            ),
        ],
        spacing=12,
        run_spacing=12,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
    controls: list[ft.Control] = [heading("Add a person", size=18), form]
    if st.problem:
        controls.append(notice("Please check: " + st.problem, error=True))
    controls.append(ft.Row([ft.FilledButton("Add person", on_click=add, height=44)]))
    if st.done:
        controls.append(notice(st.done))
    if st.issued:
        controls.append(
            one_time(f"Temporary password for {st.issued.email}", st.issued.password, PASSWORD_ADVICE)
        )
    team = auth.person.team_name if auth.person else ""
    controls += [
        heading(f"People in {team} ({len(st.rows)})", size=18),
        _table(st, me),
    ]
    return admin_frame(auth, "Users", st.missing, *controls)
