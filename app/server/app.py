"""The FastAPI application factory: schema upgrade, routes, size limit and JSON errors."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.server.config import MAX_BODY_BYTES, ServerConfig, server_config
from app.server.db import make_engine, upgrade_schema
from app.server.deps import ApiError
from app.server.guidance_store import GuidanceCache
from app.server.routes import sync, team
from app.server.schemas import Health

log = logging.getLogger("safesleep.server")
HTTP_METHODS = {"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}


def _json_error(status: int, error: str, detail: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail, **extra}, status_code=status)


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuse request bodies over `limit` bytes with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self._refuse(scope, receive, send)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _json_error(
            413,
            "too_large",
            f"request body: must be at most {self.limit // (1024 * 1024)} MB; send fewer ops per batch",
        )
        await response(scope, receive, send)


class CatchAll:
    """Answer any unexpected error with a JSON 500 and log only its type (no data, no traceback)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except _TooLarge:
            raise
        except Exception as exc:
            log.error("unexpected %s (details withheld: may contain personal data)", type(exc).__name__)
            if scope["type"] != "http" or started:
                raise
            response = _json_error(
                500,
                "internal_error",
                "the server could not complete the request; nothing was applied, try again",
            )
            await response(scope, receive, send)


class ApiMethods:
    """A documented API path asked with a method it does not have: 405 naming the methods it has.

    Without this, such a request falls through to the portal mounted at / and is answered for
    the portal's files (`Allow: GET, HEAD`), not for the API resource it names. The methods are
    the OpenAPI document's, so the answer and the document agree."""

    def __init__(self, app: ASGIApp, spec: Callable[[], dict[str, Any]]) -> None:
        self.app, self.spec = app, spec
        self._paths: list[tuple[re.Pattern[str], frozenset[str]]] | None = None

    def _table(self) -> list[tuple[re.Pattern[str], frozenset[str]]]:
        if self._paths is None:
            table = []
            for path, operations in self.spec().get("paths", {}).items():
                methods = {m.upper() for m in operations} & HTTP_METHODS
                if "GET" in methods:
                    methods.add("HEAD")
                table.append((compile_path(path)[0], frozenset(methods)))
            self._paths = table
        return self._paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path, method = scope["path"], scope["method"]
            found = [methods for pattern, methods in self._table() if pattern.match(path)]
            if found and not any(method in methods for methods in found):
                allowed = ", ".join(sorted(set().union(*found)))
                response = _json_error(405, "method_not_allowed", f"{method}: this address takes {allowed}")
                response.headers["Allow"] = allowed
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _problem(err: Any) -> str:
    loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body",))
    return f"{loc or 'body'}: {err.get('msg', 'invalid')}"


def _document_raw_bodies(app: FastAPI) -> None:
    """/sync/push reads its body itself (for speed): add its models to the OpenAPI schemas."""
    from fastapi.openapi.utils import get_openapi

    from app.protocol.wire import PushRequest
    from app.server.schemas import ErrorBody

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            defs = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}").get("$defs", {})
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(defs)
            components["ErrorBody"] = ErrorBody.model_json_schema()
            error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
            for operations in schema.get("paths", {}).values():  # every error is an ErrorBody
                for operation in operations.values():
                    responses = operation.setdefault("responses", {})
                    responses["422"] = {"description": "Invalid request, by field", "content": error}
                    if "requestBody" in operation:
                        responses["400"] = {"description": "Request body could not be read", "content": error}
                        responses["413"] = {"description": "Request body too large", "content": error}
            components.pop("HTTPValidationError", None)
            components.pop("ValidationError", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(
    db_url: str | None = None,
    *,
    migrate: bool = True,
    portal: bool = False,
    config: ServerConfig | None = None,
) -> FastAPI:
    """The team server for `config`, or for `db_url` (default: settings / SQLite in the server home).

    `portal`: also serve the base portal (Flet web) at / after the API routes.
    """
    config = config or server_config(db_url, portal=portal, migrate=migrate)
    url = config.url
    if config.migrate:
        upgrade_schema(url)
    app = FastAPI(
        title="Safer Sleep Visits team server",
        version="1",
        description="Sync, enrolment and review for Safer Sleep Visits devices.",
    )
    app.state.engine = make_engine(url)
    app.state.guidance = GuidanceCache(app.state.engine)
    app.include_router(sync.router)
    app.include_router(team.router)

    @app.get("/health", response_model=Health)
    def health() -> dict[str, str]:
        """Liveness: the server answers and reaches its database."""
        import sqlalchemy as sa

        with app.state.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return {"status": "ok"}

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _json_error(exc.status, exc.error, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [_problem(e) for e in exc.errors()]
        return _json_error(422, "invalid_request", "; ".join(problems), problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        error = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _json_error(exc.status_code, error, str(exc.detail))

    _document_raw_bodies(app)
    if config.portal:
        from app.server.portal.mount import mount_portal

        mount_portal(app)
    app.add_middleware(ApiMethods, spec=app.openapi)
    app.add_middleware(CatchAll)
    app.add_middleware(BodySizeLimit)
    return app
