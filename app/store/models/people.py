"""The team, its practitioners and the households they visit: families, carers, babies.

A carer and another adult are the sync contract's own models (app.protocol.records), so the store
refuses exactly what the server would (an NHS number's check digit, a name's length).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict
from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from app.domain.values import BIRTH_WEIGHT_KG, GESTATION_DAYS, GESTATION_WEEKS
from app.protocol.limits import ADDRESS_MAX, NAME_MAX
from app.protocol.records import Carer, OtherAdult  # the wire's own checks (NHS number, names)
from app.store.ids import new_id, utcnow


class Team(SQLModel, table=True):
    id: UUID = Field(default_factory=new_id, primary_key=True)
    name: str = Field(max_length=NAME_MAX)
    created: dt.datetime = Field(default_factory=utcnow)


class TeamPublic(SQLModel):
    id: UUID
    name: str


class PractitionerBase(SQLModel):
    name: str = Field(max_length=NAME_MAX)
    phone: str | None = Field(default=None, max_length=50)
    role: str = Field(default="health_visitor", max_length=50)


class Practitioner(PractitionerBase, table=True):
    id: UUID = Field(default_factory=new_id, primary_key=True)
    team_id: UUID = Field(foreign_key="team.id", index=True)
    created: dt.datetime = Field(default_factory=utcnow)


class PractitionerPublic(PractitionerBase):
    id: UUID
    team_id: UUID


class FamilyBase(SQLModel):
    name: str = Field(max_length=NAME_MAX, description="Household name, e.g. 'Okafor family'.")
    surname: str = Field(max_length=NAME_MAX)
    address: str = Field(default="", max_length=ADDRESS_MAX)
    postcode: str = Field(default="", max_length=10, description="UK postcode, e.g. 'SO14 7DU'.")
    carers: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    other_adults: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)


class FamilyCreate(BaseModel):
    """What a practitioner enters to add a household."""

    model_config = ConfigDict(extra="forbid")
    name: str
    surname: str
    address: str = ""
    postcode: str = ""
    carers: list[Carer] = []
    other_adults: list[OtherAdult] = []


class Family(FamilyBase, table=True):
    # Covering indexes for the caseload search: each prefix range comes back in caseload order.
    __table_args__ = (
        Index("ix_family_surname_order", "surname_key", "name_key", "id"),
        Index("ix_family_name_order", "name_key", "surname_key", "id"),
        Index("ix_family_postcode_order", "postcode_key", "surname_key", "name_key", "id"),
    )

    id: UUID = Field(default_factory=new_id, primary_key=True)
    team_id: UUID | None = Field(default=None, foreign_key="team.id", index=True)
    surname_key: str = Field(max_length=NAME_MAX, description="lower-case surname")
    name_key: str = Field(max_length=NAME_MAX, description="lower-case name")
    postcode_key: str = Field(max_length=10, description="postcode, upper, no spaces")
    created: dt.datetime = Field(default_factory=utcnow)
    updated: dt.datetime = Field(default_factory=utcnow)
    content_hash: str = ""
    server_version: int | None = None
    synced_values: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class FamilyPublic(FamilyBase):
    id: UUID
    team_id: UUID | None
    created: dt.datetime
    updated: dt.datetime
    server_version: int | None


class BabyBase(SQLModel):
    name: str = Field(max_length=NAME_MAX)
    date_of_birth: dt.date | None = None
    gestation_weeks: int | None = Field(default=None, ge=GESTATION_WEEKS.low, le=GESTATION_WEEKS.high)
    gestation_days: int | None = Field(default=None, ge=GESTATION_DAYS.low, le=GESTATION_DAYS.high)
    birth_weight_kg: float | None = Field(default=None, ge=BIRTH_WEIGHT_KG.low, le=BIRTH_WEIGHT_KG.high)


class BabyCreate(BaseModel):
    """What a practitioner enters to add a baby to a household."""

    model_config = ConfigDict(extra="forbid")
    name: str
    date_of_birth: dt.date | None = None
    gestation_weeks: int | None = None
    gestation_days: int | None = None
    birth_weight_kg: float | None = None


class Baby(BabyBase, table=True):
    __table_args__ = (Index("ix_baby_name_family", "name_key", "family_id"),)

    id: UUID = Field(default_factory=new_id, primary_key=True)
    family_id: UUID = Field(foreign_key="family.id", index=True)
    name_key: str = Field(max_length=NAME_MAX, description="lower-case name")
    created: dt.datetime = Field(default_factory=utcnow)
    updated: dt.datetime = Field(default_factory=utcnow)
    content_hash: str = ""
    server_version: int | None = None
    synced_values: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class BabyPublic(BabyBase):
    id: UUID
    family_id: UUID
    server_version: int | None
