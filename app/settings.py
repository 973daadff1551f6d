"""The one settings object: every environment variable the app reads is declared here."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Read from `SAFESLEEP_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="SAFESLEEP_", extra="ignore")

    home: Path = Field(
        default_factory=lambda: Path(user_data_dir("safesleep", "SaferSleepVisits")),
        description="Device data folder (store, drafts, device token).",
    )
    db_key: SecretStr | None = Field(
        default=None, description="Store key for the CLI and tests (the app asks for a passphrase)."
    )
    plain_sqlite: bool = Field(
        default=False, description="Development only: keep the device store unencrypted."
    )
    host: str = "127.0.0.1"
    port: int = 8550
    server_db: str | None = Field(
        default=None, description="Team server database URL (default: SQLite in the server home)."
    )
    server_home: Path | None = Field(default=None, description="Team server data folder.")
    new_password: SecretStr | None = Field(
        default=None, description="Password for `safesleep server add-user` / `reset-password` (scripts)."
    )
    idle_lock_seconds: int | None = Field(
        default=None,
        ge=1,
        description="Tests and demos only: lock after this many idle seconds (else the minutes in Settings).",
    )
    # The cost of stretching passphrases and passwords. The defaults are the product's; the test suite
    # lowers them (tests/conftest.py): its hundreds of throwaway stores and accounts would otherwise spend
    # minutes hashing. A store's KDF file and an argon2 hash record their own cost, so either opens at any.
    kdf_scrypt_log2_n: int = Field(
        default=15, ge=10, le=20, description="scrypt cost of a new device store key: n = 2 ** this."
    )
    argon2_time_cost: int = Field(default=3, ge=1, le=10, description="argon2id passes for a new password.")
    argon2_memory_kib: int = Field(
        default=65_536, ge=8_192, le=1_048_576, description="argon2id memory (KiB) for a new password."
    )
    test_pg_url: str | None = Field(
        default=None, description="PostgreSQL URL the test suite may use (tests only)."
    )


@cache
def get_settings() -> Settings:
    return Settings()
