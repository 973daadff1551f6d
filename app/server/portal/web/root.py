"""The portal's root component and the Flet entry point for each browser session."""

from __future__ import annotations

import asyncio
from typing import Any

import flet as ft

from app.server.portal.service import Portal
from app.server.portal.web.context import AuthCtx, ChronCtx, ItemCtx, MoreCtx, PdfCtx, PrintCtx, QueueCtx
from app.server.portal.web.state import AuthState, ItemState, QueueState
from app.server.portal.web.views.item import ItemView
from app.server.portal.web.views.queue import QueueView
from app.server.portal.web.views.sign_in import SignInView
from app.ui.pdf_links import PdfLinks

IDLE_CHECK_SECONDS = 20


def _routes() -> list[ft.Route]:
    from app.server.portal.web.admin import admin_routes
    from app.server.portal.web.more_routes import records_routes
    from app.server.portal.web.views.family import FamilyView
    from app.server.portal.web.views.figures import FiguresView

    children = [
        ft.Route(path="item/:vid", component=ItemView),
        ft.Route(path="figures", component=FiguresView),
        ft.Route(path="family/:fid", component=FamilyView),
        *records_routes(),
        *admin_routes(),
    ]
    return [ft.Route(path="/", component=QueueView, children=children)]


@ft.component
def Portal_(portal: Portal, link_for: Any, print_link: Any) -> Any:
    auth, _ = ft.use_state(AuthState(portal=portal))
    q, _ = ft.use_state(QueueState(auth=auth))
    item, _ = ft.use_state(ItemState(auth=auth))
    more, _ = ft.use_state(_more_state(auth))
    chron, _ = ft.use_state(_chron_state(auth))
    page = ft.context.page
    ft.use_effect(lambda: page.run_task(idle_watch, auth), dependencies=[])
    if auth.person is None:
        return AuthCtx(
            auth, lambda: [ft.View(route="/sign-in", controls=[SignInView()], scroll=ft.ScrollMode.AUTO)]
        )
    routes = _routes()

    def routed() -> Any:
        return QueueCtx(
            q,
            lambda: ItemCtx(
                item,
                lambda: MoreCtx(
                    more,
                    lambda: ChronCtx(
                        chron,
                        lambda: PdfCtx(
                            link_for,
                            lambda: PrintCtx(print_link, lambda: ft.Router(routes, manage_views=True)),
                        ),
                    ),
                ),
            ),
        )

    return AuthCtx(auth, routed)


def _more_state(auth: AuthState) -> Any:
    """State of the screens beyond the queue (team figures)."""
    from app.server.portal.web.state_more import FiguresState

    return FiguresState(auth=auth)


def _chron_state(auth: AuthState) -> Any:
    from app.server.portal.web.state_more import ChronologyState

    return ChronologyState(auth=auth)


def make_main(portal: Portal, pdfs: PdfLinks, prints: PdfLinks) -> Any:
    """The Flet entry point: one portal per browser session."""

    def main(page: ft.Page) -> None:
        import secrets

        page.title = "Safer Sleep Visits — base portal"
        page.theme = ft.Theme(color_scheme_seed="#1B5E9E", visual_density=ft.VisualDensity.STANDARD)
        page.theme_mode = ft.ThemeMode.LIGHT
        session_id = secrets.token_hex(16)

        def link_for(pdf: bytes, name: str) -> str:
            return f"/portal/files/{pdfs.add(pdf, session=session_id, name=name)}.pdf"

        def print_link(make: Any, name: str) -> str:
            return f"/portal/print/{prints.add_maker(make, session=session_id, name=name)}.pdf"

        def forget(_: Any) -> None:
            pdfs.forget_session(session_id)
            prints.forget_session(session_id)

        page.on_close = forget
        page.render_views(Portal_, portal, link_for, print_link)

    return main


async def idle_watch(auth: AuthState) -> None:
    """Sign the screen out as soon as the server has ended the session (15 idle minutes)."""
    while True:
        await asyncio.sleep(IDLE_CHECK_SECONDS)
        if auth.token:
            await asyncio.to_thread(auth.still_signed_in)
