"""The team server: FastAPI + SQLModel (SQLite by default, PostgreSQL in production).

`from app.server import create_app` works; FastAPI is imported only when it is asked for.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from app.server.app import create_app

        return create_app
    raise AttributeError(name)
