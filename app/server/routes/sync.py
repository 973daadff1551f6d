"""Enrolment, push and pull."""

from __future__ import annotations

import json
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.server.admin import EnrolmentRefused, enrol_device
from app.server.audit import audit
from app.server.config import MAX_PULL_LIMIT
from app.server.deps import ApiError, DeviceCtx, DeviceDep, SessionDep
from app.server.models import ChangeLog
from app.server.push import apply_batch
from app.server.schemas import EnrolRequest, EnrolResponse, ErrorBody, PullResponse, PushRequest, PushResponse

router = APIRouter()
ERRORS = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}}


@router.post("/enrol", response_model=EnrolResponse, responses={400: {"model": ErrorBody}})
def enrol(body: EnrolRequest, session: SessionDep) -> EnrolResponse:
    """Exchange a one-time enrolment code for a device token (shown only in this answer)."""
    try:
        enrolled = enrol_device(session=session, code=body.code, device_name=body.device_name)
    except EnrolmentRefused as exc:
        session.commit()  # keep the audit of the refusal
        raise ApiError(400, "enrolment_refused", str(exc)) from None
    session.commit()
    return EnrolResponse(
        device_id=enrolled.device_id,
        token=enrolled.token,
        team_id=enrolled.team_id,
        team_name=enrolled.team_name,
    )


def _push_in_transaction(engine: Engine, body: PushRequest, device: DeviceCtx) -> str:
    with Session(engine, expire_on_commit=False) as session:
        results, counts = apply_batch(
            session=session,
            team_id=device.team_id,
            device_id=device.device_id,
            batch_id=body.batch_id,
            ops=body.ops,
        )
        audit(
            session=session,
            action="sync.push",
            team_id=device.team_id,
            device_id=device.device_id,
            ops=len(body.ops),
            **counts,
        )
        session.commit()
    return json.dumps({"batch_id": str(body.batch_id), "results": results})


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
    text = await run_in_threadpool(_push_in_transaction, request.app.state.engine, body, device)
    return Response(text, media_type="application/json")


@router.get("/sync/pull", response_model=PullResponse, responses=ERRORS)
def pull(
    device: DeviceDep,
    session: SessionDep,
    since: Annotated[int, Query(ge=0, description="The last seq this device stored.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 500,
) -> Response:
    """The team's changes after `since`, in server commit order."""
    rows = session.execute(
        sa.select(
            ChangeLog.seq,
            ChangeLog.entity,
            ChangeLog.entity_id,
            ChangeLog.version,
            ChangeLog.payload,
            ChangeLog.hash,
        )
        .where(ChangeLog.team_id == device.team_id, ChangeLog.seq > since)  # type: ignore[operator]
        .order_by(ChangeLog.seq)
        .limit(limit + 1)  # type: ignore[arg-type]
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = rows[-1].seq if rows else since
    audit(
        session=session,
        action="sync.pull",
        team_id=device.team_id,
        device_id=device.device_id,
        since=since,
        changes=len(rows),
    )
    session.commit()
    # Payloads are stored as canonical JSON text: splice them in rather than re-encoding.
    parts = [
        f'{{"seq":{r.seq},"entity":{json.dumps(r.entity)},"id":"{r.entity_id}",'
        f'"version":{r.version},"payload":{r.payload},"hash":{json.dumps(r.hash)}}}'
        for r in rows
    ]
    text = f'{{"changes":[{",".join(parts)}],"next":{nxt},"more":{json.dumps(more)}}}'
    return Response(text, media_type="application/json")
