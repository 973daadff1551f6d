"""Entry points for uvicorn workers.

`safesleep serve` builds a ServerConfig once and gives each worker `app_for(config)` (uvicorn
pickles the config to the workers it spawns; nothing goes through the environment).
`uvicorn --factory app.server.asgi:create_from_settings` builds one from the settings instead.
"""

from __future__ import annotations

from fastapi import FastAPI

from app.server.app import create_app
from app.server.config import ServerConfig, server_config


def app_for(config: ServerConfig) -> FastAPI:
    """The app of one worker, for the config its parent built."""
    return create_app(config=config)


def create_from_settings() -> FastAPI:
    """The app for the database named by SAFESLEEP_SERVER_DB (or the default SQLite file)."""
    return create_app(config=server_config())
