"""The visit record: the `safesleep.visit/1` exchange format as pydantic models.

Every answer is optional: a missing (or null) answer means "not recorded", never "no".
Unknown keys, wrong types and out-of-range values are errors (see `errors.py`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, model_validator
from pydantic_core import PydanticCustomError

VISIT_FORMAT = "safesleep.visit/1"
KG_PER_LB = 0.45359237

# Plausible ranges: (low, high, unit). Used by the models and by the error messages.
GESTATION_WEEKS = (22, 44, "weeks")
GESTATION_DAYS = (0, 6, "days")
BIRTH_WEIGHT_KG = (0.3, 7.0, "kg")
# The lb range lies inside the kg range once converted (0.67 lb = 0.304 kg, 15.43 lb = 6.999 kg).
BIRTH_WEIGHT_LB = (math.ceil(0.3 / KG_PER_LB * 100) / 100, math.floor(7.0 / KG_PER_LB * 100) / 100, "lb")
ROOM_TEMPERATURE_C = (5, 40, "°C")
MAX_AGE_YEARS = 2


class VisitType(StrEnum):
    antenatal = "antenatal"
    new_birth = "new_birth"
    six_eight_week = "6_8_week"
    targeted = "targeted"
    other = "other"


class SleepPlace(StrEnum):
    cot = "cot"
    moses_basket = "moses_basket"
    bedside_crib = "bedside_crib"
    travel_cot = "travel_cot"
    pram = "pram"
    adult_bed = "adult_bed"
    sofa = "sofa"
    armchair = "armchair"
    airbed = "airbed"
    car_seat = "car_seat"
    sling = "sling"
    other = "other"


class Room(StrEnum):
    parents_room = "parents_room"
    own_room = "own_room"
    other = "other"


class Position(StrEnum):
    back = "back"
    side = "side"
    front = "front"
    unknown = "unknown"


class Mattress(StrEnum):
    firm_flat_waterproof = "firm_flat_waterproof"
    soft_or_worn = "soft_or_worn"
    unknown = "unknown"


class SleepItem(StrEnum):
    pillow = "pillow"
    duvet = "duvet"
    bumper = "bumper"
    soft_toy = "soft_toy"
    pod_or_nest = "pod_or_nest"
    positioner = "positioner"
    weighted_bedding = "weighted_bedding"
    hot_water_bottle = "hot_water_bottle"
    loose_blanket = "loose_blanket"


class BedSharing(StrEnum):
    never = "never"
    sometimes = "sometimes"
    usually = "usually"


class SharedSurface(StrEnum):
    sofa = "sofa"
    armchair = "armchair"
    airbed = "airbed"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_text(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_format", "must be a date written YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_text), Strict(False)]


def _between(lo: float, hi: float) -> dict[str, float]:
    return {"ge": lo, "le": hi}


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_enum_values=False)


class VisitInfo(_Section):
    date: IsoDate | None = None
    type: VisitType | None = None


class Practitioner(_Section):
    name: Annotated[str, Field(max_length=200)] | None = None
    phone: Annotated[str, Field(max_length=50)] | None = None


class Baby(_Section):
    name: Annotated[str, Field(max_length=200)] | None = None
    date_of_birth: IsoDate | None = None
    gestation_weeks: Annotated[int, Field(**_between(*GESTATION_WEEKS[:2]))] | None = None
    gestation_days: Annotated[int, Field(**_between(*GESTATION_DAYS[:2]))] | None = None
    birth_weight_kg: Annotated[float, Field(**_between(*BIRTH_WEIGHT_KG[:2]))] | None = None
    birth_weight_lb: Annotated[float, Field(**_between(*BIRTH_WEIGHT_LB[:2]))] | None = None

    @model_validator(mode="after")
    def _one_weight_unit(self) -> Baby:
        if self.birth_weight_kg is not None and self.birth_weight_lb is not None:
            raise PydanticCustomError(
                "weight_twice",
                "give birth_weight_kg or birth_weight_lb, not both",
            )
        return self

    @property
    def weight_kg(self) -> float | None:
        """Birth weight in kg, converted from lb when it was recorded in lb."""
        if self.birth_weight_kg is not None:
            return self.birth_weight_kg
        if self.birth_weight_lb is not None:
            return self.birth_weight_lb * KG_PER_LB
        return None


class Sleep(_Section):
    place: SleepPlace | None = None
    room: Room | None = None
    seen: bool | None = None
    position: Position | None = None
    mattress: Mattress | None = None
    items: list[SleepItem] | None = None
    room_temperature_c: Annotated[float, Field(**_between(*ROOM_TEMPERATURE_C[:2]))] | None = None
    bed_sharing: BedSharing | None = None
    shared_surfaces: list[SharedSurface] | None = None
    car_seat_over_2h: bool | None = None
    sling: bool | None = None


class Carers(_Section):
    smoker_in_household: bool | None = None
    smoked_in_pregnancy: bool | None = None
    alcohol: bool | None = None
    drugs: bool | None = None
    sedating_medication: bool | None = None
    extreme_tiredness: bool | None = None


class Feeding(_Section):
    breastfed: bool | None = None
    dummy: bool | None = None


class Family(_Section):
    domestic_abuse: bool | None = None
    parental_mental_health: bool | None = None
    substance_misuse: bool | None = None
    unidentified_adults: bool | None = None
    out_of_routine_planned: bool | None = None


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class Visit(_Section):
    """One safer-sleep visit as recorded; the `safesleep.visit/1` document."""

    format: Literal["safesleep.visit/1"]
    visit: VisitInfo = VisitInfo()
    practitioner: Practitioner = Practitioner()
    baby: Baby = Baby()
    sleep: Sleep = Sleep()
    carers: Carers = Carers()
    feeding: Feeding = Feeding()
    family: Family = Family()

    @model_validator(mode="before")
    @classmethod
    def _null_section_is_empty(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: ({} if v is None and k != "format" else v) for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _dates_make_sense(self) -> Visit:
        born, seen_on = self.baby.date_of_birth, self.visit.date
        if born is None or seen_on is None:
            return self
        if born > seen_on:
            raise PydanticCustomError(
                "dob_after_visit",
                "must not be after visit.date ({visit_date})",
                {"visit_date": seen_on.isoformat(), "field": "baby.date_of_birth"},
            )
        if born < _years_before(seen_on, MAX_AGE_YEARS):
            raise PydanticCustomError(
                "dob_too_early",
                "must not be more than {years} years before visit.date ({visit_date})",
                {"years": MAX_AGE_YEARS, "visit_date": seen_on.isoformat(), "field": "baby.date_of_birth"},
            )
        return self

    def age_days(self) -> int | None:
        """Baby's age in days on the visit date, when both dates are recorded."""
        if self.baby.date_of_birth is None or self.visit.date is None:
            return None
        return (self.visit.date - self.baby.date_of_birth).days

    def to_document(self) -> dict[str, Any]:
        """The visit as a `safesleep.visit/1` JSON-ready dict, without unrecorded answers."""
        doc = self.model_dump(mode="json", exclude_none=True)
        return {k: v for k, v in doc.items() if v != {} or k == "format"}


SECTIONS: dict[str, type[_Section]] = {
    "visit": VisitInfo,
    "practitioner": Practitioner,
    "baby": Baby,
    "sleep": Sleep,
    "carers": Carers,
    "feeding": Feeding,
    "family": Family,
}
