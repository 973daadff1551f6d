"""The review queue: what a supervisor must look at, newest and most urgent first."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import ChangeLog, Record, utcnow
from app.server.portal.accounts import Person
from app.server.portal.audit import audit_person
from app.server.portal.projection import refresh
from app.server.portal.tables import ReviewItem, Supervision, SupervisionAction, VisitFact
from app.server.portal.words import (
    REASON_WORDS,
    context_words,
    factor_words,
    pattern_words,
    waited_words,
)

STATES = ("new", "discussed", "closed")
REASONS = tuple(REASON_WORDS)
PAGE_SIZE = 25


class NotAllowed(Exception):
    """This person's role may not do or see this."""


class NotFound(Exception):
    """No such record in this person's team (another team's id gets exactly this)."""


def require_reviewer(person: Person) -> None:
    if not person.reviews:
        raise NotAllowed("The review queue and supervision are for supervisors and administrators.")


@dataclass(frozen=True)
class QueueFilter:
    state: str | None = None  # None: new and discussed (open items)
    practitioner: str | None = None
    reason: str | None = None
    page: int = 0


@dataclass(frozen=True)
class QueueItem:
    visit_id: uuid.UUID
    family_id: uuid.UUID | None
    family: str
    baby: str
    practitioner: str
    visit_date: dt.date
    state: str
    reasons: list[str]
    factors: list[str]
    context: list[str]
    patterns: list[str]
    waited: str
    overdue: bool
    overdue_why: str

    @property
    def why(self) -> str:
        parts = [", ".join(self.reasons)]
        if self.factors:
            parts.append("Factors: " + ", ".join(self.factors))
        if self.context:
            parts.append("Context: " + ", ".join(self.context))
        if self.patterns:
            parts.append("Pattern: " + "; ".join(self.patterns))
        return ". ".join(parts)


def name_shown(names: dict[uuid.UUID, str], entity_id: uuid.UUID | None, entity: str) -> str:
    """The name from `names_of`, or why there is none: "(family not synced)", "(no baby)"."""
    if not entity_id:
        return f"(no {entity})"
    return names.get(entity_id, f"({entity} not synced)")


def names_of(session: Session, team_id: uuid.UUID, entity: str, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Display names of families or babies (current versions), one query."""
    if not ids:
        return {}
    rows = session.execute(
        sa.select(col(Record.entity_id), col(ChangeLog.payload))
        .join(ChangeLog, col(ChangeLog.seq) == col(Record.seq))
        .where(
            col(Record.team_id) == team_id,
            col(Record.entity) == entity,
            col(Record.entity_id).in_(sorted(ids)),
        )
    ).all()
    out = {}
    for entity_id, text in rows:
        body = json.loads(text)
        out[entity_id] = str(body.get("name") or body.get("surname") or "(no name)")
    return out


def _overdue_actions(
    session: Session, team_id: uuid.UUID, visit_ids: list[uuid.UUID], today: dt.date
) -> set[uuid.UUID]:
    if not visit_ids:
        return set()
    rows = session.execute(
        sa.select(col(Supervision.visit_id))
        .join(SupervisionAction, col(SupervisionAction.supervision_id) == col(Supervision.id))
        .where(
            col(Supervision.team_id) == team_id,
            col(Supervision.visit_id).in_(visit_ids),
            col(SupervisionAction.done_at).is_(None),
            col(SupervisionAction.due) < today,
        )
    ).scalars()
    return set(rows)


def review_queue(
    *, session: Session, person: Person, flt: QueueFilter = QueueFilter()
) -> tuple[list[QueueItem], int]:
    """One page of the team's queue and the number of items matching the filter."""
    require_reviewer(person)
    refresh(session=session, team_id=person.team_id)
    q = sa.select(ReviewItem).where(col(ReviewItem.team_id) == person.team_id, col(ReviewItem.reasons) != "")
    q = (
        q.where(col(ReviewItem.state) == flt.state)
        if flt.state
        else q.where(col(ReviewItem.state) != "closed")
    )
    if flt.practitioner:
        q = q.where(col(ReviewItem.practitioner) == flt.practitioner)
    if flt.reason:
        q = q.where(col(ReviewItem.reasons).contains(flt.reason))  # codes never overlap
    total = session.scalar(sa.select(sa.func.count()).select_from(q.subquery())) or 0
    rows = (
        session.execute(
            q.order_by(
                col(ReviewItem.state) != "new",
                col(ReviewItem.urgency),
                col(ReviewItem.visit_date).desc(),
                col(ReviewItem.entered_at).desc(),
            )
            .offset(flt.page * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
        .scalars()
        .all()
    )
    items = _items(session, person, list(rows))
    audit_person(
        session=session,
        action="review_queue.view",
        team_id=person.team_id,
        user_id=person.user_id,
        items=len(items),
    )
    return items, total


def _items(session: Session, person: Person, rows: list[ReviewItem]) -> list[QueueItem]:
    """Queue rows with names, reasons in words, waiting time and overdue marks."""
    today = utcnow().date()
    facts = {
        f.visit_id: f
        for f in session.execute(
            sa.select(VisitFact).where(
                col(VisitFact.team_id) == person.team_id,
                col(VisitFact.visit_id).in_([r.visit_id for r in rows]),
            )
        ).scalars()
    }
    families = names_of(session, person.team_id, "family", {r.family_id for r in rows if r.family_id})
    babies = names_of(session, person.team_id, "baby", {r.baby_id for r in rows if r.baby_id})
    late_actions = _overdue_actions(session, person.team_id, [r.visit_id for r in rows], today)
    items = []
    for r in rows:
        fact = facts.get(r.visit_id)
        late_discussion = r.escalate and r.state == "new" and today > r.discuss_by
        why_late = []
        if late_discussion:
            why_late.append(f"escalated and not discussed by {r.discuss_by:%d/%m/%Y}")
        if r.visit_id in late_actions:
            why_late.append("an action is past its due date")
        items.append(
            QueueItem(
                visit_id=r.visit_id,
                family_id=r.family_id,
                family=name_shown(families, r.family_id, "family"),
                baby=name_shown(babies, r.baby_id, "baby"),
                practitioner=r.practitioner,
                visit_date=r.visit_date,
                state=r.state,
                reasons=[REASON_WORDS[c] for c in r.reasons.split() if c in REASON_WORDS],
                factors=factor_words(fact.factors) if fact else [],
                context=context_words(fact.context) if fact else [],
                patterns=pattern_words(r.patterns),
                waited=waited_words((today - r.entered_at.date()).days),
                overdue=bool(why_late),
                overdue_why="Overdue: " + "; ".join(why_late) if why_late else "",
            )
        )
    return items


def practitioners(*, session: Session, person: Person) -> list[str]:
    """Practitioners who have items in the queue (for the filter)."""
    require_reviewer(person)
    return list(
        session.execute(
            sa.select(col(ReviewItem.practitioner))
            .where(col(ReviewItem.team_id) == person.team_id)
            .distinct()
            .order_by(col(ReviewItem.practitioner))
        ).scalars()
    )


def review_item(*, session: Session, person: Person, visit_id: uuid.UUID) -> ReviewItem:
    require_reviewer(person)
    refresh(session=session, team_id=person.team_id)
    item = session.get(ReviewItem, (person.team_id, visit_id))
    if item is None:
        raise NotFound(f"visit {visit_id}: not found in your team's review queue")
    return item


def queue_item(*, session: Session, person: Person, visit_id: uuid.UUID) -> QueueItem:
    """One item as the queue shows it (any state)."""
    return _items(session, person, [review_item(session=session, person=person, visit_id=visit_id)])[0]
