"""Reading a visit document, and turning validation failures into Problems (path + plain words)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from app.domain.problems import Problem, ProblemsError, join_path
from app.domain.values import (
    ACCEPTED_FORMATS,
    ARRANGEMENT_CHARS,
    CHOICES,
    MAX_OUT_OF_ROUTINE,
    MAX_PRESENT,
    NAME_CHARS,
    RANGES,
    VISIT_FORMAT,
    allowed,
)
from app.domain.visit import ITEM_MODELS, SECTIONS, Visit

TEXT_CHARS = {"visit.present.name": NAME_CHARS, "plan.out_of_routine.arrangement": ARRANGEMENT_CHARS}
MAX_ITEMS = {"visit.present": MAX_PRESENT, "plan.out_of_routine": MAX_OUT_OF_ROUTINE}
FORMAT_WORDS = " or ".join(f'"{f}"' for f in ACCEPTED_FORMATS)


class VisitError(ProblemsError):
    """A visit document that cannot be accepted; `problems` holds every Problem found."""


def parse_visit(source: str | bytes | dict[str, Any]) -> Visit:
    """Validate a `safesleep.visit/2` (or `/1`) document, JSON text or a decoded dict."""
    if isinstance(source, dict):
        data: Any = source
    else:
        try:
            data = json.loads(source)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise VisitError([Problem("", f"not valid JSON: {exc}")]) from None
    if not isinstance(data, dict):
        raise VisitError([Problem("", f'the visit must be a JSON object with "format": "{VISIT_FORMAT}"')])
    try:
        return Visit.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        raise VisitError(problems_of(exc)) from None


def problems_of(exc: ValidationError) -> list[Problem]:
    """Every distinct Problem of a validation failure, in the order pydantic found them."""
    seen: list[Problem] = []
    for err in exc.errors(include_url=False):
        problem = _describe(err)
        if problem not in seen:
            seen.append(problem)
    return seen


def _model_at(generic: str) -> type[BaseModel] | None:
    """The model whose fields live at a generic path ("sleep", "visit.present", "" = the visit)."""
    if generic == "":
        return Visit
    return SECTIONS.get(generic) or ITEM_MODELS.get(generic)


def _fields_of(model: type[BaseModel]) -> str:
    return ", ".join(model.model_fields)


def _describe(err: ErrorDetails) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if "field" in ctx:
        return Problem(str(ctx["field"]), err["msg"])
    path = join_path(*loc)
    generic = join_path(*(p for p in loc if not isinstance(p, int)))
    if (loc and loc[0] == "format") or kind == "literal_error":
        return Problem("format", f"must be {FORMAT_WORDS}")
    if kind == "extra_forbidden":
        parent = _model_at(generic.rpartition(".")[0])
        return Problem(path, "unknown field" + (f"; allowed: {_fields_of(parent)}" if parent else ""))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        model = _model_at(generic)
        if model is not None:
            return Problem(path, f"must be an object with any of: {_fields_of(model)}")
    if kind == "missing":
        return Problem(path, "required" + _item_hint(generic))
    enum = CHOICES.get(generic)
    if enum is not None:
        values = ", ".join(allowed(enum))
        if kind == "list_type":
            return Problem(path, f"must be a list of any of: {values}")
        return Problem(path, f"must be one of: {values}")
    if generic in MAX_ITEMS and kind in ("list_type", "too_long"):
        entries = f"at most {MAX_ITEMS[generic]} entries"
        return Problem(
            path, f"must be a list of {entries}" if kind == "list_type" else f"must have {entries}"
        )
    if generic in RANGES:
        r = RANGES[generic]
        if kind in ("greater_than_equal", "less_than_equal"):
            return Problem(path, f"must be {r.words()}")
        return Problem(path, f"must be a {'whole number' if r.whole else 'number'} {r.words()}")
    if kind == "bool_type":
        return Problem(path, "must be true or false")
    if kind.startswith("date"):
        return Problem(path, "must be a date written YYYY-MM-DD")
    if kind == "string_type":
        return Problem(path, "must be text")
    if kind == "string_too_short":
        return Problem(path, "must not be empty; give " + _item_hint(generic).removeprefix(": "))
    if kind == "string_too_long":
        return Problem(path, f"must be at most {ctx.get('max_length')} characters")
    return Problem(path, str(err["msg"]))


def _item_hint(generic: str) -> str:
    enum = CHOICES.get(generic)
    if enum is not None:
        return f"; one of: {', '.join(allowed(enum))}"
    chars = TEXT_CHARS.get(generic)
    return f": text of {chars[0]} to {chars[1]} characters" if chars else ""
