"""Recording supervision on a review item; each record also goes into the change log for devices."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col
from uuid6 import uuid7

from app.protocol.supervision import SupervisionPayload
from app.server.models import utcnow
from app.server.portal.accounts import Person
from app.server.portal.audit import audit_person
from app.server.portal.publish import publish
from app.server.portal.queue import review_item
from app.server.portal.tables import ReviewItem, Supervision, SupervisionAction
from app.server.push import lock_team

TEXT_MAX = 20_000


class SupervisionProblems(ValueError):
    """What is wrong with a supervision record, one problem per field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ActionIn:
    text: str
    owner: str
    due: dt.date | None


@dataclass(frozen=True)
class SupervisionIn:
    date: dt.date | None
    discussion: str
    decision: str = ""
    actions: list[ActionIn] = field(default_factory=list)
    next_review: dt.date | None = None
    close: bool = False


def check(record: SupervisionIn) -> list[str]:
    """Every problem with `record`, each naming its field."""
    problems = []
    if record.date is None:
        problems.append("Date: required (dd/mm/yyyy)")
    elif record.date > utcnow().date():
        problems.append("Date: must not be in the future")
    if not record.discussion.strip():
        problems.append("Discussion: required; say what was discussed")
    if record.close and not record.decision.strip():
        problems.append("Decision: required to close the item")
    for i, a in enumerate(record.actions, 1):
        if not a.text.strip():
            problems.append(f"Action {i}: say what is to be done")
        if not a.owner.strip():
            problems.append(f"Owner of action {i}: required (who will do it)")
        if a.due is None:
            problems.append(f"Due date of action {i}: required (dd/mm/yyyy)")
    for name, text in (("Discussion", record.discussion), ("Decision", record.decision)):
        if len(text) > TEXT_MAX:
            problems.append(f"{name}: must be at most {TEXT_MAX} characters")
    if record.next_review is not None and record.date is not None and record.next_review < record.date:
        problems.append("Next review: must be on or after the supervision date")
    return problems


def supervision_payload(s: Supervision, actions: list[SupervisionAction], item: ReviewItem) -> dict[str, Any]:
    """What devices receive (entity `supervision`)."""
    return {
        "id": str(s.id),
        "family_id": str(s.family_id) if s.family_id else None,
        "baby_id": str(item.baby_id) if item.baby_id else None,
        "visit_id": str(s.visit_id),
        "supervisor_name": s.supervisor_name,
        "date": s.date.isoformat(),
        "discussion": s.discussion,
        "decision": s.decision,
        "actions": [{"text": a.text, "owner": a.owner, "due": a.due.isoformat()} for a in actions],
        "next_review": s.next_review.isoformat() if s.next_review else None,
        "state": s.state_after,
        "created": s.created.isoformat(),
    }


def record_supervision(
    *, session: Session, person: Person, visit_id: uuid.UUID, record: SupervisionIn
) -> Supervision:
    """Add a supervision record: the item becomes discussed (or closed, which needs a decision)."""
    item = review_item(session=session, person=person, visit_id=visit_id)
    problems = check(record)
    if item.state == "closed":
        problems.insert(0, "This item is closed; it re-opens if an amendment raises the risk")
    if problems:
        raise SupervisionProblems(problems)
    assert record.date is not None
    lock_team(session, person.team_id)
    now = utcnow()
    state = "closed" if record.close else "discussed"
    sup = Supervision(
        id=uuid7(),
        team_id=person.team_id,
        visit_id=visit_id,
        family_id=item.family_id,
        supervisor_id=person.user_id,
        supervisor_name=person.name,
        date=record.date,
        discussion=record.discussion.strip(),
        decision=record.decision.strip(),
        next_review=record.next_review,
        state_after=state,
        created=now,
    )
    session.add(sup)
    actions = [
        SupervisionAction(
            id=uuid7(),
            team_id=person.team_id,
            supervision_id=sup.id,
            text=a.text.strip(),
            owner=a.owner.strip(),
            due=a.due or record.date,  # never None: check() refused a missing due date
        )
        for a in record.actions
    ]
    session.add_all(actions)
    item.state = state
    item.discussed_at = item.discussed_at or now
    item.closed_at = now if record.close else None
    if item.family_id is not None:  # devices keep records by family: a visit without one stays here
        publish(
            session,
            team_id=person.team_id,
            entity="supervision",
            model=SupervisionPayload,
            payload=supervision_payload(sup, actions, item),
            family_id=sup.family_id,
            parent_id=sup.visit_id,
            day=record.date,
            created=sup.created,
        )
    audit_person(
        session=session,
        action="supervision.record",
        team_id=person.team_id,
        user_id=person.user_id,
        family_id=item.family_id,
        state=state,
        actions=len(actions),
    )
    session.flush()
    return sup


def supervisions_of(
    *, session: Session, person: Person, visit_id: uuid.UUID
) -> list[tuple[Supervision, list[SupervisionAction]]]:
    """The supervision records of one queue item, oldest first, with their actions."""
    review_item(session=session, person=person, visit_id=visit_id)
    sups = (
        session.execute(
            sa.select(Supervision)
            .where(col(Supervision.team_id) == person.team_id, col(Supervision.visit_id) == visit_id)
            .order_by(col(Supervision.created))
        )
        .scalars()
        .all()
    )
    out = []
    for s in sups:
        acts = (
            session.execute(sa.select(SupervisionAction).where(col(SupervisionAction.supervision_id) == s.id))
            .scalars()
            .all()
        )
        out.append((s, list(acts)))
    return out


def mark_action_done(*, session: Session, person: Person, action_id: uuid.UUID) -> SupervisionAction:
    """Mark a supervision action done (a supervisor or administrator, or the action's owner)."""
    from app.server.portal.queue import NotAllowed, NotFound

    action = session.get(SupervisionAction, action_id)
    if action is None or action.team_id != person.team_id:
        raise NotFound(f"action {action_id}: not found in your team")
    if not person.reviews and action.owner.strip().casefold() != person.name.strip().casefold():
        raise NotAllowed("Only a supervisor, an administrator or the action's owner can mark it done.")
    if action.done_at is None:
        action.done_at = utcnow()
        sup = session.get(Supervision, action.supervision_id)
        audit_person(
            session=session,
            action="supervision.action_done",
            team_id=person.team_id,
            user_id=person.user_id,
            family_id=sup.family_id if sup else None,
        )
    return action
