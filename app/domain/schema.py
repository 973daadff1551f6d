"""The JSON Schema of `safesleep.visit/2`, generated from the models (docs/visit-v2.schema.json).

Regenerate with `python -m app.domain.schema docs/visit-v2.schema.json`; a test checks the
committed file equals this output. Two rules need both dates and stay with the parser only:
`baby.date_of_birth` not after `visit.date` and not more than 2 years before it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from app.domain.visit import SECTIONS, Visit

ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _patch(node: Any) -> None:
    """Dates must be written YYYY-MM-DD, as the parser requires."""
    if isinstance(node, dict):
        if node.get("format") == "date":
            node["pattern"] = ISO_DATE_PATTERN
        for value in node.values():
            _patch(value)
    elif isinstance(node, list):
        for value in node:
            _patch(value)


def visit_json_schema() -> dict[str, Any]:
    """The schema of a visit document as the parser accepts it."""
    schema = Visit.model_json_schema(mode="validation")
    _patch(schema)
    props = schema["properties"]
    for name in SECTIONS:  # a null section is read as "nothing recorded"
        ref = {k: v for k, v in props[name].items() if k == "$ref"}
        props[name] = {"anyOf": [ref, {"type": "null"}], "description": f"The {name} answers."}
    baby = schema["$defs"]["Baby"]
    baby["not"] = {
        "description": "give birth_weight_kg or birth_weight_lb, not both",
        "properties": {"birth_weight_kg": {"type": "number"}, "birth_weight_lb": {"type": "number"}},
        "required": ["birth_weight_kg", "birth_weight_lb"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "safesleep.visit/2",
        "description": (
            "A safer-sleep visit record. Every field except format is optional: a missing or null "
            "answer means not recorded, never no. safesleep.visit/1 documents are read as v2. "
            "The parser also checks that baby.date_of_birth is not after visit.date and not more "
            "than 2 years before it."
        ),
    }


def schema_text() -> str:
    return json.dumps(visit_json_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    """Write the schema to the file given (or print it)."""
    if argv:
        Path(argv[0]).write_text(schema_text(), encoding="utf-8")
    else:
        sys.stdout.write(schema_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
