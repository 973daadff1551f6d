"""Alembic migrations of the device store (run automatically by `open_store`)."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

HERE = Path(__file__).resolve().parent


def alembic_config() -> Config:
    """An Alembic config pointing at this folder (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg
