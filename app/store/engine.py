"""Database connections: SQLCipher (raw key), WAL, synchronous=FULL, foreign keys; migrations."""

from __future__ import annotations

import functools
import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from app.store.errors import NoWriteTransaction, StoreDamaged, StoreError, TransactionOpen, WrongPassphrase

log = logging.getLogger("app.store")

DB_FILE = "store.db"
WRITE_OPTION = "safesleep_write"
BUSY_TIMEOUT_S = 10.0
CACHE_KIB = 16 * 1024
PLAIN_WARNING = (
    "WARNING: SAFESLEEP_PLAIN_SQLITE is set: the device store is NOT encrypted "
    "(development only; never use with real families' data)"
)


def _pragmas(conn: Any) -> None:
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # decrypted pages kept per connection
    conn.execute("PRAGMA journal_mode=WAL").fetchone()
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")


def connect_raw(path: Path, key: bytes | None, *, key_checked: bool = False) -> Any:
    """One DB-API connection, keyed and checked; WrongPassphrase if the key does not open it.

    `key_checked`: the key is known to be right (its check value matched), so a file it cannot
    open is damaged (StoreDamaged), not locked with another passphrase."""
    if key is None:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError:
            conn.close()
            raise StoreError(
                f"{path}: not a plain SQLite database (it is probably encrypted: "
                "unset SAFESLEEP_PLAIN_SQLITE)"
            ) from None
    else:
        conn = sqlcipher.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
        )
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error, not a log line
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            conn.close()
            if key_checked:
                raise StoreDamaged(path) from None
            raise WrongPassphrase() from None
    _pragmas(conn)
    return conn


def make_engine(path: Path, key: bytes | None) -> Engine:
    """A SQLAlchemy engine on the store file (see `begin_write` for write transactions)."""
    module = sqlite3 if key is None else sqlcipher
    engine = create_engine(
        f"sqlite:///{path}",
        module=module,
        creator=lambda: connect_raw(path, key),
        pool_size=4,
        max_overflow=4,
        hide_parameters=True,  # errors never print the family names and addresses being written
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Reads begin DEFERRED (WAL readers never block anyone); writes begin IMMEDIATE so the
        # write lock is taken (waiting up to the busy timeout) before anything is read: no
        # SQLITE_BUSY half-way through a read-then-write transaction.
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


P = ParamSpec("P")
R = TypeVar("R")


def writes(fn: Callable[P, R]) -> Callable[P, R]:
    """Mark a store write function (a repository): it runs inside the caller's write transaction.

    It never begins, commits or rolls back anything: the unit of work does. Called with a session
    that holds no write transaction it raises `NoWriteTransaction` before touching anything.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        require_write(kwargs["session"])  # type: ignore[arg-type]
        return fn(*args, **kwargs)

    return wrapper


def in_write_transaction(session: Session) -> bool:
    """True when `session` holds the write lock (began with `begin_write`, not yet ended)."""
    if not session.in_transaction():
        return False
    return bool(session.connection().get_execution_options().get(WRITE_OPTION, False))


def require_write(session: Session) -> None:
    """Raise `NoWriteTransaction` unless `session` is inside a write transaction."""
    if not in_write_transaction(session):
        raise NoWriteTransaction(
            "this write needs a write transaction: run it inside `with store.unit_of_work() as uow:` "
            "and call `uow.commit()`"
        )


def begin_write(session: Session) -> None:
    """Start a write transaction on `session` (BEGIN IMMEDIATE: takes the store's write lock,
    waiting up to the busy timeout, before anything is read).

    Refuses (`TransactionOpen`) when the session already has a transaction open: it never
    commits or discards work it did not start. `Store.unit_of_work()` calls it for you.
    """
    if session.in_transaction():
        raise TransactionOpen(
            "begin_write: this session already has a transaction open; finish it (commit or "
            "roll back) first, or use one `store.unit_of_work()` for the whole change"
        )
    session.connection(execution_options={WRITE_OPTION: True})


def announce_plain_mode() -> None:
    """Say loudly, on stderr and in the log, that the store is not encrypted."""
    log.warning(PLAIN_WARNING)
    print(PLAIN_WARNING, file=sys.stderr)


def migrate(engine: Engine) -> None:
    """Upgrade the store's schema to the newest Alembic revision (run on every open)."""
    from alembic import command

    from app.store.migrations import alembic_config

    cfg = alembic_config()
    with engine.connect() as plain, plain.execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
