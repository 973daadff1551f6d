"""Hypothesis strategies for valid `safesleep.visit/2` documents."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from hypothesis import strategies as st

from app.domain import values as v
from app.domain.visit import Carers, Family, Feeding


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(None), strategy)


def _enum(enum: type[StrEnum]) -> st.SearchStrategy[str]:
    return st.sampled_from(list(v.allowed(enum)))


def _section(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={k: _maybe(s) for k, s in fields.items()})


_bool = st.booleans()
_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30)
_people = st.lists(
    st.fixed_dictionaries({"name": _text, "relationship": _enum(v.Relationship)}), max_size=v.MAX_PRESENT
)
_plans = st.lists(
    st.fixed_dictionaries({"situation": _enum(v.Situation), "arrangement": _text}),
    max_size=v.MAX_OUT_OF_ROUTINE,
)
_yes_no_family = {f: _bool for f in Family.model_fields if f != "social_care"}

valid_visit_docs: st.SearchStrategy[dict[str, Any]] = st.builds(
    lambda fmt, visit_date, age, visit, baby, weight, rest: {
        "format": fmt,
        "visit": {"date": visit_date.isoformat(), "type": "targeted", **visit},
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
    st.sampled_from(v.ACCEPTED_FORMATS),
    st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    _maybe(st.integers(0, 729)),
    _section(baby_seen=_bool, present=_people),
    _section(
        gestation_weeks=st.integers(22, 44),
        gestation_days=st.integers(0, 6),
        name=st.text(max_size=20),
        multiple_birth=_bool,
        unwell=_bool,
    ),
    st.one_of(
        st.just({}),
        st.builds(lambda kg: {"birth_weight_kg": kg}, st.floats(0.3, 7.0)),
        st.builds(
            lambda lb: {"birth_weight_lb": lb}, st.floats(v.BIRTH_WEIGHT_LB.low, v.BIRTH_WEIGHT_LB.high)
        ),
    ),
    st.fixed_dictionaries(
        {
            "sleep": _section(
                place=_enum(v.SleepPlace),
                day_place=_enum(v.SleepPlace),
                room=_enum(v.Room),
                seen=_bool,
                position=_enum(v.Position),
                mattress=_enum(v.Mattress),
                items=st.lists(_enum(v.SleepItem), max_size=4),
                room_temperature_c=st.floats(5, 40),
                swaddled=_bool,
                head_covered=_bool,
                bed_sharing=_enum(v.BedSharing),
                bed_sharing_with=st.lists(_enum(v.BedSharingWith), max_size=2),
                shared_surfaces=st.lists(_enum(v.SharedSurface), max_size=3),
                car_seat_over_2h=_bool,
                sling=_bool,
            ),
            "carers": _section(**{f: _bool for f in Carers.model_fields}),
            "feeding": _section(**{f: _bool for f in Feeding.model_fields}),
            "family": _section(**_yes_no_family, social_care=_enum(v.SocialCare)),
            "plan": _section(advice_declined=_bool, out_of_routine=_plans),
        }
    ),
)
