"""What the server accepts per entity: which are merged, which are append-only, and validation."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

MERGED = ("family", "baby")
APPEND_ONLY = ("visit", "amendment", "note", "leaflet", "audit")
ENTITIES = MERGED + APPEND_ONLY


class Rejected(ValueError):
    """The op's content cannot be accepted; the message names the field."""


@dataclass(frozen=True)
class Derived:
    """Columns the server derives from a record for listing (never trusted from the device)."""

    family_id: uuid.UUID | None = None
    visit_date: dt.date | None = None
    risk_level: str | None = None
    escalate: bool | None = None


@cache
def _guidance():  # -> app.domain.guidance.Guidance
    from app.domain.guidance import load_guidance

    return load_guidance()


@cache
def _domain():  # -> (assess, VisitError, parse_visit), imported once (not per op)
    from app.domain.assessment import assess
    from app.domain.errors import VisitError, parse_visit

    return assess, VisitError, parse_visit


def _uuid_field(payload: dict[str, Any], name: str) -> uuid.UUID | None:
    value = payload.get(name)
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Rejected(f"payload.{name}: must be a UUID") from None


def visit_document(payload: dict[str, Any]) -> Any:
    """The safesleep.visit/1 document inside a visit payload (the payload itself if it is one)."""
    for key in ("answers", "document"):
        if key in payload:
            doc = payload[key]
            if isinstance(doc, str):
                try:
                    doc = json.loads(doc)
                except json.JSONDecodeError:
                    raise Rejected(f"payload.{key}: not valid JSON") from None
            return doc
    if "format" in payload:
        return payload
    raise Rejected("payload.answers: missing (a signed visit carries its visit document)")


def validate(entity: str, payload: dict[str, Any]) -> Derived:
    """Check one record; raise Rejected naming the field, or return the derived columns."""
    if entity not in ENTITIES:
        raise Rejected(f"entity: must be one of: {', '.join(ENTITIES)}")
    family_id = _uuid_field(payload, "family_id")
    if entity != "visit":
        return Derived(family_id=family_id)
    if payload.get("status", "signed") != "signed" or (
        "signed_at" in payload and payload["signed_at"] in (None, "")
    ):
        raise Rejected("payload.status: must be signed; drafts never leave the device")
    assess, VisitError, parse_visit = _domain()
    try:
        visit = parse_visit(visit_document(payload))
    except VisitError as exc:
        key = "answers" if "answers" in payload else "document"
        raise Rejected("; ".join(f"payload.{key}.{p}" for p in exc.problems)) from None
    result = assess(visit, _guidance())
    return Derived(
        family_id=family_id,
        visit_date=visit.visit.date,
        risk_level=result.risk_level.value,
        escalate=result.escalate,
    )
