"""Ids, clocks and content hashes shared by every table."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any
from uuid import UUID

from uuid6 import uuid7


def new_id() -> UUID:
    """A UUIDv7 made on this device (time-ordered, unique without coordination)."""
    return uuid7()


def utcnow() -> dt.datetime:
    """Now, as an aware UTC datetime (SQLModel stores every time in UTC)."""
    return dt.datetime.now(dt.UTC)


def _default(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same data always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def content_hash(value: Any) -> str:
    """`sha256:<hex>` of the canonical JSON of `value`."""
    return "sha256:" + hashlib.sha256(canonical_json(value).encode()).hexdigest()


def to_jsonable(value: Any) -> Any:
    """Round-trip through canonical JSON: UUIDs, dates and datetimes become strings."""
    return json.loads(canonical_json(value))
