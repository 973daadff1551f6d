"""A signed visit's corrections: editing a visit document one dotted path at a time and applying
amendments in order. The device store and the team server both use these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from app.domain.errors import VisitError
from app.domain.problems import Problem
from app.domain.visit import SECTIONS

NOTE_FIELDS = ("parents_said", "observed", "agreed_actions", "follow_up_date")
Changes = Mapping[str, Mapping[str, Any]]  # {"sleep.place": {"from": "cot", "to": "sofa"}}


def json_value(value: Any) -> Any:
    """Enums, dates and tuples as the JSON the visit document holds."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(v) for v in value]
    return value


def split_path(path: str, *, notes: bool = False) -> tuple[str, str]:
    """('sleep', 'place') for 'sleep.place'; VisitError naming the allowed paths otherwise."""
    parts = path.split(".") if isinstance(path, str) else []
    sections = [*SECTIONS, "notes"] if notes else list(SECTIONS)
    if len(parts) != 2 or parts[0] not in sections:
        raise VisitError(
            [
                Problem(
                    str(path),
                    f"unknown question; a path is SECTION.FIELD with SECTION one of: {', '.join(sections)}",
                )
            ]
        )
    section, field = parts
    allowed = list(NOTE_FIELDS) if section == "notes" else list(SECTIONS[section].model_fields)
    if field not in allowed:
        raise VisitError([Problem(path, f"unknown field; allowed: {', '.join(allowed)}")])
    return section, field


def with_answer(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `doc` with one answer set (None removes it: not recorded)."""
    section, field = split_path(path)
    new = {k: (dict(v) if isinstance(v, dict) else v) for k, v in doc.items()}
    part = new.setdefault(section, {})
    if not isinstance(part, dict):
        part = new[section] = {}
    if value is None:
        part.pop(field, None)
        if not part:
            new.pop(section)
    else:
        part[field] = json_value(value)
    return new


def get_answer(doc: dict[str, Any], path: str) -> Any:
    section, field = split_path(path)
    part = doc.get(section) or {}
    return part.get(field)


def apply_amendments(
    answers: dict[str, Any], notes: dict[str, Any], amendments: Iterable[Changes]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(answers, notes) of a visit with each amendment's changes applied in order ("to" values).

    A path that is not a question or a note raises VisitError; the result is not re-parsed here
    (call parse_visit on the answers)."""
    doc, now = dict(answers), dict(notes)
    for changes in amendments:
        for path, change in changes.items():
            split_path(path, notes=True)
            if path.startswith("notes."):
                now[path.removeprefix("notes.")] = change["to"]
            else:
                doc = with_answer(doc, path, change["to"])
    return doc, now
