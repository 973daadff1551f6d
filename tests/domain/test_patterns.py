"""Chronology patterns over a baby's signed visits, oldest first."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.patterns import Pattern, SignedVisit, chronology_patterns


def v(n: int, level: str = "low", factors: tuple[str, ...] = (), seen: bool | None = True) -> SignedVisit:
    return SignedVisit(f"v{n}", dt.date(2026, 1, 1) + dt.timedelta(days=7 * n), level, factors, seen)


CASES: list[tuple[str, list[SignedVisit], list[Pattern]]] = [
    ("no visits", [], []),
    ("one high visit", [v(1, "high")], []),
    ("two high visits", [v(1, "high"), v(2, "high")], [Pattern("repeated_high_risk", ("v1", "v2"))]),
    ("high then increased", [v(1, "high"), v(2, "increased")], []),
    ("high, low, high", [v(1, "high"), v(2, "low"), v(3, "high")], []),
    ("incomplete is not high", [v(1, "high"), v(2, "incomplete")], []),
    (
        "last two of three high",
        [v(1, "low"), v(2, "high"), v(3, "high")],
        [Pattern("repeated_high_risk", ("v2", "v3"))],
    ),
    ("seen once not", [v(1, seen=False)], []),
    (
        "not seen twice",
        [v(1, seen=False), v(2, seen=None)],
        [Pattern("sleep_space_not_seen_twice", ("v1", "v2"))],
    ),
    ("not seen, then seen", [v(1, seen=False), v(2, seen=True)], []),
    ("not seen long ago", [v(1, seen=False), v(2, seen=False), v(3, seen=True)], []),
    ("factor at two visits", [v(1, factors=("smoking",)), v(2, factors=("smoking",))], []),
    (
        "factor at three consecutive visits",
        [v(1, factors=("smoking",)), v(2, factors=("smoking", "swaddled")), v(3, factors=("smoking",))],
        [Pattern("factor_persists", ("v1", "v2", "v3"), "smoking")],
    ),
    (
        "factor broken by a visit without it",
        [v(1, factors=("smoking",)), v(2), v(3, factors=("smoking",)), v(4, factors=("smoking",))],
        [],
    ),
    (
        "four in a row names the whole run",
        [v(n, factors=("items_in_sleep_space",)) for n in range(1, 5)],
        [Pattern("factor_persists", ("v1", "v2", "v3", "v4"), "items_in_sleep_space")],
    ),
    (
        "a run earlier in the history still counts",
        [
            v(1, factors=("room_temperature",)),
            v(2, factors=("room_temperature",)),
            v(3, factors=("room_temperature",)),
            v(4),
        ],
        [Pattern("factor_persists", ("v1", "v2", "v3"), "room_temperature")],
    ),
    (
        "everything at once",
        [
            v(1, "high", ("sofa_or_armchair_sharing", "smoking"), False),
            v(2, "high", ("sofa_or_armchair_sharing", "smoking"), False),
            v(3, "high", ("sofa_or_armchair_sharing", "smoking"), None),
        ],
        [
            Pattern("repeated_high_risk", ("v2", "v3")),
            Pattern("sleep_space_not_seen_twice", ("v2", "v3")),
            Pattern("factor_persists", ("v1", "v2", "v3"), "sofa_or_armchair_sharing"),
            Pattern("factor_persists", ("v1", "v2", "v3"), "smoking"),
        ],
    ),
]


@pytest.mark.parametrize(("visits", "expected"), [pytest.param(vs, e, id=i) for i, vs, e in CASES])
def test_each_pattern_appears_exactly_when_design_says(visits: list[SignedVisit], expected: list[Pattern]):
    assert list(chronology_patterns(visits)) == expected


def test_a_pattern_as_json_names_the_factor_and_visits():
    (p,) = chronology_patterns([v(n, factors=("smoking",)) for n in range(3)])
    assert p.to_json() == {"code": "factor_persists", "factor": "smoking", "visit_ids": ["v0", "v1", "v2"]}
