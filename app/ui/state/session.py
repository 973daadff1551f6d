"""Everything one browser session holds, wired together: locking clears what the screens held,
and any change the practitioner makes counts as activity for the idle lock."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import flet as ft

from app.ui.state.app_state import AppState
from app.ui.state.caseload import CaseloadState
from app.ui.state.family import FamilyState
from app.ui.state.sync import SyncState
from app.ui.state.visit import VisitState


@dataclass
class SessionState:
    app: AppState
    caseload: CaseloadState
    family: FamilyState
    sync: SyncState
    visit: VisitState
    _listener: Any = field(default=None, repr=False)  # held here: observables keep listeners weakly

    @classmethod
    def start(cls, *, home: Path, demo: bool, idle_lock_seconds: int | None = None) -> SessionState:
        app = AppState(home=home, demo=demo, idle_lock_seconds=idle_lock_seconds)
        state = cls(
            app, CaseloadState(source=app), FamilyState(source=app), SyncState(source=app), VisitState()
        )
        app.on_lock(state.forget)
        state.visit.on_typing(app.touch)  # a visit's fields save quietly as you type: still activity

        def touched(_sender: object, _field: str | None) -> None:
            app.touch()

        state._listener = touched
        for observable in (state.caseload, state.family, state.sync, state.visit):
            cast(ft.Observable, observable).subscribe(touched)  # @ft.observable adds it; mypy cannot see
        return state

    def forget(self) -> None:
        """The store locked: nothing read from it stays in memory for the screens."""
        self.caseload.forget()
        self.family.forget()
        self.sync.forget()
        self.visit.forget()
