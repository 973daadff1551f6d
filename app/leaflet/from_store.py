"""The leaflet of a visit in the device store, recorded against the visit once given."""

from __future__ import annotations

import datetime as dt
import hashlib
from uuid import UUID

from sqlmodel import Session

from app.domain.assessment import assess
from app.domain.leaflet_content import leaflet_content
from app.leaflet.render import render
from app.store import LeafletPublic, get_visit, record_leaflet

STORE_PAPER = {"a4": "A4", "letter": "Letter"}


def leaflet_hash(pdf: bytes) -> str:
    """The hash the store keeps for a leaflet: "sha256:" + hex digest of the PDF bytes."""
    return "sha256:" + hashlib.sha256(pdf).hexdigest()


def visit_leaflet(
    *,
    session: Session,
    visit_id: UUID,
    paper: str = "A4",
    agreed_actions: str | list[str] | None = None,
    follow_up_date: dt.date | None = None,
    generated_on: dt.date | None = None,
) -> bytes:
    """The leaflet PDF of a stored visit (amendments applied); plan and next visit from the
    visit's notes unless given. Parents' words and observations are never printed."""
    detail = get_visit(session=session, visit_id=visit_id)
    visit = detail.current
    content = leaflet_content(
        visit,
        assess(visit),
        agreed_actions=agreed_actions if agreed_actions is not None else detail.agreed_actions,
        follow_up_date=follow_up_date or detail.follow_up_date,
        generated_on=generated_on or dt.date.today(),
    )
    return render(content, paper=paper)


def record_given(
    *, session: Session, visit_id: UUID, pdf: bytes, paper: str = "A4", actor: UUID | None = None
) -> LeafletPublic:
    """Record in the store (with audit and sync) that this leaflet was given for the visit."""
    return record_leaflet(
        session=session,
        visit_id=visit_id,
        content_hash=leaflet_hash(pdf),
        paper=STORE_PAPER[paper.lower()],
        actor=actor,
    )
