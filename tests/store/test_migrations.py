"""Alembic: an empty database upgraded to head matches the models; opening migrates."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlmodel import SQLModel

import app.store as st
from app.store.engine import make_engine, migrate
from app.store.migrations import alembic_config
from tests.store.helpers import PASSPHRASE
from tests.store.writing import writing


def test_upgrade_of_an_empty_database_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "empty.db", b"\x01" * 32)
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        triggers = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    engine.dispose()
    assert diff == []
    assert {
        "visit_signed_no_update",
        "visit_signed_no_delete",
        "amendment_no_update",
        "audit_event_no_delete",
    } <= triggers


def test_one_head_and_open_store_records_it(store: st.Store) -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1
    store.close()
    again = st.open_store(home=store.home, passphrase=PASSPHRASE, plain=False)
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == heads[0]
    again.close()


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    from alembic import command

    engine = make_engine(tmp_path / "round.db", b"\x02" * 32)
    migrate(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    with engine.connect() as conn:
        tables = {
            r[0]
            for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"))
        }
    assert tables <= {"alembic_version"}
    migrate(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    engine.dispose()


def test_open_store_upgrades_an_older_store_and_keeps_its_data(store: st.Store) -> None:
    from alembic import command

    with writing(store) as s:
        family = st.create_family(session=s, data={"name": "Old family", "surname": "Old"})
    cfg = alembic_config()
    with store.engine.begin() as conn:  # back to the first schema, as an older app left it
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    store.close()
    again = st.open_store(home=store.home, passphrase=PASSPHRASE, plain=False)
    with again.engine.connect() as conn:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    with writing(again) as s:
        assert [r.surname for r in st.search_caseload(session=s, query="old")] == ["Old"]
        assert st.get_family(session=s, family_id=family.id).name == "Old family"
    again.close()
