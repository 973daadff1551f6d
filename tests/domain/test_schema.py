"""docs/visit-v2.schema.json: generated from the models, and it agrees with the parser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator, FormatChecker

from app.domain import VisitError, parse_visit
from app.domain.schema import schema_text, visit_json_schema
from tests.domain.strategies import valid_visit_docs

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "docs" / "visit-v2.schema.json"
EXAMPLES = Path(__file__).with_name("examples")
VALIDATOR = Draft202012Validator(visit_json_schema(), format_checker=FormatChecker())


def _parser_accepts(doc: Any) -> bool:
    try:
        parse_visit(doc)
    except VisitError:
        return False
    return True


def test_the_committed_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "docs/visit-v2.schema.json is stale: run python -m app.domain.schema docs/visit-v2.schema.json"
    )


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("path", "valid"),
    [
        pytest.param(p, p.parent.name == "valid", id=f"{p.parent.name}/{p.stem}")
        for p in sorted(EXAMPLES.glob("*/*.json"))
    ],
)
def test_schema_and_parser_accept_and_reject_the_same_example_files(path: Path, valid: bool):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert _parser_accepts(doc) is valid
    assert VALIDATOR.is_valid(doc) is valid, [e.message for e in VALIDATOR.iter_errors(doc)]


def test_there_are_examples_of_both_kinds():
    assert len(list(EXAMPLES.glob("valid/*.json"))) >= 5
    assert len(list(EXAMPLES.glob("invalid/*.json"))) >= 15


@settings(max_examples=150, deadline=None)
@given(valid_visit_docs)
def test_the_schema_accepts_every_valid_visit(doc: dict[str, Any]):
    assert VALIDATOR.is_valid(json.loads(json.dumps(doc)))


def test_the_date_order_rule_is_the_parsers_alone():
    doc = {
        "format": "safesleep.visit/2",
        "visit": {"date": "2026-11-20"},
        "baby": {"date_of_birth": "2026-11-21"},
    }
    assert VALIDATOR.is_valid(doc) and not _parser_accepts(doc)
    assert "not after visit.date" in visit_json_schema()["description"]
