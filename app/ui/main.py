"""Serve the Flet web app and its small API (leaflet PDFs) in one process, offline (no CDN)."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

import flet as ft

from app.ui.context import AppCtx, CaseloadCtx, PdfCtx, VisitCtx
from app.ui.pdf_links import LINKS
from app.ui.state import AppState, CaseloadState, VisitState
from app.ui.views.caseload import CaseloadView
from app.ui.views.family import FamilyView
from app.ui.views.leaflet import LeafletView
from app.ui.views.new_family import NewFamilyView
from app.ui.views.review import ReviewView
from app.ui.views.settings import SettingsView
from app.ui.views.sign import SignView
from app.ui.views.unlock import UnlockView
from app.ui.views.visit_step import VisitStepView

log = logging.getLogger("safesleep.ui")

# Blocks every fetch that is not this server (the web bundle tries a CDN for rive_native.js).
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' "
       "blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self' data:; connect-src 'self' ws: wss: blob: data:; worker-src 'self' blob:; "
       "frame-src 'self'; object-src 'self'")

ROUTES = [
    ft.Route(path="/", component=CaseloadView, children=[
        ft.Route(path="settings", component=SettingsView),
        ft.Route(path="family/new", component=NewFamilyView),
        ft.Route(path="family/:fid", component=FamilyView, children=[
            ft.Route(path="visit/:vid/step/:step", component=VisitStepView),
            ft.Route(path="visit/:vid/review", component=ReviewView, children=[
                ft.Route(path="leaflet", component=LeafletView),
                ft.Route(path="sign", component=SignView),
            ]),
        ]),
    ]),
]


@ft.component
def App(home: Path, demo: bool, session_id: str) -> Any:
    app, _ = ft.use_state(lambda: AppState(home=home, demo=demo))
    caseload, _ = ft.use_state(CaseloadState)
    visit, _ = ft.use_state(VisitState)

    def link_for(pdf: bytes, name: str) -> str:
        return f"/leaflets/{LINKS.add(pdf, session=session_id, name=name)}.pdf"

    if app.phase != "open":
        return AppCtx(app, lambda: [UnlockView()])
    caseload._store = app.store

    def routed() -> Any:
        return CaseloadCtx(caseload, lambda: VisitCtx(
            visit, lambda: PdfCtx(link_for, lambda: ft.Router(ROUTES, manage_views=True))))

    return AppCtx(app, routed)


def make_main(*, home: Path, demo: bool) -> Any:
    """The Flet entry point for one browser session."""

    def main(page: ft.Page) -> None:
        page.title = "Safer Sleep Visits"
        page.theme = ft.Theme(color_scheme_seed="#1A4D8F",
                              visual_density=ft.VisualDensity.STANDARD)  # 48 px targets
        page.theme_mode = ft.ThemeMode.LIGHT
        session_id = secrets.token_hex(16)
        page.on_close = lambda e: LINKS.forget_session(session_id)
        page.on_error = lambda e: log.error("app error: %s", e.data)
        page.render_views(App, home, demo, session_id)

    return main


def build_app(*, home: Path, demo: bool = False) -> Any:
    """One ASGI app: the leaflet route first, then the Flet web client mounted at /."""
    import flet_web.fastapi as flet_fastapi
    from fastapi import HTTPException, Request, Response

    api = flet_fastapi.FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @api.middleware("http")
    async def no_network(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @api.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @api.get("/leaflets/{token}.pdf")
    def leaflet(token: str) -> Response:
        found = LINKS.get(token)
        if found is None:
            raise HTTPException(status_code=404, detail="This leaflet link has expired.")
        pdf, name = found
        return Response(pdf, media_type="application/pdf", headers={
            "Cache-Control": "no-store",
            "Content-Disposition": f'inline; filename="{name}"',
        })

    api.mount("/", flet_fastapi.app(make_main(home=home, demo=demo), no_cdn=True))
    return api


def serve(*, host: str = "127.0.0.1", port: int = 8550, demo: bool = False) -> None:
    """Serve the app on http://HOST:PORT and block (the store lives in settings.home)."""
    import uvicorn

    from app.settings import get_settings

    home = get_settings().home
    home.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s")
    uvicorn.run(build_app(home=home, demo=demo), host=host, port=port,
                ws="websockets-sansio", log_config=None, log_level="warning")
