"""Tests' shorthand for one committed unit of work: `with writing(store) as s: ...`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlmodel import Session

from app.store import Store


@contextlib.contextmanager
def writing(store: Store) -> Iterator[Session]:
    """A unit of work's session, committed when the block ends without an error."""
    with store.unit_of_work() as uow:
        yield uow.session
        uow.commit()
