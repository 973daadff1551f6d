"""Reading what a practitioner types: a weight in lb/oz and a UK date, with plain-words errors.

Pure functions for the screens: each returns the value or raises ProblemsError naming `path`.
Nothing here stores anything; an input that does not parse is kept as pending text by the caller.
"""

from __future__ import annotations

import datetime as dt
import re

from app.domain.problems import Problem, ProblemsError
from app.domain.values import BIRTH_WEIGHT_KG, BIRTH_WEIGHT_LB, OZ_PER_LB, Range

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_LB = r"(?:lbs?|pounds?|pound|#)"
_OZ = r"(?:oz|ozs|ounces?)"
_LB_OZ = re.compile(rf"^{_NUMBER}\s*{_LB}\.?\s*(?:(?:and\s+)?{_NUMBER}\s*{_OZ}\.?)?$", re.IGNORECASE)
_OZ_ONLY = re.compile(rf"^{_NUMBER}\s*{_OZ}\.?$", re.IGNORECASE)
_PLAIN = re.compile(rf"^{_NUMBER}$")
_KG = re.compile(rf"^{_NUMBER}\s*(?:kg|kgs|kilos?|kilograms?)?\.?$", re.IGNORECASE)
_UK_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

WEIGHT_LB_HINT = 'a weight in pounds and ounces, such as "5 lb 1 oz", "5lb 1oz" or "5.5"'
WEIGHT_KG_HINT = 'a weight in kilograms, such as "3.4" or "3.4 kg"'
DATE_HINT = "a date written DD/MM/YYYY, such as 02/11/2026"


def _fail(path: str, message: str) -> ProblemsError:
    return ProblemsError([Problem(path, message)])


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _in_range(path: str, value: float, allowed: Range) -> float:
    if not allowed.contains(value):
        raise _fail(path, f"must be {allowed.words()}")
    return value


def parse_weight_lb(text: str, *, path: str = "baby.birth_weight_lb") -> float:
    """Pounds from "5 lb 1 oz", "5lb 1oz", "5 lbs", "81 oz" or "5.5" (not rounded: 5 lb 1 oz is 5.0625)."""
    typed = " ".join(text.split())
    if not typed:
        raise _fail(path, f"is empty; type {WEIGHT_LB_HINT}")
    if match := _LB_OZ.match(typed):
        pounds, ounces = _num(match.group(1)), _num(match.group(2)) if match.group(2) else 0.0
        if ounces >= OZ_PER_LB:
            raise _fail(path, f"ounces must be less than {OZ_PER_LB} (type {WEIGHT_LB_HINT})")
        value = pounds + ounces / OZ_PER_LB
    elif match := _OZ_ONLY.match(typed):
        value = _num(match.group(1)) / OZ_PER_LB
    elif match := _PLAIN.match(typed):
        value = _num(match.group(1))
    else:
        raise _fail(path, f'"{typed}" is not a weight; type {WEIGHT_LB_HINT}')
    return _in_range(path, value, BIRTH_WEIGHT_LB)


def parse_weight_kg(text: str, *, path: str = "baby.birth_weight_kg") -> float:
    """Kilograms from "3.4", "3,4" or "3.4 kg"."""
    typed = " ".join(text.split())
    match = _KG.match(typed)
    if not match:
        words = f'"{typed}" is not a weight' if typed else "is empty"
        raise _fail(path, f"{words}; type {WEIGHT_KG_HINT}")
    return _in_range(path, _num(match.group(1)), BIRTH_WEIGHT_KG)


def parse_uk_date(
    text: str,
    *,
    path: str = "visit.date",
    not_after: dt.date | None = None,
    not_before: dt.date | None = None,
) -> dt.date:
    """A date from "02/11/2026" (day first; "/", "-" or "." between; ISO 2026-11-02 also read)."""
    typed = text.strip()
    if not typed:
        raise _fail(path, f"is empty; type {DATE_HINT}")
    if match := _UK_DATE.match(typed):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.match(typed):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise _fail(path, f'"{typed}" is not a date; type {DATE_HINT}')
    if not 1 <= month <= 12:
        raise _fail(path, f'"{typed}": there is no month {month}; type {DATE_HINT}')
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise _fail(path, f'"{typed}": there is no day {day} in that month; type {DATE_HINT}') from None
    if not_after is not None and value > not_after:
        raise _fail(path, f"must not be after {not_after.strftime('%d/%m/%Y')}")
    if not_before is not None and value < not_before:
        raise _fail(path, f"must not be before {not_before.strftime('%d/%m/%Y')}")
    return value


def uk_date(value: dt.date) -> str:
    """A date as the screens show it: DD/MM/YYYY."""
    return value.strftime("%d/%m/%Y")
