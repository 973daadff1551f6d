"""An answer or field that cannot be saved, as a value the screens index by field path."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.problems import Problem

# The domain's VisitError carries Problem values; the store's RecordError still carries lines.
ProblemLike = Problem | str


class AnswerError(ValueError):
    """An answer that cannot be saved; `path` is the field, `message` what is allowed."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path, self.message = path, message


def question_path(path: str) -> str:
    """The question a problem belongs to: 'visit.present' for 'visit.present.0.name'."""
    return ".".join(path.split("[")[0].split(".")[:2])


def split_problem(item: ProblemLike) -> tuple[str, str]:
    """('baby.name', 'must not be empty') from a Problem, or from a store line 'baby.name: ...'."""
    if isinstance(item, Problem):
        return question_path(item.path), item.message
    path, sep, message = item.partition(": ")
    return (question_path(path), message) if sep else ("", item)


def problems_by_path(lines: Sequence[ProblemLike]) -> dict[str, str]:
    """The first problem for each field path."""
    out: dict[str, str] = {}
    for line in lines:
        path, message = split_problem(line)
        out.setdefault(path, message or str(line))
    return out


def answer_error(path: str, lines: Sequence[ProblemLike]) -> AnswerError:
    """The problem about `path` (or the first one) as an AnswerError for that field."""
    items = list(lines) or ["could not be saved"]
    for line in items:
        p, message = split_problem(line)
        if p == path:
            return AnswerError(path, message)
    _, message = split_problem(items[0])
    return AnswerError(path, message or str(items[0]))


def as_uuid(value: str | UUID) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


class FormProblems(ValueError):
    """Several fields that cannot be saved: `problems` maps each field to what is allowed."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems.items()))
        self.problems = problems
