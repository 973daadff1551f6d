"""A fresh PostgreSQL database per test module, made from SAFESLEEP_TEST_PG_URL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from app.settings import get_settings


def pg_base_url() -> str:
    """The configured URL; in CI a missing URL is a failure, locally a skip with the reason."""
    get_settings.cache_clear()
    url = get_settings().test_pg_url
    if url:
        return url
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(
            "SAFESLEEP_TEST_PG_URL is not set: CI must run the PostgreSQL tests (source scripts/test-env.sh)"
        )
    pytest.skip("SAFESLEEP_TEST_PG_URL is not set (source scripts/test-env.sh to run the PostgreSQL tests)")


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """CREATE DATABASE with a random name; yield its URL; DROP it afterwards."""
    base = make_url(pg_base_url())
    name = f"safesleep_t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database(kind: str, folder: os.PathLike[str]) -> Iterator[str]:
    """A fresh, empty server database URL of `kind` (sqlite or postgres)."""
    if kind == "sqlite":
        yield f"sqlite:///{os.fspath(folder)}/server-{uuid.uuid4().hex[:8]}.db"
    else:
        with fresh_pg_database() as url:
            yield url
