"""`safesleep run`: serve the app (Flet web) on this machine."""

from __future__ import annotations

from typing import Annotated

import typer


def run(
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8550,
    demo: Annotated[
        bool, typer.Option("--demo", help="Load the demo caseload when the store is first created.")
    ] = False,
) -> None:
    """Start the Safer Sleep Visits app on http://HOST:PORT (offline, no CDN)."""
    from app.ui.main import serve

    serve(host=host, port=port, demo=demo)


def register(app: typer.Typer) -> None:
    app.command()(run)
