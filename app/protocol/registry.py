"""The entity registry: every kind of record that syncs, how it merges and how it is checked.

To add an entity (e.g. `supervision`, made at base and pulled by devices): write its payload model
(a `Payload`), a check function, and `register(Entity(...))` it at import of app.protocol.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, Protocol
from uuid import UUID

from app.domain.problems import Problem
from app.protocol.fields import Payload

Kind = Literal["mergeable", "append_only"]
Origin = Literal["device", "server"]


@dataclass(frozen=True)
class Derived:
    """What a side computes from a record itself (never taken from the sender)."""

    family_id: UUID | None = None
    parent_id: UUID | None = None  # the visit an amendment or a leaflet belongs to
    visit_date: dt.date | None = None
    risk_level: str | None = None
    escalate: bool | None = None
    factors: tuple[str, ...] = ()
    assessment: dict[str, Any] | None = None  # the visit's (an amendment's: the corrected visit's)
    guidance_version: str | None = None


@dataclass(frozen=True)
class VisitState:
    """A signed visit's answers and notes with the amendments received so far applied."""

    answers: dict[str, Any]
    notes: dict[str, Any]


class Context(Protocol):
    """What a check may ask of the side running it (the server's team, or the device's store)."""

    def exists(self, entity: str, entity_id: UUID) -> bool:
        """Whether this record is already known here (or earlier in the same batch)."""
        ...

    def visit_state(self, visit_id: UUID) -> VisitState | None:
        """The visit's current answers and notes (amendments applied), None when unknown here."""
        ...

    def guidance(self, version: str | None) -> Any:
        """The guidance of that version (app.domain.guidance.Guidance), or the newest known."""
        ...


Check = Callable[[Any, Context], tuple[list[Problem], Derived]]


@dataclass(frozen=True)
class Entity:
    """One kind of synced record."""

    name: str
    kind: Kind
    model: type[Payload]
    check: Check
    origin: Origin = "device"
    parents: tuple[tuple[str, str], ...] = ()  # (payload field, entity it names)
    kept_on_devices: bool = True  # False: the server keeps it, devices skip it when pulled
    local_fields: tuple[str, ...] = field(default=())  # device columns named like wire fields but not sent

    @cached_property
    def fields(self) -> tuple[str, ...]:
        """The wire fields, in the payload model's order (read once: pydantic rebuilds the dict)."""
        return tuple(self.model.model_fields)

    @cached_property
    def field_set(self) -> frozenset[str]:
        return frozenset(self.fields)

    @property
    def op_kind(self) -> str:
        return "upsert" if self.kind == "mergeable" else "create"


REGISTRY: dict[str, Entity] = {}


def register(entity: Entity) -> Entity:
    """Add an entity to the registry (its name must be new)."""
    if entity.name in REGISTRY:
        raise ValueError(f"entity {entity.name!r} is already registered")
    REGISTRY[entity.name] = entity
    return entity


def get_entity(name: str) -> Entity | None:
    return REGISTRY.get(name)


def entity_names(*, origin: Origin | None = None) -> list[str]:
    return [n for n, e in REGISTRY.items() if origin is None or e.origin == origin]
