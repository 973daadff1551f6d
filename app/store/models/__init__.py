"""The device store's tables (SQLModel). Every id is a UUIDv7 made on the device.

Families follow `XBase / XCreate / X(table=True) / XPublic`. Syncable rows (family, baby, signed
visit, amendment, leaflet record, case note, audit event) carry `content_hash`; families and babies
also carry `server_version` and `synced_values` for the three-way merge of app/sync.
Signed visits, amendments, leaflet records, case notes and audit events are immutable: SQLite
triggers (see migrations) refuse any UPDATE or DELETE of them.

people.py holds the team and the households, records.py a family's records, device.py the
device's own tables (sync support, device facts, caseload order).
"""

from __future__ import annotations

from app.protocol.limits import NAME_MAX, TEXT_MAX
from app.protocol.records import Carer, OtherAdult
from app.store.models.device import (
    CaseloadEntry,
    DeviceMeta,
    OpState,
    OutboxOp,
    SyncConflict,
    SyncQuarantine,
    SyncState,
)
from app.store.models.people import (
    Baby,
    BabyBase,
    BabyCreate,
    BabyPublic,
    Family,
    FamilyBase,
    FamilyCreate,
    FamilyPublic,
    Practitioner,
    PractitionerBase,
    PractitionerPublic,
    Team,
    TeamPublic,
)
from app.store.models.records import (
    Amendment,
    AuditEvent,
    CaseNote,
    LeafletRecord,
    PendingInput,
    SupervisionRecord,
    VisitBase,
    VisitRecord,
    VisitStatus,
)

__all__ = [
    "NAME_MAX",
    "TEXT_MAX",
    "Amendment",
    "AuditEvent",
    "Baby",
    "BabyBase",
    "BabyCreate",
    "BabyPublic",
    "Carer",
    "CaseNote",
    "CaseloadEntry",
    "DeviceMeta",
    "Family",
    "FamilyBase",
    "FamilyCreate",
    "FamilyPublic",
    "LeafletRecord",
    "OpState",
    "OtherAdult",
    "OutboxOp",
    "PendingInput",
    "Practitioner",
    "PractitionerBase",
    "PractitionerPublic",
    "SupervisionRecord",
    "SyncConflict",
    "SyncQuarantine",
    "SyncState",
    "Team",
    "TeamPublic",
    "VisitBase",
    "VisitRecord",
    "VisitStatus",
]
