"""Typed answers: the text in a field read as a value of its question, or the problem in plain words.

Cheap on purpose (one field, no whole-visit validation): it runs on every keystroke. Ranges and
formats come from the domain (app.domain.values); the store re-validates the whole visit on save.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.domain.values import KG_PER_LB, OZ_PER_LB, RANGES, Range

UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
LB_OZ = re.compile(r"(?:(\d+(?:\.\d+)?)\s*(?:lbs?|pounds?))?\s*(?:(\d+(?:\.\d+)?)\s*(?:oz|ounces?))?", re.I)
DATE_WORDS = "a date written dd/mm/yyyy, for example 03/04/2026"
NOT_FUTURE = ("visit.date", "baby.date_of_birth", "notes.follow_up")  # follow-up: the only one ahead


@dataclass(frozen=True, slots=True)
class TypedAnswer:
    """`value` None means not recorded (an empty field, or text that is not valid: see `problem`)."""

    value: Any
    problem: str | None = None


def parse_uk_date(text: str) -> dt.date | None:
    """03/04/2026 -> 3 April 2026 (day first); None when it is not a real date in that form."""
    m = UK_DATE.fullmatch(text.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def parse_lb(text: str) -> float | None:
    """'5 lb 1 oz', '5lb 1oz', '5lb', '5.06' -> pounds; None when it is none of these."""
    t = text.strip()
    try:
        return float(t)
    except ValueError:
        pass
    m = LB_OZ.fullmatch(t)
    if not m or not (m[1] or m[2]):
        return None
    pounds = float(m[1] or 0) + float(m[2] or 0) / OZ_PER_LB
    return round(pounds, 4)


def _in_range(path: str, number: float, *, whole: bool) -> TypedAnswer:
    r: Range | None = RANGES.get(path)
    kind = "a whole number" if whole else "a number"
    if r is not None and not r.contains(number):
        return TypedAnswer(None, f"must be {kind} {r.words()}")
    return TypedAnswer(int(number) if whole else number)


def _number(path: str, text: str, *, whole: bool) -> TypedAnswer:
    r = RANGES.get(path)
    kind = "a whole number" if whole else "a number"
    allowed = f"must be {kind} {r.words()}" if r else f"must be {kind}"
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return TypedAnswer(None, allowed)
    if whole and not number.is_integer():
        return TypedAnswer(None, allowed)
    return _in_range(path, number, whole=whole)


def _date(path: str, text: str, today: dt.date) -> TypedAnswer:
    day = parse_uk_date(text)
    if day is None:
        return TypedAnswer(None, f"must be {DATE_WORDS}")
    if path in ("visit.date", "baby.date_of_birth") and day > today:
        return TypedAnswer(None, f"must not be in the future (today is {today:%d/%m/%Y})")
    return TypedAnswer(day.isoformat())


def _weight(path: str, text: str) -> TypedAnswer:
    r = RANGES[path]
    if path.endswith("_lb"):
        pounds = parse_lb(text)
        if pounds is None:
            return TypedAnswer(None, f"must be a weight {r.words()}, for example 5 lb 1 oz or 5.06")
        return _in_range(path, pounds, whole=False)
    return _number(path, text, whole=False)


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
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer() and not path.startswith("baby.birth_weight"):
        return str(int(value))
    return str(value)


def kg_from_lb(pounds: float) -> float:
    return pounds * KG_PER_LB
