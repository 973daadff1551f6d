"""An answer or field that cannot be saved, as a value the screens index by field path."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID


class AnswerError(ValueError):
    """An answer that cannot be saved; `path` is the field, `message` what is allowed."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path, self.message = path, message


def split_problem(line: str) -> tuple[str, str]:
    """('baby.name', 'must not be empty') from the domain's 'baby.name: must not be empty'."""
    path, sep, message = line.partition(": ")
    return (path.split("[")[0], message) if sep else ("", line)


def problems_by_path(lines: Sequence[str]) -> dict[str, str]:
    """The first problem for each field path."""
    out: dict[str, str] = {}
    for line in lines:
        path, message = split_problem(line)
        out.setdefault(path, message or line)
    return out


def answer_error(path: str, lines: Sequence[str]) -> AnswerError:
    """The problem about `path` (or the first one) as an AnswerError for that field."""
    lines = list(lines) or ["could not be saved"]
    for line in lines:
        p, message = split_problem(line)
        if p == path:
            return AnswerError(path, message)
    _, message = split_problem(lines[0])
    return AnswerError(path, message or lines[0])


def as_uuid(value: str | UUID) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


class FormProblems(ValueError):
    """Several fields that cannot be saved: `problems` maps each field to what is allowed."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems.items()))
        self.problems = problems
