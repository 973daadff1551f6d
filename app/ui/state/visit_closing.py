"""Closing a visit: signing (a reason when incomplete), amending, discarding, the leaflet given."""

from __future__ import annotations

from typing import Any

from app.domain.leaflet_model import Paper
from app.services import leaflets, visits
from app.services.problems import AnswerError


class VisitClosing:
    """What VisitState does to end or correct a visit (its fields are VisitState's)."""

    visit_id: str
    signed: bool
    leaflet_given: bool
    review: visits.Review | None
    errors: dict[str, str]
    saved: str
    _store: Any
    _gone: str

    def open(self, store: Any, visit_id: str) -> None:
        raise NotImplementedError  # VisitState loads the visit

    @property
    def needs_reason(self) -> bool:
        """Signing an incomplete visit needs a reason (e.g. "parent declined to answer")."""
        return bool(self.review and self.review.incomplete)

    def sign(self, *, reason: str = "") -> bool:
        if self.signed:
            return False
        if self.needs_reason and not reason.strip():
            self.errors = {
                **self.errors,
                "sign.reason": "Reason: say why core questions were not asked (for example: "
                "parent declined to answer)",
            }
            return False
        try:
            visits.sign(store=self._store, visit_id=self.visit_id, incomplete_reason=reason.strip() or None)
        except AnswerError as exc:
            self.errors = {**self.errors, "sign.reason": f"Reason: {exc.message}"}
            return False
        self.open(self._store, self.visit_id)
        self.saved = "Signed"
        return True

    def amend(self, *, reason: str, changes: dict[str, Any]) -> bool:
        """A correction to a signed visit: an amendment with a reason (any answer or note)."""
        if not reason.strip():
            self.errors = {**self.errors, "amend.reason": "Reason: say why the visit is amended"}
            return False
        try:
            visits.amend(store=self._store, visit_id=self.visit_id, reason=reason.strip(), changes=changes)
        except AnswerError as exc:
            self.errors = {**self.errors, "amend.value": exc.message}
            return False
        self.open(self._store, self.visit_id)
        self.saved = "Amendment recorded"
        return True

    def discard(self, *, reason: str) -> bool:
        """Throw this draft away (the reason goes in the audit log)."""
        if not reason.strip():
            self.errors = {**self.errors, "discard.reason": "Reason: say why this draft is discarded"}
            return False
        try:
            visits.discard_draft(store=self._store, visit_id=self.visit_id, reason=reason.strip())
        except AnswerError as exc:
            self.errors = {**self.errors, "discard.reason": exc.message}
            return False
        self._gone = self.visit_id
        self.visit_id = ""
        return True

    def gone(self, visit_id: str) -> bool:
        """This visit was just discarded (its screens must not reopen it)."""
        return bool(visit_id) and visit_id == self._gone

    def record_leaflet(self, pdf: bytes, *, paper: Paper = Paper.a4) -> None:
        """Record that this leaflet (these bytes, on this paper) was given to the family."""
        leaflets.record_leaflet(store=self._store, visit_id=self.visit_id, pdf=pdf, paper=paper)
        self.leaflet_given = True
