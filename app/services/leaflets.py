"""The family advice leaflet of a visit: render it, and record that it was given."""

from __future__ import annotations

import datetime as dt
import hashlib

from app.domain import assess
from app.domain.leaflet_content import leaflet_content
from app.leaflet import render
from app.services.problems import as_uuid
from app.store import Store, get_visit
from app.store import record_leaflet as store_record_leaflet


def leaflet_pdf(*, store: Store, visit_id: str, paper: str = "A4") -> bytes:
    """The family advice leaflet for this visit, as PDF bytes (family-safe content only)."""
    with store.session() as s:
        v = get_visit(session=s, visit_id=as_uuid(visit_id))
    visit = v.current if v.status == "signed" else v.visit
    content = leaflet_content(
        visit,
        assess(visit),
        agreed_actions=v.agreed_actions or None,
        follow_up_date=v.follow_up_date,
        generated_on=dt.date.today(),
    )
    return render(content, paper=paper)


def record_leaflet(*, store: Store, visit_id: str, pdf: bytes, paper: str = "A4") -> None:
    """Record that this leaflet was given to the family."""
    digest = "sha256:" + hashlib.sha256(pdf).hexdigest()
    with store.unit_of_work() as uow:
        store_record_leaflet(
            session=uow.session,
            visit_id=as_uuid(visit_id),
            content_hash=digest,
            paper=paper,
            actor=store.practitioner.id,
        )
        uow.commit()
