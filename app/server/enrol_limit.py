"""Enrolment guessing: wrong codes are counted per client address and window, and a client with
too many failures in the window is refused (429) before its code is even looked at."""

from __future__ import annotations

import datetime as dt
import hashlib

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import EnrolFailures, utcnow

WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES = 10


def client_key(address: str | None) -> str:
    """The stored form of a client address (a hash: addresses are personal data)."""
    return hashlib.sha256((address or "unknown").encode()).hexdigest()


def _window(now: dt.datetime) -> dt.datetime:
    seconds = int(WINDOW.total_seconds())
    return dt.datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, dt.UTC)


def failures_now(*, session: Session, client: str) -> int:
    return int(
        session.execute(
            sa.select(col(EnrolFailures.failures)).where(
                col(EnrolFailures.client) == client, col(EnrolFailures.window_start) == _window(utcnow())
            )
        ).scalar()
        or 0
    )


def too_many(*, session: Session, client: str) -> bool:
    return failures_now(session=session, client=client) >= MAX_FAILURES


def count_failure(*, session: Session, client: str) -> None:
    """Add one failure to this client's current window (one row per client and window)."""
    window = _window(utcnow())
    where = (col(EnrolFailures.client) == client, col(EnrolFailures.window_start) == window)
    bump = sa.update(EnrolFailures).where(*where).values(failures=col(EnrolFailures.failures) + 1)
    bumped = session.execute(bump)
    if bumped.rowcount:  # type: ignore[attr-defined]
        return
    try:
        with session.begin_nested():
            session.add(EnrolFailures(client=client, window_start=window, failures=1))
    except IntegrityError:  # another worker made the row at the same moment
        session.execute(
            sa.update(EnrolFailures).where(*where).values(failures=col(EnrolFailures.failures) + 1)
        )
