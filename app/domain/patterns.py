"""Chronology patterns over one baby's signed visits (oldest first): drift made visible.

Pure: the device's chronology and the team server build `SignedVisit`s from what they store
(the risk level and factors after amendments) and call `chronology_patterns`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

PERSISTS_AT = 3  # a factor present at this many consecutive signed visits
PATTERN_CODES = ("repeated_high_risk", "sleep_space_not_seen_twice", "factor_persists")


@dataclass(frozen=True, slots=True)
class SignedVisit:
    """What the patterns need from one signed visit (amendments applied)."""

    visit_id: str
    visit_date: dt.date
    risk_level: str
    factors: tuple[str, ...] = ()
    sleep_seen: bool | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A pattern found: its code, the factor it names (factor_persists), and the visits showing it."""

    code: str
    visit_ids: tuple[str, ...]
    factor: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "factor": self.factor, "visit_ids": list(self.visit_ids)}


def chronology_patterns(visits: Sequence[SignedVisit]) -> tuple[Pattern, ...]:
    """The patterns (docs/visit-format.md) in a baby's signed visits, given oldest first."""
    out: list[Pattern] = []
    last_two = visits[-2:]
    if len(last_two) == 2 and all(v.risk_level == "high" for v in last_two):
        out.append(Pattern("repeated_high_risk", tuple(v.visit_id for v in last_two)))
    if len(last_two) == 2 and all(v.sleep_seen is not True for v in last_two):
        out.append(Pattern("sleep_space_not_seen_twice", tuple(v.visit_id for v in last_two)))
    for factor, run in _persisting(visits).items():
        out.append(Pattern("factor_persists", run, factor))
    return tuple(out)


def _persisting(visits: Sequence[SignedVisit]) -> dict[str, tuple[str, ...]]:
    """Each factor with its latest run of at least PERSISTS_AT consecutive visits, in first-seen order."""
    runs: dict[str, list[str]] = {}
    found: dict[str, tuple[str, ...]] = {}
    for v in visits:
        present = set(v.factors)
        for factor in list(runs):
            if factor not in present:
                del runs[factor]
        for factor in v.factors:
            runs.setdefault(factor, []).append(v.visit_id)
            if len(runs[factor]) >= PERSISTS_AT:
                found[factor] = tuple(runs[factor])
    return found
