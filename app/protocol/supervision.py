"""The `supervision` entity: a supervision record made at base and pulled by the team's devices."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.domain.problems import Problem
from app.protocol.fields import Payload, RequiredName, Text, When
from app.protocol.registry import Context, Derived, Entity, register

ACTIONS_MAX = 20


class SupervisionAction(BaseModel):
    """Something agreed in supervision: what, who, by when."""

    model_config = ConfigDict(extra="forbid")
    text: RequiredName
    owner: RequiredName
    due: dt.date


class SupervisionPayload(Payload):
    id: UUID
    family_id: UUID
    baby_id: UUID | None = None
    visit_id: UUID | None = None
    supervisor_name: RequiredName
    date: dt.date
    discussion: Text
    decision: Text = ""
    actions: list[SupervisionAction] = Field(default_factory=list, max_length=ACTIONS_MAX)
    next_review: dt.date | None = None
    state: Literal["discussed", "closed"]
    created: When


def _check_supervision(p: SupervisionPayload, _: Context) -> tuple[list[Problem], Derived]:
    if p.state == "closed" and not p.decision.strip():
        return [Problem("payload.decision", "required to close an item")], Derived()
    return [], Derived(family_id=p.family_id, parent_id=p.visit_id, visit_date=p.date)


SUPERVISION = register(
    Entity(
        "supervision",
        "append_only",
        SupervisionPayload,
        _check_supervision,
        origin="server",
        parents=(("family_id", "family"),),
    )
)
