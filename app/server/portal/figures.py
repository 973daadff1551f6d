"""Team figures for the dashboard, computed in SQL over the review read model (team and dates)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import utcnow
from app.server.portal.accounts import Person
from app.server.portal.audit import audit_person
from app.server.portal.projection import refresh
from app.server.portal.tables import ReviewItem, Supervision, SupervisionAction, VisitFact, VisitFactor
from app.server.portal.words import factor_titles

RISK_LEVELS = ("high", "increased", "incomplete", "low")


@dataclass(frozen=True)
class Figures:
    start: dt.date
    end: dt.date
    visits: int
    per_month: dict[str, dict[str, int]]  # "2026-11" -> risk level -> visits
    factors: list[tuple[str, int]]  # (title, visits with it), most frequent first
    sleep_seen: int
    bed_sharing_discussed: int
    escalations: int
    supervised_escalations: int
    median_days_to_supervision: float | None
    overdue_follow_ups: int
    overdue_actions: int
    months: list[str] = field(default_factory=list)

    def percent(self, n: int) -> str:
        return f"{round(100 * n / self.visits)}%" if self.visits else "no visits"


def _month(session: Session) -> sa.ColumnElement[str]:
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.to_char(col(VisitFact.visit_date), "YYYY-MM")
    return sa.func.strftime("%Y-%m", col(VisitFact.visit_date))


def _months(start: dt.date, end: dt.date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def team_figures(*, session: Session, person: Person, start: dt.date, end: dt.date) -> Figures:
    """The team's figures for visits dated `start`..`end` (inclusive)."""
    refresh(session=session, team_id=person.team_id)
    team, in_range = person.team_id, col(VisitFact.visit_date).between(start, end)
    month = _month(session)
    per_month: dict[str, dict[str, int]] = {}
    for m, level, n in session.execute(
        sa.select(month, col(VisitFact.risk_level), sa.func.count())
        .where(col(VisitFact.team_id) == team, in_range)
        .group_by(month, col(VisitFact.risk_level))
    ):
        per_month.setdefault(str(m), {})[level] = int(n)
    totals = session.execute(
        sa.select(
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sa.case((col(VisitFact.sleep_seen).is_(True), 1), else_=0)), 0),
            sa.func.coalesce(
                sa.func.sum(sa.case((col(VisitFact.bed_sharing_discussed).is_(True), 1), else_=0)), 0
            ),
            sa.func.coalesce(sa.func.sum(sa.case((col(VisitFact.escalate).is_(True), 1), else_=0)), 0),
        ).where(col(VisitFact.team_id) == team, in_range)
    ).one()
    titles = factor_titles()
    factors = [
        (titles.get(code, code.replace("_", " ")), int(n))
        for code, n in session.execute(
            sa.select(col(VisitFactor.code), sa.func.count())
            .where(col(VisitFactor.team_id) == team, col(VisitFactor.visit_date).between(start, end))
            .group_by(col(VisitFactor.code))
            .order_by(sa.func.count().desc(), col(VisitFactor.code))
        )
    ]
    first = (
        sa.select(col(Supervision.visit_id), sa.func.min(col(Supervision.date)).label("first"))
        .where(col(Supervision.team_id) == team)
        .group_by(col(Supervision.visit_id))
        .subquery()
    )
    waits = sorted(
        (supervised - visited).days
        for visited, supervised in session.execute(
            sa.select(col(ReviewItem.visit_date), first.c.first)
            .join(first, first.c.visit_id == col(ReviewItem.visit_id))
            .where(
                col(ReviewItem.team_id) == team,
                col(ReviewItem.escalate).is_(True),
                col(ReviewItem.visit_date).between(start, end),
            )
        )
    )
    median = None
    if waits:
        mid = len(waits) // 2
        median = float(waits[mid]) if len(waits) % 2 else (waits[mid - 1] + waits[mid]) / 2
    today = utcnow().date()
    later = sa.alias(VisitFact.__table__, "later")  # type: ignore[attr-defined]
    overdue_follow_ups = session.scalar(
        sa.select(sa.func.count())
        .select_from(VisitFact)
        .where(
            col(VisitFact.team_id) == team,
            in_range,
            col(VisitFact.follow_up_date) < today,
            ~sa.exists().where(
                later.c.team_id == col(VisitFact.team_id),
                later.c.baby_id == col(VisitFact.baby_id),
                later.c.visit_date > col(VisitFact.visit_date),
            ),
        )
    )
    overdue_actions = session.scalar(
        sa.select(sa.func.count())
        .select_from(SupervisionAction)
        .where(
            col(SupervisionAction.team_id) == team,
            col(SupervisionAction.done_at).is_(None),
            col(SupervisionAction.due) < today,
        )
    )
    audit_person(session=session, action="figures.view", team_id=team, user_id=person.user_id)
    return Figures(
        start=start,
        end=end,
        visits=int(totals[0]),
        per_month=per_month,
        factors=factors,
        sleep_seen=int(totals[1]),
        bed_sharing_discussed=int(totals[2]),
        escalations=int(totals[3]),
        supervised_escalations=len(waits),
        median_days_to_supervision=median,
        overdue_follow_ups=int(overdue_follow_ups or 0),
        overdue_actions=int(overdue_actions or 0),
        months=_months(start, end),
    )
