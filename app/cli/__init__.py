"""The `safesleep` command. Each area registers its commands from its own module.

Modules here import only typer at load time; heavy libraries (Flet, ReportLab, SQLModel,
FastAPI) are imported inside the commands that need them, so `safesleep assess` stays fast.
"""

from __future__ import annotations

import typer

from app.cli import assess_cmd, leaflet_cmd, run_cmd, server_cmd, store_cmd, sync_cmd, users_cmd

app = typer.Typer(
    name="safesleep",
    help="Safer Sleep Visits: safer-sleep visits for health visitors.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

for _module in (assess_cmd, run_cmd, server_cmd, users_cmd, leaflet_cmd, store_cmd, sync_cmd):
    _module.register(app)


def main() -> None:
    app()
