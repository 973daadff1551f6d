"""Mount the portal on the team server: PDF route, security headers, Flet web at / (after the API)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.server.deps import ApiError
from app.ui.pdf_links import PdfLinks

# The Flet web client needs inline scripts and wasm; nothing may load from elsewhere or frame us.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self' ws: wss: blob: data:; worker-src 'self' blob:; object-src 'self'; "
    "frame-ancestors 'none'"
)
NO_STORE_TYPES = (b"text/html", b"application/json", b"application/pdf")
PORTAL_PDFS = PdfLinks()
PORTAL_PRINTS = PdfLinks()  # made when first opened (add_maker)


class SecurityHeaders:
    """frame-ancestors 'none' on everything; no-store on pages, API answers and PDFs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def headed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() != b"cache-control" or not _is_page(message)
                ]
                kept = dict((k.lower(), v) for k, v in headers)
                if _is_page(message):
                    headers.append((b"cache-control", b"no-store"))
                if b"content-security-policy" not in kept:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers.append((b"x-frame-options", b"DENY"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, headed)


def _is_page(message: Message) -> bool:
    for k, v in message.get("headers", []):
        if k.lower() == b"content-type":
            return any(bytes(v).startswith(t) for t in NO_STORE_TYPES)
    return False


def _pdf_response(pdf: bytes, name: str) -> Response:
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Cache-Control": "no-store", "Content-Disposition": f'inline; filename="{name}"'},
    )


def mount_portal(app: FastAPI) -> None:
    """Add the portal to `app`: call after every API route is registered."""
    import flet_web.fastapi as flet_fastapi

    from app.server.portal.service import Portal
    from app.server.portal.web.root import make_main

    portal = Portal(app.state.engine, app.state.guidance)
    app.state.portal = portal

    @app.get("/portal/files/{token}.pdf", include_in_schema=False)
    def portal_pdf(token: str) -> Response:
        found = PORTAL_PDFS.get(token)
        if found is None:
            raise ApiError(404, "not_found", "This PDF link has expired; make the PDF again in the portal.")
        return _pdf_response(*found)

    @app.get("/portal/print/{token}.pdf", include_in_schema=False)
    def portal_print(token: str) -> Response:
        from app.server.portal.accounts import NotSignedIn
        from app.server.portal.queue import NotFound

        try:
            found = PORTAL_PRINTS.get(token)
        except NotSignedIn:
            raise ApiError(
                404, "not_found", "Your session has ended: sign in again and print again."
            ) from None
        except NotFound:
            raise ApiError(404, "not_found", "Not found: no such family in your team.") from None
        if found is None:
            raise ApiError(404, "not_found", "This print link has expired; press Print again in the portal.")
        return _pdf_response(*found)

    previous = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(inner: Any) -> AsyncIterator[None]:
        await flet_fastapi.app_manager.start()  # a mounted app's own lifespan never runs
        try:
            async with previous(inner):
                yield
        finally:
            await flet_fastapi.app_manager.shutdown()

    app.router.lifespan_context = lifespan
    app.add_middleware(SecurityHeaders)
    app.mount("/", flet_fastapi.app(make_main(portal, PORTAL_PDFS, PORTAL_PRINTS), no_cdn=True))
