"""Supervision actions are marked done by a supervisor or their owner; the overdue mark then clears."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from app.server.portal.queue import NotAllowed, NotFound
from app.server.portal.service import Portal
from app.server.portal.supervision import ActionIn, SupervisionIn
from tests.portal.helpers import ESCALATED, PASSWORD, PortalTeam, audit_events


def test_marking_a_past_due_action_done_clears_the_items_overdue_mark(team: PortalTeam, engine, client):
    family, baby = team.family("Actions", "Ada")
    visit = team.visit(family, baby, **ESCALATED)
    portal = Portal(team.engine)
    token = portal.sign_in(team.emails["supervisor"], PASSWORD)
    portal.queue(token)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    portal.record_supervision(
        token,
        visit,
        SupervisionIn(
            date=yesterday,
            discussion="Sofa",
            actions=[
                ActionIn("Phone the GP", "Practitioner", yesterday),
                ActionIn("Joint visit", "Sam", yesterday),
            ],
        ),
    )
    item = portal.queue_item(token, visit)
    assert item.overdue and "an action is past its due date" in item.overdue_why
    ((_, actions),) = portal.supervisions(token, visit)
    gp, joint = sorted(actions, key=lambda a: a.text)[1], sorted(actions, key=lambda a: a.text)[0]

    other = PortalTeam.create(engine, client)
    with pytest.raises(NotFound):
        portal.mark_action_done(portal.sign_in(other.emails["supervisor"], PASSWORD), gp.id)
    admin = portal.sign_in(team.emails["admin"], PASSWORD)
    owner = portal.sign_in(team.emails["practitioner"], PASSWORD)  # named "Practitioner": owns the GP call
    with pytest.raises(NotAllowed, match="the action's owner"):
        portal.mark_action_done(owner, joint.id)
    portal.mark_action_done(owner, gp.id)
    assert portal.queue_item(token, visit).overdue  # one action is still past due
    portal.mark_action_done(admin, joint.id)
    portal.mark_action_done(admin, joint.id)  # twice is once
    item = portal.queue_item(token, visit)
    assert not item.overdue and item.overdue_why == ""
    ((_, after),) = portal.supervisions(token, visit)
    assert all(a.done_at is not None for a in after)
    done = [e for e in audit_events(team.engine, "supervision.action_done") if e.team_id == team.id]
    assert len(done) == 2 and all(e.family_id == family and e.user_id for e in done)
    with pytest.raises(NotFound):
        portal.mark_action_done(token, uuid.uuid4())
