"""Problems as values: what is wrong with a record, by dotted path, in plain words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong: `path` is dotted (list items by index: `visit.present.0.name`)."""

    path: str
    message: str

    def __str__(self) -> str:
        return format_problem(self)


def format_problem(problem: Problem, *, file: str | None = None) -> str:
    """The one way a problem is written as text: `[file: ]path: message`."""
    line = f"{problem.path}: {problem.message}" if problem.path else problem.message
    return f"{file}: {line}" if file else line


def format_problems(problems: Iterable[Problem], *, file: str | None = None) -> list[str]:
    return [format_problem(p, file=file) for p in problems]


def join_path(*parts: str | int) -> str:
    """`join_path("visit", "present", 0, "name")` -> "visit.present.0.name"."""
    return ".".join(str(p) for p in parts if p != "")


class ProblemsError(ValueError):
    """A record that cannot be accepted; `problems` holds every Problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("; ".join(format_problems(self.problems)))
