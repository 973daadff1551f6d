"""Typed answers: the text in a field read as a value of its question, or the problem in plain words.

Cheap on purpose (one field, no whole-visit validation): it runs on every keystroke. The readers
of weights and UK dates and every range are the domain's (app.domain.inputs, app.domain.values);
the store re-validates the whole visit when the value is saved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.domain.inputs import parse_uk_date as read_uk_date
from app.domain.inputs import parse_weight_kg, parse_weight_lb, uk_date
from app.domain.problems import ProblemsError
from app.domain.values import RANGES

NOT_FUTURE = ("visit.date", "baby.date_of_birth")  # the follow-up date is the one ahead


@dataclass(frozen=True, slots=True)
class TypedAnswer:
    """`value` None means not recorded (an empty field, or text that is not valid: see `problem`)."""

    value: Any
    problem: str | None = None


def _message(exc: ProblemsError) -> str:
    return exc.problems[0].message if exc.problems else str(exc)


def parse_uk_date(text: str) -> dt.date | None:
    """03/04/2026 -> 3 April 2026 (day first); None when it is not a real date."""
    try:
        return read_uk_date(text)
    except ProblemsError:
        return None


def parse_lb(text: str) -> float | None:
    """'5 lb 1 oz', '5lb 1oz', '5lb', '5.06' -> pounds; None when it is none of these (or out of range)."""
    try:
        return parse_weight_lb(text)
    except ProblemsError:
        return None


def _number(path: str, text: str, *, whole: bool) -> TypedAnswer:
    r = RANGES.get(path)
    kind = "a whole number" if whole else "a number"
    allowed = f"must be {kind} {r.words()}" if r else f"must be {kind}"
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return TypedAnswer(None, allowed)
    if (whole and not number.is_integer()) or (r is not None and not r.contains(number)):
        return TypedAnswer(None, allowed)
    return TypedAnswer(int(number) if whole else number)


def _date(path: str, text: str, today: dt.date) -> TypedAnswer:
    try:
        day = read_uk_date(text, path=path, not_after=today if path in NOT_FUTURE else None)
    except ProblemsError as exc:
        message = _message(exc)
        if message.startswith("must not be after"):
            message = f"must not be in the future (today is {uk_date(today)})"
        return TypedAnswer(None, message)
    return TypedAnswer(day.isoformat())


def _weight(path: str, text: str) -> TypedAnswer:
    try:
        if path.endswith("_lb"):
            return TypedAnswer(parse_weight_lb(text, path=path))
        return TypedAnswer(parse_weight_kg(text, path=path))
    except ProblemsError as exc:
        return TypedAnswer(None, _message(exc))


def parse_typed(kind: str, path: str, text: str, *, today: dt.date | None = None) -> TypedAnswer:
    """The typed text of one question (`path` is where it is stored) as its value, or the problem."""
    t = text.strip()
    if not t:
        return TypedAnswer(None)
    if kind == "date":
        return _date(path, t, today or dt.date.today())
    if kind == "integer":
        return _number(path, t, whole=True)
    if kind == "number":
        return _number(path, t, whole=False)
    if kind == "weight":
        return _weight(path, t)
    return TypedAnswer(t)


def shown_text(path: str, value: Any) -> str:
    """How a stored answer reads in its text field (dates as dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return uk_date(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return uk_date(dt.date.fromisoformat(value))
    if isinstance(value, float) and value.is_integer() and not path.startswith("baby.birth_weight"):
        return str(int(value))
    return str(value)
