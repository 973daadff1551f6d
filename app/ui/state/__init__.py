"""Observable UI state: dataclasses whose methods validate and change state via app.services."""

from app.ui.state.app_state import AppState
from app.ui.state.caseload import CaseloadState
from app.ui.state.family import FamilyState
from app.ui.state.sync import StoreSource, SyncState
from app.ui.state.visit import VisitState

__all__ = ["AppState", "CaseloadState", "FamilyState", "StoreSource", "SyncState", "VisitState"]
