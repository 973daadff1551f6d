"""Checking a guidance file before it is published: it parses, and every code the rules use has an entry."""

from __future__ import annotations

import tomllib

from app.domain.assessment import CONTEXT_CODES, FACTOR_CODES, PROMPT_CODES, PROTECTIVE_CODES
from app.domain.guidance import Guidance, parse_guidance
from app.domain.problems import Problem

REQUIRED: dict[str, tuple[str, ...]] = {
    "factors": FACTOR_CODES,
    "protective": PROTECTIVE_CODES,
    "prompts": PROMPT_CODES,
    "context": CONTEXT_CODES,
}


def check_guidance(text: str) -> Guidance | list[Problem]:
    """The guidance in `text`, or every problem found (each names the entry and field)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [Problem("", f"not a valid TOML file ({exc})")]
    version = raw.get("guidance_version")
    if not isinstance(version, str) or not version.strip():
        return [Problem("guidance_version", 'missing: give the version as text, e.g. "2027.01-1"')]
    try:
        guidance = parse_guidance(text)
    except (ValueError, KeyError, TypeError) as exc:
        path, _, message = str(exc).partition(": ")
        return [Problem(path, message)] if message else [Problem("", str(exc))]
    problems = [
        Problem(f"{kind}.{code}", f"missing: every {kind} code the assessment uses needs an entry")
        for kind, codes in REQUIRED.items()
        for code in codes
        if code not in guidance.entries or guidance.entries[code].kind != kind
    ]
    return problems or guidance
