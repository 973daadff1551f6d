"""Codes in plain words for the portal (factor titles come from the guidance data)."""

from __future__ import annotations

import json
from functools import cache

from app.server.portal.patterns import pattern_text

KIND_WORDS = {  # the kinds of chronology entry, on the screen and in the printed chronology
    "visit": "Visit",
    "amendment": "Amendment",
    "leaflet": "Leaflet",
    "note": "Note",
    "supervision": "Supervision",
    "pattern": "Pattern",
}
REASON_WORDS = {
    "escalate": "Escalate: discuss with a supervisor",
    "high_risk": "High risk",
    "incomplete": "Signed with core questions not recorded",
    "pattern": "Chronology pattern",
    "amended": "Amended: the correction raised the risk",
}
CONTEXT_WORDS = {
    "domestic_abuse": "domestic abuse",
    "parental_mental_health": "parental mental health",
    "substance_misuse": "substance misuse",
    "unidentified_adults": "unidentified adults in the home",
    "out_of_routine_planned": "change of routine planned",
    "previous_infant_death": "previous infant death",
    "early_help": "early help",
    "child_in_need": "child in need",
    "child_protection": "child protection",
    "advice_declined": "advice declined",
}
STATE_WORDS = {"new": "New", "discussed": "Discussed", "closed": "Closed"}


@cache
def factor_titles() -> dict[str, str]:
    """Factor code -> its title in the guidance data."""
    from app.domain.guidance import load_guidance

    return {e.code: e.title for e in load_guidance().of_kind("factors")}


def factor_words(codes: str) -> list[str]:
    titles = factor_titles()
    return [titles.get(c, c.replace("_", " ")) for c in codes.split()]


def context_words(codes: str) -> list[str]:
    return [CONTEXT_WORDS.get(c, c.replace("_", " ")) for c in codes.split()]


def pattern_words(patterns_json: str) -> list[str]:
    items = json.loads(patterns_json or "[]")
    titles = factor_titles()
    return [pattern_text(p["code"], p.get("factor"), titles) for p in items]


def waited_words(days: int) -> str:
    if days <= 0:
        return "today"
    return "1 day" if days == 1 else f"{days} days"
