"""Reading a visit document, and turning validation failures into field-path messages."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from app.domain.visit import (
    BIRTH_WEIGHT_KG,
    BIRTH_WEIGHT_LB,
    GESTATION_DAYS,
    GESTATION_WEEKS,
    ROOM_TEMPERATURE_C,
    SECTIONS,
    VISIT_FORMAT,
    Visit,
)

RANGES: dict[str, tuple[float, float, str]] = {
    "baby.gestation_weeks": GESTATION_WEEKS,
    "baby.gestation_days": GESTATION_DAYS,
    "baby.birth_weight_kg": BIRTH_WEIGHT_KG,
    "baby.birth_weight_lb": BIRTH_WEIGHT_LB,
    "sleep.room_temperature_c": ROOM_TEMPERATURE_C,
}


class VisitError(ValueError):
    """A visit document that cannot be accepted; `problems` holds one `path: message` each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def parse_visit(source: str | bytes | dict[str, Any]) -> Visit:
    """Validate a `safesleep.visit/1` document (JSON text or a decoded dict)."""
    if isinstance(source, dict):
        data: Any = source
    else:
        try:
            data = json.loads(source)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise VisitError([f"not valid JSON: {exc}"]) from None
    if not isinstance(data, dict):
        raise VisitError([f'the visit must be a JSON object with "format": "{VISIT_FORMAT}"'])
    try:
        return Visit.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        raise VisitError(_problems(exc)) from None


def _problems(exc: ValidationError) -> list[str]:
    seen: list[str] = []
    for err in exc.errors(include_url=False):
        line = _describe(err)
        if line not in seen:
            seen.append(line)
    return seen


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _field_annotation(section: str, field: str) -> Any:
    model = SECTIONS.get(section)
    if model is None or field not in model.model_fields:
        return None
    return model.model_fields[field].annotation


def _choices(annotation: Any) -> list[str]:
    """The allowed enum values found anywhere inside a type annotation."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [m.value for m in annotation]
    found: list[str] = []
    for arg in get_args(annotation):
        found += _choices(arg)
    return found


def _fmt(number: float) -> str:
    return f"{number:g}" if float(number).is_integer() else str(number)


def _range_text(path: str) -> str:
    lo, hi, unit = RANGES[path]
    if path.endswith("_kg") or path.endswith("_lb"):
        lo_s, hi_s = f"{lo:.1f}" if unit == "kg" else str(lo), f"{hi:.1f}" if unit == "kg" else str(hi)
    else:
        lo_s, hi_s = _fmt(lo), _fmt(hi)
    return f"between {lo_s} and {hi_s} {unit}"


def _fields_of(model: type[BaseModel]) -> str:
    return ", ".join(model.model_fields)


def _describe(err: ErrorDetails) -> str:
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if "field" in ctx:
        return f"{ctx['field']}: {err['msg']}"
    if kind == "weight_twice":
        return f"{_path((*loc, 'birth_weight_lb'))}: {err['msg']}"
    path = _path(loc)
    field_path = _path(tuple(p for p in loc if not isinstance(p, int)))
    section = str(loc[0]) if loc else ""
    field = str(loc[1]) if len(loc) > 1 else ""
    annotation = _field_annotation(section, field)
    choices = _choices(annotation) if annotation is not None else []

    if (loc and loc[0] == "format") or kind == "literal_error":
        return f'format: must be "{VISIT_FORMAT}"'
    if kind == "extra_forbidden":
        parent = SECTIONS.get(section) if len(loc) == 2 else (Visit if len(loc) == 1 else None)
        allowed = f"; allowed: {_fields_of(parent)}" if parent is not None else ""
        return f"{path}: unknown field{allowed}"
    if kind in ("model_type", "model_attributes_type", "dict_type") and section in SECTIONS:
        return f"{path}: must be an object with any of: {_fields_of(SECTIONS[section])}"
    if kind == "enum" or (choices and kind in ("string_type", "enum_type")):
        return f"{path}: must be one of: {', '.join(choices)}"
    if kind == "list_type":
        return f"{path}: must be a list of any of: {', '.join(choices)}"
    if field_path in RANGES:
        if kind in ("greater_than_equal", "less_than_equal"):
            return f"{path}: must be {_range_text(field_path)}"
        whole = "whole number" if field_path.endswith(("weeks", "days")) else "number"
        return f"{path}: must be a {whole} {_range_text(field_path)}"
    if kind == "bool_type":
        return f"{path}: must be true or false"
    if kind.startswith("date"):
        return f"{path}: must be a date written YYYY-MM-DD"
    if kind == "string_type":
        return f"{path}: must be text"
    if kind == "string_too_long":
        return f"{path}: must be at most {ctx.get('max_length')} characters"
    return f"{path}: {err['msg']}"
