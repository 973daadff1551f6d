"""Seeded random visit documents for benchmarks and load tests."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from app.domain import visit as v


def random_visit_doc(rng: random.Random) -> dict[str, Any]:
    """One plausible visit with a random mix of answers recorded."""
    visit_date = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(330))
    pick = rng.choice

    def some(values: dict[str, Any]) -> dict[str, Any]:
        return {k: val for k, val in values.items() if rng.random() < 0.85}

    baby = some(
        {
            "name": pick(["Sam", "Ava", "Noah", "Isla", "Leo", "Mia"]),
            "date_of_birth": (visit_date - dt.timedelta(days=rng.randrange(0, 300))).isoformat(),
            "gestation_weeks": rng.randint(28, 42),
            "gestation_days": rng.randint(0, 6),
        }
    )
    if rng.random() < 0.5:
        baby["birth_weight_kg"] = round(rng.uniform(1.2, 4.8), 2)
    else:
        baby["birth_weight_lb"] = round(rng.uniform(2.7, 10.5), 2)
    return {
        "format": v.VISIT_FORMAT,
        "visit": {"date": visit_date.isoformat(), "type": pick([t.value for t in v.VisitType])},
        "baby": baby,
        "sleep": some(
            {
                "place": pick([p.value for p in v.SleepPlace]),
                "room": pick([r.value for r in v.Room]),
                "seen": rng.random() < 0.7,
                "position": pick([p.value for p in v.Position]),
                "mattress": pick([m.value for m in v.Mattress]),
                "items": rng.sample([i.value for i in v.SleepItem], rng.choice([0, 0, 0, 1, 2])),
                "room_temperature_c": round(rng.uniform(12, 25), 1),
                "bed_sharing": pick([b.value for b in v.BedSharing]),
                "shared_surfaces": rng.sample([s.value for s in v.SharedSurface], rng.choice([0, 0, 1])),
                "car_seat_over_2h": rng.random() < 0.1,
                "sling": rng.random() < 0.2,
            }
        ),
        "carers": some({f: rng.random() < 0.15 for f in v.Carers.model_fields}),
        "feeding": some({f: rng.random() < 0.5 for f in v.Feeding.model_fields}),
        "family": some(
            {
                **{f: rng.random() < 0.08 for f in v.Family.model_fields if f != "social_care"},
                "social_care": pick(["none"] * 8 + ["early_help", "child_in_need", "child_protection"]),
            }
        ),
    }
