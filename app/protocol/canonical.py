"""The one canonical JSON of a record and its content hash (device and server alike)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any
from uuid import UUID

HASH_PREFIX = "sha256:"


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
    """JSON with sorted keys, no spaces, UTF-8 text; UUIDs and dates as strings.

    The same data always gives the same text. NaN and infinities are refused (ValueError): they
    are not JSON, and a record holding one could never be read back the same everywhere.
    """
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=_default
    )


def content_hash(value: Any) -> str:
    """`sha256:<hex>` of the canonical JSON of `value`."""
    return hash_text(canonical_json(value))


def hash_text(text: str) -> str:
    """`sha256:<hex>` of canonical JSON text already made."""
    return HASH_PREFIX + hashlib.sha256(text.encode()).hexdigest()


def to_jsonable(value: Any) -> Any:
    """Round-trip through canonical JSON: UUIDs, dates and datetimes become strings."""
    return json.loads(canonical_json(value))
