"""Chronology patterns over a baby's signed visits, oldest first (DESIGN.md "Chronology patterns").

Pure. Kept here until app/domain has its own; then this module only adapts to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class VisitSummary:
    risk_level: str
    sleep_seen: bool | None
    factors: tuple[str, ...]


@dataclass(frozen=True)
class Pattern:
    code: str
    factor: str | None = None

    def words(self, titles: dict[str, str] | None = None) -> str:
        if self.code == "repeated_high_risk":
            return "High risk at the last two visits"
        if self.code == "sleep_space_not_seen_twice":
            return "Sleep space not seen at the last two visits"
        name = (titles or {}).get(self.factor or "", (self.factor or "").replace("_", " "))
        return f"{name} at three visits in a row"


def chronology_patterns(visits: Sequence[VisitSummary]) -> list[Pattern]:
    """The patterns shown by a baby's signed visits (oldest first)."""
    found: list[Pattern] = []
    last_two = visits[-2:]
    if len(last_two) == 2 and all(v.risk_level == "high" for v in last_two):
        found.append(Pattern("repeated_high_risk"))
    if len(last_two) == 2 and all(v.sleep_seen is not True for v in last_two):
        found.append(Pattern("sleep_space_not_seen_twice"))
    persisting: set[str] = set()
    for i in range(len(visits) - 2):
        persisting |= set(visits[i].factors) & set(visits[i + 1].factors) & set(visits[i + 2].factors)
    found.extend(Pattern("factor_persists", code) for code in sorted(persisting))
    return found
