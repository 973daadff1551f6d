"""One sync conflict: the server's value and the tablet's side by side; keep one (confirmed)."""

from __future__ import annotations

import flet as ft

from app.server.portal.admin.conflicts import ConflictView
from app.server.portal.web.admin.common import admin_frame, confirm, when
from app.server.portal.web.admin.conflict_words import side_card
from app.server.portal.web.admin.conflicts_state import ConflictState
from app.server.portal.web.admin.conflicts_view import title
from app.server.portal.web.context import AuthCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.widgets import go, labelled, notice


def _keep(st: ConflictState, c: ConflictView, side: str) -> ft.Control:
    value, whose = (c.server, "the server's") if side == "server" else (c.device, "the tablet's")
    return ft.FilledButton(
        f"Keep {whose} value",
        on_click=confirm(
            f"Keep {value!r} for {c.field}?",
            f"{c.record}: {c.field} becomes {value}, and every tablet receives it at its next sync. "
            "The other value stays in this conflict's record.",
            f"Yes, keep {whose} value",
            lambda: st.keep(side),
        ),
    )


@ft.component
def ConflictView_() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st, _ = ft.use_state(ConflictState(auth=auth))
    cid = ft.use_route_params().get("cid", "")
    ft.use_effect(lambda: st.open(cid), dependencies=[cid])
    c = st.conflict
    if c is None:
        return admin_frame(auth, "Sync conflict", st.missing, notice(st.missing or "Loading…"))
    open_ = c.resolved_at is None
    sides = ft.ResponsiveRow(
        [
            side_card("On the server now", c.server, _keep(st, c, "server") if open_ else None),
            side_card(
                f"From {c.device_name} ({c.device_owner}), {when(c.created)}",
                c.device,
                _keep(st, c, "device") if open_ else None,
            ),
        ],
        spacing=12,
        run_spacing=12,
    )
    controls: list[ft.Control] = [
        labelled("Record", c.record),
        labelled("Field", c.field),
        labelled("Before both changes", c.base),
        sides,
    ]
    if st.problem:
        controls.append(notice("Please check: " + st.problem, error=True))
    if st.done:
        controls.append(notice(st.done))
    elif not open_:
        controls.append(
            notice(f"Resolved {when(c.resolved_at)} by {c.resolved_by}: kept {c.resolved_value}.")
        )
    controls.append(
        ft.Row([ft.OutlinedButton("Back to the sync conflicts", on_click=go("/admin/conflicts"))])
    )
    return admin_frame(auth, f"Sync conflict: {title(c)}", "", *controls)
