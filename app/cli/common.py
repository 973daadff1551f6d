"""Helpers shared by the CLI commands: printing, reading visit files and failing cleanly.

Typer-free, so the fast path of `safesleep assess` (app/cli/__init__.py) can use them too.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from app.domain.visit import Visit

EXIT_INVALID = 2


class CommandFailed(SystemExit):
    """A command stops with this exit code; its problems are already on stderr."""


def echo(text: str, *, err: bool = False) -> None:
    """Print one line (or block) to stdout, or to stderr with `err`, and flush it."""
    print(text, file=sys.stderr if err else sys.stdout, flush=True)


def fail(lines: list[str], code: int = EXIT_INVALID) -> NoReturn:
    """Print each problem on stderr and exit with `code` (no traceback)."""
    for line in lines:
        echo(line, err=True)
    raise CommandFailed(code)


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
    """Read and validate a `safesleep.visit/2` (or /1) file; exit 2 listing every problem."""
    from app.domain.errors import VisitError, parse_visit
    from app.domain.problems import format_problems

    label = "<stdin>" if name == "-" else name
    try:
        return parse_visit(read_source(name))
    except VisitError as exc:
        fail(format_problems(exc.problems, file=label))
