"""Checking one record as it arrives (at the server from a device, at a device from the server):
known entity, id, size, finite numbers, content hash, payload model, then the entity's own check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from app.domain.problems import Problem
from app.protocol.canonical import canonical_json, hash_text
from app.protocol.limits import RECORD_BYTES_MAX
from app.protocol.registry import REGISTRY, Context, Derived, Entity


@dataclass(frozen=True)
class Accepted:
    """A record that passed every check: its canonical text and hash, and what was derived."""

    entity: Entity
    payload: dict[str, Any]
    text: str
    hash: str
    derived: Derived


@dataclass(frozen=True)
class Refused:
    """A record that cannot be accepted; every problem found, by dotted path."""

    problems: list[Problem]

    @property
    def message(self) -> str:
        return "; ".join(str(p) for p in self.problems)


def _loc(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in ("payload", *loc))


def model_problems(exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "required"
        else:
            message = err["msg"].removeprefix("Value error, ")
        out.append(Problem(_loc(tuple(err["loc"])), message))
    return out


def check_record(
    *,
    entity: str,
    record_id: UUID,
    payload: Any,
    ctx: Context,
    claimed_hash: str | None = None,
    kind: str | None = None,
    origin: str | None = "device",
) -> Accepted | Refused:
    """Check one record. `claimed_hash` (the op's or change's `hash`) must equal the content hash of
    `payload`; `kind` the entity's op kind; `origin` who may make this entity (None: anyone)."""
    found = REGISTRY.get(entity)
    if found is None or (origin is not None and found.origin != origin):
        names = [n for n, e in REGISTRY.items() if origin is None or e.origin == origin]
        return Refused([Problem("entity", f"must be one of: {', '.join(names)}")])
    if kind is not None and kind != found.op_kind:
        return Refused([Problem("kind", f"must be {found.op_kind} for a {entity}")])
    if not isinstance(payload, dict):
        return Refused([Problem("payload", "must be a JSON object")])
    if str(payload.get("id")) != str(record_id):
        return Refused([Problem("payload.id", "must be the op's id (the record's own id)")])
    try:
        text = canonical_json(payload)
    except ValueError:
        return Refused([Problem("payload", "numbers must be finite (no NaN or infinity)")])
    if len(text.encode()) > RECORD_BYTES_MAX:
        return Refused([Problem("payload", f"must be at most {RECORD_BYTES_MAX // 1024} KiB as JSON")])
    digest = hash_text(text)
    if claimed_hash is not None and claimed_hash != digest:
        return Refused([Problem("hash", "does not match the payload (sha256 of its canonical JSON)")])
    try:
        model = found.model.model_validate(payload)
    except ValidationError as exc:
        return Refused(model_problems(exc))
    problems = [
        Problem(f"payload.{name}", f"no {parent} {value} here (it must be synced first)")
        for name, parent in found.parents
        if (value := getattr(model, name)) is not None and not ctx.exists(parent, value)
    ]
    if problems:
        return Refused(problems)
    problems, derived = found.check(model, ctx)
    if problems:
        return Refused(problems)
    return Accepted(found, payload, text, digest, derived)
