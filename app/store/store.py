"""Creating, unlocking and holding the device store."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from app.private_files import private_file
from app.store.audit import audit
from app.store.engine import (
    DB_FILE,
    announce_plain_mode,
    begin_write,
    connect_raw,
    make_engine,
    migrate,
)
from app.store.errors import StoreAlreadyExists, StoreError, StoreMissing, WrongPassphrase
from app.store.keys import (
    KDF_FILE,
    derive_key,
    key_check,
    key_matches,
    new_kdf_params,
    read_kdf_params,
    write_kdf_params,
)
from app.store.models import DeviceMeta, Practitioner, PractitionerPublic, Team, TeamPublic

log = logging.getLogger("app.store")
META_PRACTITIONER = "practitioner_id"
META_TEAM = "team_id"


class UnitOfWork:
    """The service's transaction: `with store.unit_of_work() as uow: ...; uow.commit()`.

    `uow.session` is what the store functions (repositories) take; they never commit. Leaving
    the block without `commit()` (or with an error) rolls everything back, so a change made of
    several writes (a family and its babies) is stored whole or not at all. After `commit()`
    the session can still read; a further write raises `NoWriteTransaction`.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.committed = False

    def commit(self) -> None:
        """Make every write of this unit durable (WAL, synchronous=FULL) and release the lock."""
        self.session.commit()
        self.committed = True

    def rollback(self) -> None:
        """Discard every write not yet committed and release the write lock."""
        self.session.rollback()


@dataclass
class Store:
    """An unlocked store: the engine, and who is using this device."""

    home: Path
    engine: Engine
    encrypted: bool
    practitioner: PractitionerPublic
    team: TeamPublic

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived READ session (deferred BEGIN: WAL readers never block anyone).

        It never commits: store write functions called with it raise `NoWriteTransaction`.
        Write with `unit_of_work()`.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            yield session  # closing ends the read (objects read stay loaded, detached)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One write transaction (the store's write lock, taken first); see `UnitOfWork`."""
        with Session(self.engine, expire_on_commit=False) as session:
            begin_write(session)
            uow = UnitOfWork(session)
            try:
                yield uow
            finally:
                if not uow.committed:
                    uow.rollback()  # everything in the unit, and the write lock released

    def close(self) -> None:
        self.engine.dispose()


def db_path(home: Path) -> Path:
    return Path(home) / DB_FILE


def store_exists(*, home: Path) -> bool:
    """True when a store file exists in this device data folder."""
    return db_path(home).is_file()


def _plain(plain: bool | None) -> bool:
    if plain is not None:
        return plain
    from app.settings import get_settings

    return get_settings().plain_sqlite


def _check_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise StoreError("passphrase: must not be empty")


def create_store(
    *,
    home: Path,
    passphrase: str,
    practitioner_name: str,
    team_name: str,
    practitioner_phone: str | None = None,
    plain: bool | None = None,
) -> Store:
    """First launch: make the encrypted store, its team and its practitioner."""
    home = Path(home)
    if store_exists(home=home):
        raise StoreAlreadyExists(f"{db_path(home)}: a store already exists here")
    if not practitioner_name.strip():
        raise StoreError("practitioner_name: must not be empty")
    if not team_name.strip():
        raise StoreError("team_name: must not be empty")
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(home, 0o700)
    key: bytes | None = None
    if _plain(plain):
        announce_plain_mode()
    else:
        _check_passphrase(passphrase)
        params = new_kdf_params()
        key = derive_key(passphrase, params)
        write_kdf_params(home, {**params, "check": key_check(key)})
    private_file(db_path(home))  # 0600 before SQLite opens it (its -wal and -shm follow)
    engine = make_engine(db_path(home), key)
    migrate(engine)
    team = Team(name=team_name.strip())
    practitioner = Practitioner(name=practitioner_name.strip(), phone=practitioner_phone, team_id=team.id)
    with Session(engine, expire_on_commit=False) as session:
        begin_write(session)
        session.add(team)
        session.flush()
        session.add(practitioner)
        session.add(DeviceMeta(key=META_PRACTITIONER, value=str(practitioner.id)))
        session.add(DeviceMeta(key=META_TEAM, value=str(team.id)))
        audit(
            session=session,
            actor=practitioner.name,
            action="create_store",
            entity="store",
            entity_id=team.id,
            detail={"encrypted": key is not None},
        )
        session.commit()
    return Store(
        home=home,
        engine=engine,
        encrypted=key is not None,
        practitioner=PractitionerPublic.model_validate(practitioner),
        team=TeamPublic.model_validate(team),
    )


def open_store(*, home: Path, passphrase: str, plain: bool | None = None) -> Store:
    """Unlock an existing store (WrongPassphrase if the key is wrong); migrates it to head."""
    home = Path(home)
    path = db_path(home)
    if not store_exists(home=home):
        raise StoreMissing(f"{path}: no store yet")
    key: bytes | None = None
    if _plain(plain):
        announce_plain_mode()
    else:
        if not (home / KDF_FILE).exists() and path.read_bytes()[:15] == b"SQLite format 3":
            raise StoreError(f"{path}: this store is not encrypted; set SAFESLEEP_PLAIN_SQLITE=1")
        params = read_kdf_params(home)
        key = derive_key(passphrase, params)
        if key_matches(key, params) is False:
            raise WrongPassphrase()
        checked = key_matches(key, params) is True
    # WrongPassphrase (or StoreDamaged) here, before anything else touches the file
    connect_raw(path, key, key_checked=key is not None and checked).close()
    engine = make_engine(path, key)
    migrate(engine)
    with Session(engine, expire_on_commit=False) as session:  # a read: unlock needs no disk space
        meta = {m.key: m.value for m in session.exec(select(DeviceMeta)).all()}
        if META_PRACTITIONER not in meta or META_TEAM not in meta:
            raise StoreError(
                f"{path}: the store was never finished (first launch interrupted); "
                "move it aside and start again"
            )
        practitioner = session.get(Practitioner, UUID(meta[META_PRACTITIONER]))
        team = session.get(Team, UUID(meta[META_TEAM]))
        if practitioner is None or team is None:
            raise StoreError(f"{path}: the store has no practitioner or team")
    _audit_unlock(engine, practitioner.name, team.id, encrypted=key is not None)
    return Store(
        home=home,
        engine=engine,
        encrypted=key is not None,
        practitioner=PractitionerPublic.model_validate(practitioner),
        team=TeamPublic.model_validate(team),
    )


def _audit_unlock(engine: Engine, actor: str, team_id: UUID, *, encrypted: bool) -> None:
    """Record the unlock; on a full disk (or a locked store) say so and let the caseload open."""
    try:
        with Session(engine, expire_on_commit=False) as session:
            begin_write(session)
            audit(
                session=session,
                actor=actor,
                action="unlock",
                entity="store",
                entity_id=team_id,
                detail={"encrypted": encrypted},
            )
            session.commit()
    except OperationalError as exc:
        log.warning("the unlock could not be written to the audit log (%s)", type(exc.orig).__name__)


def open_from_settings(
    *, practitioner_name: str = "Demo Practitioner", team_name: str = "Demo Team"
) -> Store:
    """CLI and tests: open (or create) the store in SAFESLEEP_HOME with SAFESLEEP_DB_KEY."""
    from app.settings import get_settings

    settings = get_settings()
    key = settings.db_key.get_secret_value() if settings.db_key else ""
    if not key and not settings.plain_sqlite:
        raise StoreError(
            "SAFESLEEP_DB_KEY: not set; the CLI needs the store key "
            "(or SAFESLEEP_PLAIN_SQLITE=1 for an unencrypted development store)"
        )
    if store_exists(home=settings.home):
        return open_store(home=settings.home, passphrase=key)
    return create_store(
        home=settings.home, passphrase=key, practitioner_name=practitioner_name, team_name=team_name
    )
