"""Chronology patterns at base: the domain's rules (app.domain.patterns) over the server's visit facts.

The rules live once, in the domain, for the device and the server alike; this module only adapts the
server's rows to them and words a pattern for the portal.
"""

from __future__ import annotations

import datetime as dt
import uuid

from app.domain.patterns import Pattern, SignedVisit, chronology_patterns

__all__ = ["Pattern", "pattern_text", "patterns_of"]


def patterns_of(
    visits: list[tuple[uuid.UUID, dt.date, str, bool | None, str]],
) -> tuple[Pattern, ...]:
    """Patterns of one baby's signed visits, given oldest first as (id, date, risk, seen, factors)."""
    return chronology_patterns(
        [
            SignedVisit(str(vid), day, risk, tuple(factors.split()), seen)
            for vid, day, risk, seen, factors in visits
        ]
    )


def pattern_text(code: str, factor: str | None, titles: dict[str, str] | None = None) -> str:
    """A pattern in the portal's words ("High risk at the last two visits")."""
    if code == "repeated_high_risk":
        return "High risk at the last two visits"
    if code == "sleep_space_not_seen_twice":
        return "Sleep space not seen at the last two visits"
    name = (titles or {}).get(factor or "", (factor or "").replace("_", " "))
    return f"{name} at three visits in a row"
