"""Helpers shared by the CLI commands: reading visit files and failing cleanly."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from app.domain.visit import Visit

EXIT_INVALID = 2


def fail(lines: list[str], code: int = EXIT_INVALID) -> NoReturn:
    """Print each problem on stderr and exit with `code` (no traceback)."""
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(code)


def read_source(name: str) -> bytes:
    """The bytes of FILE, or of standard input for `-`; exit 2 with a clear line if unreadable."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        fail([f"{name}: is a folder, not a visit file"])
    except FileNotFoundError:
        fail([f"{name}: no such file"])
    except OSError as exc:
        fail([f"{name}: cannot be read ({exc.strerror})"])


def load_visit_file(name: str) -> Visit:
    """Read and validate a `safesleep.visit/1` file; exit 2 listing every problem."""
    from app.domain.errors import VisitError, parse_visit

    label = "<stdin>" if name == "-" else name
    try:
        return parse_visit(read_source(name))
    except VisitError as exc:
        fail([f"{label}: {p}" for p in exc.problems])
