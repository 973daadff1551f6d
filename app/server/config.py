"""Where the team server keeps its data: the database URL from --db, settings, or a default file."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import BaseModel, ConfigDict, SecretStr

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


class ServerConfig(BaseModel):
    """What one server process needs, built once (by `safesleep serve`, from its flags and the
    settings) and handed to each worker whole: uvicorn pickles it to the processes it spawns.
    The database URL is a SecretStr, so printing the config never shows its password."""

    model_config = ConfigDict(frozen=True)
    db_url: SecretStr
    portal: bool = True
    migrate: bool = True  # upgrade the schema on start (`safesleep serve` does it once, before the workers)

    @property
    def url(self) -> str:
        return self.db_url.get_secret_value()


def server_config(db: str | None = None, *, portal: bool = True, migrate: bool = True) -> ServerConfig:
    """The config for `db` (or SAFESLEEP_SERVER_DB, or SQLite in the server home)."""
    return ServerConfig(db_url=SecretStr(resolve_db_url(db)), portal=portal, migrate=migrate)
