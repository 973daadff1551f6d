"""Devices: the team's tablets (owner, enrolled, last sync, revoked); an enrolment code as text and
QR for a practitioner; revoke a device (after a confirmation)."""

from __future__ import annotations

import datetime as dt

import flet as ft

from app.server.portal.admin.devices import Code, DeviceLine
from app.server.portal.web.admin.common import admin_frame, confirm, one_time, row_actions, table, when
from app.server.portal.web.admin.devices_state import DevicesState
from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.widgets import heading, notice


def _code(code: Code, server: str) -> ft.Control:
    minutes = max(1, round((code.expires - dt.datetime.now(dt.UTC)).total_seconds() / 60))
    advice = (
        f"For {code.email}. Valid until {when(code.expires)} ({minutes} minutes) and for one device only; "
        f"shown only now. On the tablet: open Settings, then Link to team server; enter the server address"
        f"{f' ({server})' if server else ''} and this code."
    )
    return ft.ResponsiveRow(
        [
            ft.Container(one_time("Enrolment code", code.code, advice), col={"xs": 12, "md": 8}),
            ft.Semantics(
                label=f"QR code of the enrolment code {code.code}",
                image=True,
                col={"xs": 12, "md": 4},
                content=ft.Image(src=code.qr_png, width=220, height=220),
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def _http_address(url: str) -> str:
    """The server's address as a browser shows it (Flet gives the page's websocket address)."""
    for ws, http in (("wss://", "https://"), ("ws://", "http://")):
        if url.startswith(ws):
            url = http + url[len(ws) :]
    return url.removesuffix("/ws").rstrip("/") if url.startswith("http") else ""


def _state(row: DeviceLine) -> str:
    return f"Revoked {when(row.revoked_at)}" if row.revoked_at else "Active"


def _actions(st: DevicesState, row: DeviceLine) -> ft.Control:
    if row.revoked_at:
        return ft.Text("", size=15)
    return row_actions(
        f"device {row.name}",
        ft.TextButton(
            "Revoke",
            on_click=confirm(
                f"Revoke {row.name}?",
                f"It belongs to {row.owner or 'the team'}. It will no longer sync: records not yet "
                "synced stay on the tablet, and the tablet must be enrolled again with a new code.",
                "Yes, revoke it",
                lambda: st.revoke(row.id),
            ),
        ),
    )


@ft.component
def DevicesView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st, _ = ft.use_state(DevicesState(auth=auth))
    ft.use_effect(st.load, dependencies=[])
    page = ft.context.page
    server = _http_address(str(getattr(page, "url", "") or ""))
    names = {str(i): f"{name} ({email})" for i, email, name in st.practitioners}
    picker = ft.Semantics(
        label="Practitioner",
        identifier="enrol-practitioner",
        value=names.get(st.chosen, "not chosen"),
        content=ft.Dropdown(
            label="Practitioner",
            value=st.chosen or None,
            options=[ft.DropdownOption(key=k, text=t) for k, t in names.items()],
            on_select=lambda e: st.choose(e.control.value or ""),
            width=540,
        ),
    )
    controls: list[ft.Control] = [
        heading("Enrol a tablet", size=18),
        ft.Row(
            [picker, ft.FilledButton("Issue enrolment code", on_click=lambda _: st.issue(), height=44)],
            wrap=True,
            spacing=12,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        ),
    ]
    if not names:
        controls.append(notice("No active practitioner in your team: add one under Users first."))
    if st.problem:
        controls.append(notice("Please check: " + st.problem, error=True))
    if st.code:
        controls.append(_code(st.code, server))
    if st.done:
        controls.append(notice(st.done))
    rows: list[list[str | ft.Control]] = [
        [r.name, r.owner or "Team device", when(r.enrolled), when(r.last_sync), _state(r), _actions(st, r)]
        for r in st.rows
    ]
    controls += [
        ft.Row(
            [
                heading(f"Devices ({len(st.rows)})", size=18),
                ft.OutlinedButton("Refresh the list", on_click=lambda _: st.load()),
            ],
            wrap=True,
            spacing=16,
        ),
        table(("Device", "Enrolled to", "Enrolled", "Last sync", "State", ""), rows)
        if rows
        else ft.Text("No device enrolled yet.", size=15),
    ]
    return admin_frame(auth, "Devices", st.missing, *controls)
