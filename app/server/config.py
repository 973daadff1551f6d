"""Where the team server keeps its data: the database URL from --db, settings, or a default file."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from app.settings import get_settings

MAX_BODY_BYTES = 5 * 1024 * 1024
MAX_OPS_PER_BATCH = 1000
MAX_PULL_LIMIT = 5000
ENROLMENT_CODE_MINUTES = 15


def server_home() -> Path:
    """The server's data folder: SAFESLEEP_SERVER_HOME or the platform's data folder."""
    home = get_settings().server_home
    return home if home is not None else Path(user_data_dir("safesleep-server", "SaferSleepVisits"))


def resolve_db_url(db: str | None = None) -> str:
    """The database URL: `db` if given, else SAFESLEEP_SERVER_DB, else SQLite in the server home."""
    if db:
        return db
    configured = get_settings().server_db
    if configured:
        return configured
    home = server_home()
    home.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{home / 'server.db'}"


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
