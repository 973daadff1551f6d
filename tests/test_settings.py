"""The settings' product defaults for stretching passphrases and passwords (the suite runs cheaper ones)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import app.store as st
from app.settings import get_settings
from tests.helpers import FAST_HASHING


@pytest.fixture
def product_costs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The settings as a deployment sees them: none of the suite's cheap hashing variables."""
    from app.server.portal import accounts

    for name in FAST_HASHING:
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    accounts._hasher.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()
    accounts._hasher.cache_clear()


def test_a_new_store_key_is_stretched_with_scrypt_n_2_15_r_8_p_1_by_default(
    product_costs: None, tmp_path: Path
) -> None:
    store = st.create_store(
        home=tmp_path / "device",
        passphrase="a passphrase for the default cost",
        practitioner_name="Ann Visitor",
        team_name="Riverside",
        plain=False,
    )
    store.close()
    params = json.loads((tmp_path / "device" / "store.kdf.json").read_text())
    assert (params["kdf"], params["n"], params["r"], params["p"]) == ("scrypt", 2**15, 8, 1)


def test_a_new_password_is_hashed_with_argon2id_t_3_m_64_mib_by_default(product_costs: None) -> None:
    from app.server.portal.accounts import hash_password, verify_password

    hashed = hash_password("a long enough password")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert verify_password("a long enough password", hashed)


def test_costs_below_the_allowed_minimum_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from app.settings import Settings

    monkeypatch.setenv("SAFESLEEP_KDF_SCRYPT_LOG2_N", "4")
    with pytest.raises(ValidationError, match="kdf_scrypt_log2_n"):
        Settings()
