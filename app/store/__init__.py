"""The encrypted device store: families, visits, drafts, signing, amendments, chronology, sync.

Public API (see API.md): import from here, e.g. `from app.store import open_store, save_answer`.
"""

from app.domain.errors import VisitError
from app.store.audit import audit, list_audit
from app.store.caseload import BabySummary, CaseloadRow, search_caseload
from app.store.chronology import ChronologyEntry, ChronologyPattern, family_chronology, family_patterns
from app.store.demo import load_demo
from app.store.engine import begin_write, in_write_transaction
from app.store.errors import (
    NotFound,
    NoWriteTransaction,
    RecordError,
    StoreAlreadyExists,
    StoreDamaged,
    StoreError,
    StoreMissing,
    TransactionOpen,
    VisitSigned,
    WrongPassphrase,
)
from app.store.families import (
    FamilyDetail,
    NotePublic,
    add_baby,
    add_note,
    create_family,
    find_families,
    get_family,
    update_baby,
    update_family,
)
from app.store.models import (
    BabyCreate,
    BabyPublic,
    Carer,
    FamilyCreate,
    FamilyPublic,
    OtherAdult,
    OutboxOp,
    PractitionerPublic,
    TeamPublic,
)
from app.store.outbox import (
    OpResult,
    get_sync_value,
    mark_ops,
    payload_of,
    pending_ops,
    set_sync_value,
)
from app.store.pending import PendingInputPublic, clear_pending_input, list_pending_input, set_pending_input
from app.store.people import add_practitioner, current_practitioner
from app.store.signing import amend_visit, record_leaflet, sign_visit
from app.store.store import Store, UnitOfWork, create_store, open_from_settings, open_store, store_exists
from app.store.transfer import export_visit, import_visit
from app.store.views import AmendmentPublic, LeafletPublic, VisitDetail, VisitSummary
from app.store.visits import (
    UNSET,
    current_assessment,
    current_visit,
    delete_draft,
    get_visit,
    list_drafts,
    list_visits,
    save_answer,
    save_notes,
    start_visit,
)

__all__ = [
    "UNSET",
    "AmendmentPublic",
    "BabyCreate",
    "BabyPublic",
    "BabySummary",
    "Carer",
    "CaseloadRow",
    "ChronologyEntry",
    "ChronologyPattern",
    "FamilyCreate",
    "FamilyDetail",
    "FamilyPublic",
    "LeafletPublic",
    "NoWriteTransaction",
    "NotFound",
    "NotePublic",
    "OpResult",
    "OtherAdult",
    "OutboxOp",
    "PendingInputPublic",
    "PractitionerPublic",
    "RecordError",
    "Store",
    "StoreAlreadyExists",
    "StoreDamaged",
    "StoreError",
    "StoreMissing",
    "TeamPublic",
    "TransactionOpen",
    "UnitOfWork",
    "VisitDetail",
    "VisitError",
    "VisitSigned",
    "VisitSummary",
    "WrongPassphrase",
    "add_baby",
    "add_note",
    "add_practitioner",
    "amend_visit",
    "audit",
    "begin_write",
    "clear_pending_input",
    "create_family",
    "create_store",
    "current_assessment",
    "current_practitioner",
    "current_visit",
    "delete_draft",
    "export_visit",
    "family_chronology",
    "family_patterns",
    "find_families",
    "get_family",
    "get_sync_value",
    "get_visit",
    "import_visit",
    "in_write_transaction",
    "list_audit",
    "list_drafts",
    "list_pending_input",
    "list_visits",
    "load_demo",
    "mark_ops",
    "open_from_settings",
    "open_store",
    "payload_of",
    "pending_ops",
    "record_leaflet",
    "save_answer",
    "save_notes",
    "search_caseload",
    "set_pending_input",
    "set_sync_value",
    "sign_visit",
    "start_visit",
    "store_exists",
    "update_baby",
    "update_family",
]
