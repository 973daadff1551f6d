"""The team, its practitioners and the households they visit: families, carers, babies."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, field_validator
from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from app.domain.identifiers import nhs_number_problem
from app.protocol.limits import ADDRESS_MAX, NAME_MAX
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


class Carer(BaseModel):
    """A parent or carer of the household."""

    model_config = ConfigDict(extra="forbid")
    name: str
    relationship: str
    phone: str | None = None
    nhs_number: str | None = None  # '943 476 5919' (check digit validated); left out when not given

    @field_validator("nhs_number")
    @classmethod
    def _nhs_number(cls, value: str | None) -> str | None:
        if value and (problem := nhs_number_problem(value)):
            raise ValueError(problem)
        return value


class OtherAdult(BaseModel):
    """Another adult known to live in or visit the home (be curious about adults)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    relationship: str
    lives_in: bool = False
    notes: str | None = None


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
    gestation_weeks: int | None = Field(default=None, ge=22, le=44)
    gestation_days: int | None = Field(default=None, ge=0, le=6)
    birth_weight_kg: float | None = Field(default=None, ge=0.3, le=7.0)


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
