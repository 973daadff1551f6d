"""Entry point for uvicorn workers: `uvicorn --factory app.server.asgi:create_from_settings`."""

from __future__ import annotations

from fastapi import FastAPI

from app.server.app import create_app


def create_from_settings() -> FastAPI:
    """The app for the database named by SAFESLEEP_SERVER_DB (or the default SQLite file)."""
    return create_app(portal=True)
