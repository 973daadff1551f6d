"""Hypothesis strategies for valid visit documents."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from hypothesis import strategies as st

from app.domain import visit as v


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(None), strategy)


def _enum(enum: type[Enum]) -> st.SearchStrategy[str]:
    return st.sampled_from([m.value for m in enum])


def _section(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={k: _maybe(s) for k, s in fields.items()})


_bool = st.booleans()

valid_visit_docs: st.SearchStrategy[dict[str, Any]] = st.builds(
    lambda visit_date, age, baby, weight, rest: {
        "format": v.VISIT_FORMAT,
        "visit": {"date": visit_date.isoformat(), "type": "targeted"},
        "baby": {
            **baby,
            **weight,
            **(
                {"date_of_birth": (visit_date - dt.timedelta(days=age)).isoformat()}
                if age is not None
                else {}
            ),
        },
        **rest,
    },
    st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    _maybe(st.integers(0, 729)),
    _section(
        gestation_weeks=st.integers(22, 44), gestation_days=st.integers(0, 6), name=st.text(max_size=20)
    ),
    st.one_of(
        st.just({}),
        st.builds(lambda kg: {"birth_weight_kg": kg}, st.floats(0.3, 7.0)),
        st.builds(lambda lb: {"birth_weight_lb": lb}, st.floats(0.67, 15.43)),
    ),
    st.fixed_dictionaries(
        {
            "sleep": _section(
                place=_enum(v.SleepPlace),
                room=_enum(v.Room),
                seen=_bool,
                position=_enum(v.Position),
                mattress=_enum(v.Mattress),
                items=st.lists(_enum(v.SleepItem), max_size=4),
                room_temperature_c=st.floats(5, 40),
                bed_sharing=_enum(v.BedSharing),
                shared_surfaces=st.lists(_enum(v.SharedSurface), max_size=3),
                car_seat_over_2h=_bool,
                sling=_bool,
            ),
            "carers": _section(**{f: _bool for f in v.Carers.model_fields}),
            "feeding": _section(**{f: _bool for f in v.Feeding.model_fields}),
            "family": _section(**{f: _bool for f in v.Family.model_fields}),
        }
    ),
)
