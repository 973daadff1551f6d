"""Team figures are computed in SQL for the team and dates asked, never another team's."""

from __future__ import annotations

import datetime as dt

from app.server.portal.service import Portal
from app.server.portal.supervision import ActionIn, SupervisionIn
from tests.portal.helpers import ESCALATED, PASSWORD, PortalTeam

WIDE = (dt.date(2020, 1, 1), dt.date.today())


def test_figures_count_visits_by_month_risk_factor_seen_and_overdue_actions(team: PortalTeam, engine, client):
    family, baby = team.family()
    escalated = team.visit(family, baby, **ESCALATED)
    team.visit(family, baby, sleep={"seen": False})
    other = PortalTeam.create(engine, client)
    f2, b2 = other.family()
    other.visit(f2, b2, **ESCALATED)
    portal = Portal(team.engine)
    token = portal.sign_in(team.emails["supervisor"], PASSWORD)
    portal.queue(token)
    portal.record_supervision(
        token,
        escalated,
        SupervisionIn(
            date=dt.date.today(),
            discussion="Discussed",
            actions=[ActionIn("Visit again", "A. Visitor", dt.date.today() - dt.timedelta(days=1))],
        ),
    )
    f = portal.figures(token, *WIDE)
    assert f.visits == 2 and f.per_month == {"2026-11": {"high": 1, "low": 1}}
    assert f.sleep_seen == 1 and f.percent(f.sleep_seen) == "50%" and f.bed_sharing_discussed == 2
    assert f.escalations == 1 and f.supervised_escalations == 1
    assert f.median_days_to_supervision == (dt.date.today() - dt.date(2026, 11, 20)).days
    assert dict(f.factors)["Sleeping on a sofa or armchair with your baby"] == 1
    assert f.overdue_actions == 1
    none = portal.figures(token, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert none.visits == 0 and none.per_month == {} and none.factors == []
