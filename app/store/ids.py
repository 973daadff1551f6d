"""Ids and clocks shared by every table (canonical JSON and hashes are app.protocol's)."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from uuid6 import uuid7

from app.protocol.canonical import canonical_json, content_hash, to_jsonable


def new_id() -> UUID:
    """A UUIDv7 made on this device (time-ordered, unique without coordination)."""
    return uuid7()


def utcnow() -> dt.datetime:
    """Now, as an aware UTC datetime (SQLModel stores every time in UTC)."""
    return dt.datetime.now(dt.UTC)


__all__ = ["canonical_json", "content_hash", "new_id", "to_jsonable", "utcnow"]
