"""The portal's unit of work: each call opens a session, checks the person, does one thing, commits.

The Flet views and the PDF routes call only this; every call takes the browser's session token,
so an expired or ended session stops every screen at once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.server.guidance_store import GuidanceCache
from app.server.portal import accounts, batch_leaflets, chronology, families, figures, queue, supervision
from app.server.portal.accounts import Person
from app.server.portal.queue import QueueItem
from app.server.portal.tables import Supervision, SupervisionAction

T = TypeVar("T")


class Portal:
    """Everything the portal screens do, against one database engine."""

    def __init__(self, engine: Engine, guidance: GuidanceCache | None = None) -> None:
        self.engine = engine
        # the server's cache (with its database), so a resolved visit is assessed alike
        self.guidance = guidance or GuidanceCache(engine)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def run(self, token: str | None, work: Callable[[Session, Person], T]) -> T:
        """Run `work` for the person of `token` in one transaction (NotSignedIn if expired)."""
        with self._session() as session:
            person = accounts.current_person(session=session, token=token)
            try:
                result = work(session, person)
            except Exception:
                session.rollback()
                raise
            session.commit()
            return result

    # people -----------------------------------------------------------------------------------

    def sign_in(self, email: str, password: str) -> str:
        """A session token, or SignInRefused (the failure, and any lockout, is committed)."""
        with self._session() as session:
            try:
                token = accounts.sign_in(session=session, email=email, password=password)
            finally:
                session.commit()
            return token

    def person(self, token: str | None) -> Person:
        return self.run(token, lambda _s, p: p)

    def check(self, token: str | None) -> Person:
        """The person of a live session, without restarting its idle clock."""
        with self._session() as session:
            person = accounts.current_person(session=session, token=token, touch=False)
            session.commit()
            return person

    def sign_out(self, token: str) -> None:
        with self._session() as session:
            accounts.sign_out(session=session, token=token)
            session.commit()

    # review queue and supervision -------------------------------------------------------------

    def queue(
        self, token: str | None, flt: queue.QueueFilter = queue.QueueFilter()
    ) -> tuple[list[queue.QueueItem], int]:
        return self.run(token, lambda s, p: queue.review_queue(session=s, person=p, flt=flt))

    def queue_item(self, token: str | None, visit_id: uuid.UUID) -> QueueItem:
        return self.run(token, lambda s, p: queue.queue_item(session=s, person=p, visit_id=visit_id))

    def practitioners(self, token: str | None) -> list[str]:
        return self.run(token, lambda s, p: queue.practitioners(session=s, person=p))

    def record_supervision(
        self, token: str | None, visit_id: uuid.UUID, record: supervision.SupervisionIn
    ) -> uuid.UUID:
        return self.run(
            token,
            lambda s, p: (
                supervision.record_supervision(session=s, person=p, visit_id=visit_id, record=record).id
            ),
        )

    def supervisions(
        self, token: str | None, visit_id: uuid.UUID
    ) -> list[tuple[Supervision, list[SupervisionAction]]]:
        return self.run(
            token, lambda s, p: supervision.supervisions_of(session=s, person=p, visit_id=visit_id)
        )

    def mark_action_done(self, token: str | None, action_id: uuid.UUID) -> None:
        self.run(token, lambda s, p: supervision.mark_action_done(session=s, person=p, action_id=action_id))

    # figures ----------------------------------------------------------------------------------

    def figures(self, token: str | None, start: dt.date, end: dt.date) -> figures.Figures:
        return self.run(token, lambda s, p: figures.team_figures(session=s, person=p, start=start, end=end))

    # family chronology ------------------------------------------------------------------------

    def chronology(self, token: str | None, family_id: uuid.UUID) -> tuple[str, list[chronology.Entry]]:
        return self.run(
            token, lambda s, p: chronology.family_chronology(session=s, person=p, family_id=family_id)
        )

    def chronology_pdf(self, token: str | None, family_id: uuid.UUID) -> bytes:
        """The family's chronology as a PDF for a strategy meeting (audited as printed, with the user)."""

        def work(s: Session, p: Person) -> bytes:
            from app.server.portal.chronology_pdf import ChronologyContent, render

            name, entries = chronology.family_chronology(
                session=s, person=p, family_id=family_id, audit_action="family.chronology_print"
            )
            return render(ChronologyContent(name, p.team_name, p.name, dt.date.today(), tuple(entries)))

        return self.run(token, work)

    def search_families(self, token: str | None, query: str) -> list[families.FamilyHit]:
        """The team's families by name, NHS number or postcode (SearchProblem for bad input)."""
        return self.run(token, lambda s, p: families.search_families(session=s, person=p, query=query))

    # printing leaflets at base ------------------------------------------------------------------

    def batch_visits(
        self, token: str | None, flt: batch_leaflets.BatchFilter
    ) -> list[batch_leaflets.SignedVisitRow]:
        return self.run(token, lambda s, p: batch_leaflets.signed_visits(session=s, person=p, flt=flt))

    def batch_practitioners(self, token: str | None) -> list[str]:
        return self.run(token, lambda s, p: batch_leaflets.practitioners(session=s, person=p))

    def print_leaflets(self, token: str | None, visit_ids: list[uuid.UUID]) -> tuple[bytes, int]:
        """One PDF of the visits' leaflets and its page count; each leaflet recorded on its visit."""
        return self.run(
            token,
            lambda s, p: batch_leaflets.print_leaflets(
                session=s, person=p, visit_ids=visit_ids, guidance=self.guidance
            ),
        )
