"""The review queue: escalated, high-risk, incomplete and patterned visits; supervision; team scope."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from app.server.portal.queue import NotAllowed, NotFound, QueueFilter
from app.server.portal.service import Portal
from app.server.portal.supervision import ActionIn, SupervisionIn, SupervisionProblems
from app.server.portal.tables import ReviewItem
from tests.portal.helpers import ESCALATED, PASSWORD, PortalTeam
from tests.server.helpers import op

TODAY = dt.date.today()


def _signed_in(team: PortalTeam, role: str = "supervisor") -> tuple[Portal, str]:
    portal = Portal(team.engine)
    return portal, portal.sign_in(team.emails[role], PASSWORD)


def test_an_escalated_visit_is_in_the_queue_with_why_in_words_and_a_low_risk_one_is_not(team: PortalTeam):
    family, baby = team.family("Okafor", "Sam")
    escalated = team.visit(family, baby, **ESCALATED)
    team.visit(family, baby)  # low risk, complete
    portal, token = _signed_in(team)
    items, total = portal.queue(token)
    assert total == 1 and items[0].visit_id == escalated
    item = items[0]
    assert (item.family, item.baby, item.state) == ("Okafor family", "Sam", "new")
    assert "Escalate: discuss with a supervisor" in item.reasons and "High risk" in item.reasons
    assert any("sofa" in f.lower() for f in item.factors) and "domestic abuse" in item.context
    assert item.waited == "today" and not item.overdue


def test_a_practitioner_cannot_open_the_queue(team: PortalTeam):
    portal, token = _signed_in(team, "practitioner")
    with pytest.raises(NotAllowed):
        portal.queue(token)


def test_signed_incomplete_and_a_repeated_high_risk_pattern_enter_the_queue(team: PortalTeam):
    family, baby = team.family("Pattern", "Ada")
    incomplete = team.visit(family, baby, sleep={"position": "unknown"})
    team.visit(family, baby, sleep={"place": "sofa"})
    second = team.visit(family, baby, sleep={"place": "sofa"})
    portal, token = _signed_in(team)
    items, _ = portal.queue(token, QueueFilter(reason="incomplete"))
    assert [i.visit_id for i in items] == [incomplete]
    patterned, _ = portal.queue(token, QueueFilter(reason="pattern"))
    assert [i.visit_id for i in patterned] == [second]
    assert "High risk at the last two visits" in patterned[0].patterns


def test_closing_needs_a_decision_and_a_closed_item_leaves_the_open_queue(team: PortalTeam):
    family, baby = team.family()
    visit = team.visit(family, baby, **ESCALATED)
    portal, token = _signed_in(team)
    with pytest.raises(SupervisionProblems) as problems:
        portal.record_supervision(token, visit, SupervisionIn(date=TODAY, discussion="Talked", close=True))
    assert problems.value.problems == ["Decision: required to close the item"]
    portal.record_supervision(
        token,
        visit,
        SupervisionIn(
            date=TODAY,
            discussion="Sofa sleeping with domestic abuse disclosed",
            actions=[ActionIn("Joint visit with social worker", "A. Visitor", TODAY + dt.timedelta(days=3))],
        ),
    )
    assert portal.queue(token, QueueFilter(state="discussed"))[0][0].visit_id == visit
    portal.record_supervision(
        token, visit, SupervisionIn(date=TODAY, discussion="Reviewed", decision="Refer to MASH", close=True)
    )
    assert visit not in {i.visit_id for i in portal.queue(token)[0]}
    assert [s.state_after for s, _ in portal.supervisions(token, visit)] == ["discussed", "closed"]


def test_another_teams_supervisor_sees_nothing_and_gets_not_found(team: PortalTeam, engine, client):
    family, baby = team.family()
    visit = team.visit(family, baby, **ESCALATED)
    other = PortalTeam.create(engine, client)
    portal, token = _signed_in(other)
    assert portal.queue(token) == ([], 0)
    with pytest.raises(NotFound):
        portal.record_supervision(token, visit, SupervisionIn(date=TODAY, discussion="x"))
    with pytest.raises(NotFound):
        portal.supervisions(token, visit)


def test_an_amendment_that_raises_the_risk_reopens_a_closed_item(team: PortalTeam):
    family, baby = team.family()
    visit = team.visit(family, baby, sleep={"place": "sofa"})  # high risk, not escalated
    portal, token = _signed_in(team)
    portal.queue(token)
    portal.record_supervision(
        token, visit, SupervisionIn(date=TODAY, discussion="Seen", decision="Plan agreed", close=True)
    )
    team.push(
        op(
            "amendment",
            {
                "visit_id": str(visit),
                "family_id": str(family),
                "changes": {"family.domestic_abuse": {"from": False, "to": True}},
                "reason": "Disclosed later",
                "author_name": "A. Visitor",
                "created": "2026-11-21T09:00:00.000000Z",
            },
        )
    )
    items, _ = portal.queue(token)
    assert [(i.visit_id, i.state) for i in items if i.visit_id == visit] == [(visit, "new")]
    with Session(team.engine) as s:
        item = s.get(ReviewItem, (team.id, visit))
        assert item is not None and {"amended", "escalate"} <= set(item.reasons.split())
