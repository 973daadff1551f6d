"""The sync wire contract shared by the device and the team server (pure: no I/O).

- `registry`: every entity that syncs (name, mergeable or append-only, wire fields, payload model,
  check); `records` registers the built-in ones.
- `canonical`: the one canonical JSON and content hash.
- `check`: checking a record as it arrives (hash, id, size, model, the domain's rules).
- `wire`: op, answer, change and page schemas.
- `merge`: the one field-level three-way merge.
"""

from app.protocol import records as _records  # registers the built-in entities
from app.protocol import supervision as _supervision  # made at base, pulled by devices
from app.protocol.canonical import canonical_json, content_hash, hash_text, to_jsonable
from app.protocol.check import Accepted, Refused, check_record
from app.protocol.merge import FieldClash, keep_local_edits, three_way_merge
from app.protocol.registry import (
    REGISTRY,
    Context,
    Derived,
    Entity,
    VisitState,
    entity_names,
    get_entity,
    register,
)

__all__ = [
    "REGISTRY",
    "Accepted",
    "Context",
    "Derived",
    "Entity",
    "FieldClash",
    "Refused",
    "VisitState",
    "canonical_json",
    "check_record",
    "content_hash",
    "entity_names",
    "get_entity",
    "hash_text",
    "keep_local_edits",
    "register",
    "three_way_merge",
    "to_jsonable",
]
_ = _records, _supervision
