"""The `safesleep` command. Each area registers its commands from its own module.

Start-up is kept short: nothing heavy is imported here. `main` loads Typer and only the command
module(s) the first argument names (all of them for `--help` or an unknown command); the plain
forms of `safesleep assess FILE [--json]` skip Typer and call the same `assess` function
directly. Heavy libraries (Flet, ReportLab, SQLModel, FastAPI) load inside the commands.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

# The command modules in help order, and the top-level commands each registers.
MODULES: dict[str, tuple[str, ...]] = {
    "assess_cmd": ("assess",),
    "run_cmd": ("run",),
    "server_cmd": ("serve", "server"),
    "users_cmd": ("server",),  # adds the people commands to the `server` group
    "leaflet_cmd": ("leaflet",),
    "store_cmd": ("demo", "visit", "family"),
    "sync_cmd": ("device", "sync"),
}


def build_app(command: str | None = None) -> typer.Typer:
    """The Typer app with the modules that register `command` (every module when None/unknown)."""
    import typer

    app = typer.Typer(
        name="safesleep",
        help="Safer Sleep Visits: safer-sleep visits for health visitors.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    @app.callback()
    def _group() -> None:
        """Keep `safesleep COMMAND` a group even when one module is loaded."""

    wanted = [m for m, commands in MODULES.items() if command in commands] or list(MODULES)
    for name in wanted:
        import_module(f"app.cli.{name}").register(app)
    return app


def plain_assess(args: list[str]) -> tuple[str, bool] | None:
    """(FILE, as_json) when `args` is exactly `assess FILE`, `assess FILE --json` or `assess --json FILE`."""
    if not args or args[0] != "assess" or len(args) not in (2, 3):
        return None
    rest = args[1:]
    as_json = "--json" in rest
    if as_json:
        rest.remove("--json")
    if len(rest) != 1 or len(args) != 2 + as_json:
        return None
    file = rest[0]
    if file.startswith("-") and file != "-":
        return None  # an option (--help, a typo): Typer answers it
    return file, as_json


def main() -> None:
    args = sys.argv[1:]
    plain = plain_assess(args)
    if plain is not None:
        # The app uses no pydantic plugins: skip pydantic's search of every installed package for them.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        from app.cli.assess_cmd import assess

        assess(plain[0], as_json=plain[1])
        return
    build_app(args[0] if args else None)()
