"""Device hygiene: private files, a damaged store is reported as damaged and left alone, and
database errors never print the values being written."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

import app.store as st
from tests.store.writing import writing

PASSPHRASE = "correct horse battery staple"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _new(home: Path) -> st.Store:
    return st.create_store(
        home=home, passphrase=PASSPHRASE, practitioner_name="Ann", team_name="Team", plain=False
    )


def test_store_files_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "device"
    store = _new(home)
    with writing(store) as s:
        st.create_family(session=s, data={"name": "Ray family", "surname": "Ray"})
    files = [p for p in home.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"store.db", "store.db-wal", "store.kdf.json"}
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert _mode(home) == 0o700
    store.close()


def test_server_sqlite_files_are_private(tmp_path: Path) -> None:
    from app.server.db import make_engine, upgrade_schema

    url = f"sqlite:///{tmp_path / 'srv' / 'server.db'}"
    upgrade_schema(url)
    make_engine(url).dispose()
    assert _mode(tmp_path / "srv" / "server.db") == 0o600 and _mode(tmp_path / "srv") == 0o700


def test_a_damaged_store_is_reported_as_damaged_and_never_changed(tmp_path: Path) -> None:
    home = tmp_path / "device"
    _new(home).close()
    db = home / "store.db"
    raw = bytearray(db.read_bytes())
    raw[:64] = b"\x00" * 64  # the first page's salt and header: SQLCipher cannot read it any more
    db.write_bytes(bytes(raw))
    with pytest.raises(st.StoreDamaged, match="damaged"):
        st.open_store(home=home, passphrase=PASSPHRASE, plain=False)
    assert db.read_bytes() == bytes(raw)
    with pytest.raises(st.WrongPassphrase):  # a wrong passphrase is still just that
        st.open_store(home=home, passphrase="not it", plain=False)


def test_database_errors_never_show_the_values_being_written(tmp_path: Path) -> None:
    store = _new(tmp_path / "device")
    assert store.engine.hide_parameters
    with pytest.raises(IntegrityError) as err, store.engine.begin() as conn:
        for _ in range(2):
            conn.execute(
                text("INSERT INTO sync_state (key, value) VALUES (:k, :v)"),
                {"k": "Okafor, 1 High Street", "v": "x"},
            )
    assert "Okafor" not in str(err.value)
    store.close()
