"""Enrolment, push, pull and the guidance (parsing and answering; the work is in app.server.sync_service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.protocol.limits import CODE_MAX, PULL_LIMIT_MAX, SEQ_MAX
from app.protocol.wire import GuidanceDocument, GuidanceLatest, PullResponse, PushRequest, PushResponse
from app.server import sync_service
from app.server.admin import EnrolmentRefused
from app.server.deps import ApiError, DeviceDep, SessionDep
from app.server.enrol_limit import client_key
from app.server.guidance_publish import guidance_document, latest_guidance
from app.server.schemas import EnrolRequest, EnrolResponse, ErrorBody

router = APIRouter()
ERRORS: dict[int | str, dict[str, object]] = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}}


@router.post(
    "/enrol", response_model=EnrolResponse, responses={400: {"model": ErrorBody}, 429: {"model": ErrorBody}}
)
def enrol(body: EnrolRequest, request: Request) -> EnrolResponse:
    """Exchange a one-time enrolment code for a device token (shown only in this answer)."""
    client = client_key(request.client.host if request.client else None)
    try:
        enrolled = sync_service.enrol(
            engine=request.app.state.engine, client=client, code=body.code, device_name=body.device_name
        )
    except sync_service.TooManyAttempts as exc:
        raise ApiError(429, "too_many_attempts", str(exc)) from None
    except EnrolmentRefused as exc:
        raise ApiError(400, "enrolment_refused", str(exc)) from None
    return EnrolResponse(
        device_id=enrolled.device_id,
        token=enrolled.token,
        team_id=enrolled.team_id,
        team_name=enrolled.team_name,
    )


@router.post(
    "/sync/push",
    response_model=PushResponse,
    responses=ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
                }
            },
        }
    },
)
async def push(request: Request, device: DeviceDep) -> Response:
    """Apply a batch of ops in one transaction; every op gets (and keeps) its answer.

    The body is parsed straight from bytes by pydantic (pydantic-core's JSON parser): batches
    carry thousands of records.
    """
    try:
        body = PushRequest.model_validate_json(await request.body())
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
    text = await run_in_threadpool(
        lambda: sync_service.push(
            engine=request.app.state.engine,
            body=body,
            team_id=device.team_id,
            device_id=device.device_id,
            guidance=request.app.state.guidance,
        )
    )
    return Response(text, media_type="application/json")


@router.get("/sync/pull", response_model=PullResponse, responses=ERRORS)
def pull(
    device: DeviceDep,
    session: SessionDep,
    since: Annotated[int, Query(ge=0, le=SEQ_MAX, description="The last seq this device stored.")] = 0,
    limit: Annotated[int, Query(ge=1, le=PULL_LIMIT_MAX)] = 500,
) -> Response:
    """The team's changes after `since`, in server commit order (a page bounded in size)."""
    page = sync_service.pull(
        session=session, team_id=device.team_id, device_id=device.device_id, since=since, limit=limit
    )
    return Response(page.text, media_type="application/json")


@router.get("/guidance/latest", response_model=GuidanceLatest, responses=ERRORS)
def guidance_latest(
    device: DeviceDep,
    session: SessionDep,
    since_version: Annotated[
        str | None,
        Query(
            max_length=CODE_MAX, description="The newest version this device holds (its text is not sent)."
        ),
    ] = None,
) -> GuidanceLatest:
    """The newest guidance published at base (the same for every team): devices fetch it at sync."""
    _ = device  # any enrolled, unrevoked device
    return latest_guidance(session=session, since_version=since_version)


@router.get(
    "/guidance/versions/{version}",
    response_model=GuidanceDocument,
    responses={**ERRORS, 404: {"model": ErrorBody}},
)
def guidance_version(
    device: DeviceDep, session: SessionDep, version: Annotated[str, Path(max_length=CODE_MAX)]
) -> GuidanceDocument:
    """One published guidance version (a device holding a visit signed with it fetches it once)."""
    _ = device
    found = guidance_document(session=session, version=version)
    if found is None:
        raise ApiError(404, "not_found", f"guidance version {version!r} was not published on this server")
    return found
