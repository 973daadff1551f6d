"""Encryption at rest: SQLCipher with a scrypt-derived raw key; wrong keys are refused cleanly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import app.store as st
from app.settings import get_settings
from app.store.engine import PLAIN_WARNING
from tests.store.helpers import PASSPHRASE, make_household
from tests.store.writing import writing


def test_store_file_is_not_readable_as_plain_sqlite(store: st.Store) -> None:
    with writing(store) as s:
        make_household(s, surname="Zebedee")
    store.close()
    raw = (store.home / "store.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"Zebedee" not in raw
    wal = store.home / "store.db-wal"
    if wal.exists():
        assert b"Zebedee" not in wal.read_bytes()
    conn = sqlite3.connect(store.home / "store.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_wrong_passphrase_is_a_clear_error_and_leaves_data_intact(store: st.Store) -> None:
    with writing(store) as s:
        household = make_household(s)
    store.close()
    with pytest.raises(st.WrongPassphrase, match="wrong passphrase"):
        st.open_store(home=store.home, passphrase="not the passphrase", plain=False)
    with pytest.raises(st.WrongPassphrase):
        st.open_store(home=store.home, passphrase="", plain=False)
    again = st.open_store(home=store.home, passphrase=PASSPHRASE, plain=False)
    with writing(again) as s:
        assert st.get_family(session=s, family_id=household.family_id).surname == "Okafor"
    assert again.practitioner.name == "Ann Visitor"
    assert again.team.name == "Portswood HV team"
    again.close()


def test_kdf_side_file_holds_scrypt_parameters_and_salt_not_the_key(store: st.Store) -> None:
    params = json.loads((store.home / "store.kdf.json").read_text())
    assert params["kdf"] == "scrypt"
    n = 2 ** get_settings().kdf_scrypt_log2_n  # the product's 2**15 is checked in tests/test_settings.py
    assert (params["n"], params["r"], params["p"], params["dklen"]) == (n, 8, 1, 32)
    assert len(bytes.fromhex(params["salt"])) == 16
    assert PASSPHRASE not in json.dumps(params)


def test_two_stores_with_the_same_passphrase_get_different_keys(tmp_path: Path) -> None:
    from app.store.keys import derive_key, read_kdf_params

    a = st.create_store(
        home=tmp_path / "a", passphrase="same", practitioner_name="A", team_name="T", plain=False
    )
    b = st.create_store(
        home=tmp_path / "b", passphrase="same", practitioner_name="B", team_name="T", plain=False
    )
    a.close()
    b.close()
    assert derive_key("same", read_kdf_params(a.home)) != derive_key("same", read_kdf_params(b.home))


def test_missing_salt_file_is_reported_not_guessed(store: st.Store) -> None:
    store.close()
    (store.home / "store.kdf.json").unlink()
    with pytest.raises(st.StoreError, match="salt file"):
        st.open_store(home=store.home, passphrase=PASSPHRASE, plain=False)


def test_store_exists_create_twice_and_open_missing(tmp_path: Path, store: st.Store) -> None:
    assert st.store_exists(home=store.home)
    assert not st.store_exists(home=tmp_path / "elsewhere")
    with pytest.raises(st.StoreAlreadyExists):
        st.create_store(home=store.home, passphrase="x", practitioner_name="A", team_name="T", plain=False)
    with pytest.raises(st.StoreMissing):
        st.open_store(home=tmp_path / "elsewhere", passphrase="x", plain=False)


def test_empty_passphrase_cannot_create_an_encrypted_store(tmp_path: Path) -> None:
    with pytest.raises(st.StoreError, match="passphrase"):
        st.create_store(home=tmp_path / "d", passphrase="", practitioner_name="A", team_name="T", plain=False)


def test_unlock_is_audited(store: st.Store) -> None:
    store.close()
    again = st.open_store(home=store.home, passphrase=PASSPHRASE, plain=False)
    with writing(again) as s:
        actions = [e.action for e in st.list_audit(session=s)]
    again.close()
    assert actions[0] == "unlock"
    assert "create_store" in actions


def test_plain_development_mode_announces_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = st.create_store(
        home=tmp_path / "plain", passphrase="", practitioner_name="Dev", team_name="T", plain=True
    )
    s.close()
    assert PLAIN_WARNING in capsys.readouterr().err
    assert not s.encrypted
    assert (s.home / "store.db").read_bytes().startswith(b"SQLite format 3")
    again = st.open_store(home=s.home, passphrase="", plain=True)
    again.close()
    assert "NOT encrypted" in capsys.readouterr().err
    with pytest.raises(st.StoreError, match="not encrypted"):
        st.open_store(home=s.home, passphrase="anything", plain=False)


def test_pragmas_wal_full_sync_and_foreign_keys(store: st.Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert str(conn.exec_driver_sql("PRAGMA cipher_version").scalar()).startswith("4.")
