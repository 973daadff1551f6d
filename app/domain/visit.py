"""The visit record: the `safesleep.visit/2` exchange format as pydantic models.

Every answer is optional: a missing (or null) answer means "not recorded", never "no".
Unknown keys, wrong types and out-of-range values are errors (see `errors.py`). A
`safesleep.visit/1` document is read with the same models (v2 only added fields and values)
and written back as v2. Allowed values and ranges live in `values.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, model_validator
from pydantic_core import PydanticCustomError

from app.domain.values import (
    ARRANGEMENT_CHARS,
    BIRTH_WEIGHT_KG,
    BIRTH_WEIGHT_LB,
    GESTATION_DAYS,
    GESTATION_WEEKS,
    KG_PER_LB,
    MAX_AGE_YEARS,
    MAX_OUT_OF_ROUTINE,
    MAX_PRESENT,
    NAME_CHARS,
    PHONE_CHARS,
    ROOM_TEMPERATURE_C,
    VISIT_FORMAT,
    VISIT_FORMAT_V1,
    BedSharing,
    BedSharingWith,
    Mattress,
    Position,
    Range,
    Relationship,
    Room,
    SharedSurface,
    Situation,
    SleepItem,
    SleepPlace,
    SocialCare,
    VisitType,
)

__all__ = [
    "KG_PER_LB",
    "SECTIONS",
    "VISIT_FORMAT",
    "BedSharing",
    "BedSharingWith",
    "Mattress",
    "Position",
    "Relationship",
    "Room",
    "SharedSurface",
    "Situation",
    "SleepItem",
    "SleepPlace",
    "SocialCare",
    "Visit",
    "VisitType",
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_text(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_format", "must be a date written YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_text), Strict(False)]


def _in(r: Range) -> Any:
    return Field(ge=r.low, le=r.high)


def _text(chars: tuple[int, int]) -> Any:
    return Field(min_length=chars[0], max_length=chars[1])


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_enum_values=False)


class Person(_Section):
    """Someone present at the visit."""

    name: Annotated[str, _text(NAME_CHARS)]
    relationship: Relationship


class VisitInfo(_Section):
    date: IsoDate | None = None
    type: VisitType | None = None
    baby_seen: bool | None = None
    present: Annotated[list[Person], Field(max_length=MAX_PRESENT)] | None = None


class Practitioner(_Section):
    name: Annotated[str, Field(max_length=NAME_CHARS[1])] | None = None
    phone: Annotated[str, Field(max_length=PHONE_CHARS[1])] | None = None


class Baby(_Section):
    name: Annotated[str, Field(max_length=NAME_CHARS[1])] | None = None
    date_of_birth: IsoDate | None = None
    gestation_weeks: Annotated[int, _in(GESTATION_WEEKS)] | None = None
    gestation_days: Annotated[int, _in(GESTATION_DAYS)] | None = None
    birth_weight_kg: Annotated[float, _in(BIRTH_WEIGHT_KG)] | None = None
    birth_weight_lb: Annotated[float, _in(BIRTH_WEIGHT_LB)] | None = None
    multiple_birth: bool | None = None
    unwell: bool | None = None

    @model_validator(mode="after")
    def _one_weight_unit(self) -> Baby:
        if self.birth_weight_kg is not None and self.birth_weight_lb is not None:
            raise PydanticCustomError(
                "weight_twice",
                "give birth_weight_kg or birth_weight_lb, not both",
                {"field": "baby.birth_weight_lb"},
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
    day_place: SleepPlace | None = None
    room: Room | None = None
    seen: bool | None = None
    position: Position | None = None
    mattress: Mattress | None = None
    items: list[SleepItem] | None = None
    room_temperature_c: Annotated[float, _in(ROOM_TEMPERATURE_C)] | None = None
    swaddled: bool | None = None
    head_covered: bool | None = None
    bed_sharing: BedSharing | None = None
    bed_sharing_with: list[BedSharingWith] | None = None
    shared_surfaces: list[SharedSurface] | None = None
    car_seat_over_2h: bool | None = None
    sling: bool | None = None

    def places(self) -> frozenset[SleepPlace]:
        """The recorded usual places: at night (`place`) and for daytime sleeps (`day_place`)."""
        return frozenset(p for p in (self.place, self.day_place) if p is not None)


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
    previous_infant_death: bool | None = None
    social_care: SocialCare | None = None


class OutOfRoutine(_Section):
    """One situation the family expects, with their own arrangement for baby's sleep."""

    situation: Situation
    arrangement: Annotated[str, _text(ARRANGEMENT_CHARS)]


class Plan(_Section):
    advice_declined: bool | None = None
    out_of_routine: Annotated[list[OutOfRoutine], Field(max_length=MAX_OUT_OF_ROUTINE)] | None = None


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class Visit(_Section):
    """One safer-sleep visit as recorded; the `safesleep.visit/2` document (v1 is read as v2)."""

    format: Literal["safesleep.visit/2", "safesleep.visit/1"]
    visit: VisitInfo = VisitInfo()
    practitioner: Practitioner = Practitioner()
    baby: Baby = Baby()
    sleep: Sleep = Sleep()
    carers: Carers = Carers()
    feeding: Feeding = Feeding()
    family: Family = Family()
    plan: Plan = Plan()

    @model_validator(mode="before")
    @classmethod
    def _read_as_v2(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {k: ({} if v is None and k != "format" else v) for k, v in data.items()}
            if data.get("format") == VISIT_FORMAT_V1:
                data["format"] = VISIT_FORMAT
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
        """The visit as a `safesleep.visit/2` JSON-ready dict, without unrecorded answers."""
        doc = self.model_dump(mode="json", exclude_none=True)
        doc["format"] = VISIT_FORMAT
        return {k: v for k, v in doc.items() if v != {} or k == "format"}


SECTIONS: dict[str, type[_Section]] = {
    "visit": VisitInfo,
    "practitioner": Practitioner,
    "baby": Baby,
    "sleep": Sleep,
    "carers": Carers,
    "feeding": Feeding,
    "family": Family,
    "plan": Plan,
}
ITEM_MODELS: dict[str, type[_Section]] = {"visit.present": Person, "plan.out_of_routine": OutOfRoutine}
