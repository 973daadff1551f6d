"""Portal tables: people, sessions, the review read model and supervision records.

The read model (`visit_fact`, `visit_factor`, `review_item`) is projected from the change log
by `projection.refresh`; it is never written by devices.
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field

from app.server.models import ServerModel


class PortalUser(ServerModel, table=True):
    __tablename__ = "portal_user"
    id: uuid.UUID = Field(primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True)
    email: str = Field(max_length=254, sa_column_kwargs={"unique": True})
    name: str = Field(max_length=200)
    role: str = Field(max_length=20)
    password_hash: str = Field(max_length=200)
    created: dt.datetime
    disabled_at: dt.datetime | None = None
    failed_attempts: int = 0
    locked_until: dt.datetime | None = None


class PortalSession(ServerModel, table=True):
    """A signed-in person: the browser holds the token, the server keeps its hash."""

    __tablename__ = "portal_session"
    token_hash: str = Field(max_length=64, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="portal_user.id", index=True)
    created: dt.datetime
    last_seen: dt.datetime
    ended_at: dt.datetime | None = None


class DeviceOwner(ServerModel, table=True):
    """The practitioner an enrolment code (and so the device enrolled with it) belongs to."""

    __tablename__ = "device_owner"
    code_id: uuid.UUID = Field(foreign_key="enrolment_code.id", primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="portal_user.id", index=True)


class ProjectionCursor(ServerModel, table=True):
    """How far the review read model of a team has read the change log."""

    __tablename__ = "projection_cursor"
    team_id: uuid.UUID = Field(foreign_key="team.id", primary_key=True)
    seq: int = Field(default=0, sa_type=sa.BigInteger)
    runs: int = 0


class VisitFact(ServerModel, table=True):
    """One signed visit as the server assessed it (after any amendment), for queue and figures."""

    __tablename__ = "visit_fact"
    __table_args__ = (
        sa.Index("ix_visit_fact_team_date", "team_id", "visit_date"),
        sa.Index("ix_visit_fact_baby", "team_id", "baby_id", "visit_date"),
        sa.Index("ix_visit_fact_family", "team_id", "family_id"),
    )
    team_id: uuid.UUID = Field(foreign_key="team.id", primary_key=True)
    visit_id: uuid.UUID = Field(primary_key=True)
    family_id: uuid.UUID | None = None
    baby_id: uuid.UUID | None = None
    visit_date: dt.date
    visit_type: str = Field(max_length=20)
    practitioner: str = Field(max_length=200)
    device_id: uuid.UUID | None = None
    risk_level: str = Field(max_length=20)
    escalate: bool
    incomplete: bool
    sleep_seen: bool | None = None
    bed_sharing_discussed: bool
    factors: str = Field(default="", sa_type=sa.Text)  # space-separated codes
    context: str = Field(default="", sa_type=sa.Text)  # space-separated codes
    follow_up_date: dt.date | None = None
    amended: bool = False
    seq: int = Field(sa_type=sa.BigInteger)


class VisitFactor(ServerModel, table=True):
    """A factor present at a visit (one row each), so factor counts are one GROUP BY."""

    __tablename__ = "visit_factor"
    __table_args__ = (sa.Index("ix_visit_factor_team_date", "team_id", "visit_date", "code"),)
    team_id: uuid.UUID = Field(foreign_key="team.id", primary_key=True)
    visit_id: uuid.UUID = Field(primary_key=True)
    code: str = Field(max_length=60, primary_key=True)
    visit_date: dt.date


class ReviewItem(ServerModel, table=True):
    """A visit in the supervisor's review queue: new -> discussed -> closed."""

    __tablename__ = "review_item"
    __table_args__ = (
        sa.Index("ix_review_item_queue", "team_id", "state", "urgency", "visit_date"),
        sa.Index("ix_review_item_family", "team_id", "family_id"),
    )
    team_id: uuid.UUID = Field(foreign_key="team.id", primary_key=True)
    visit_id: uuid.UUID = Field(primary_key=True)
    family_id: uuid.UUID | None = None
    baby_id: uuid.UUID | None = None
    visit_date: dt.date
    practitioner: str = Field(max_length=200)
    state: str = Field(default="new", max_length=20)
    urgency: int  # 0 escalate, 1 high risk, 2 pattern, 3 incomplete, 4 amended
    reasons: str = Field(sa_type=sa.Text)  # space-separated codes
    patterns: str = Field(default="", sa_type=sa.Text)  # JSON list of {"code", "factor"}
    escalate: bool = False
    entered_at: dt.datetime
    discuss_by: dt.date
    discussed_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None


class Supervision(ServerModel, table=True):
    """A supervision record on a review item; its copy in the change log syncs to devices."""

    __tablename__ = "supervision"
    __table_args__ = (sa.Index("ix_supervision_visit", "team_id", "visit_id"),)
    id: uuid.UUID = Field(primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True)
    visit_id: uuid.UUID
    family_id: uuid.UUID | None = None
    supervisor_id: uuid.UUID = Field(foreign_key="portal_user.id")
    supervisor_name: str = Field(max_length=200)
    date: dt.date
    discussion: str = Field(sa_type=sa.Text)
    decision: str = Field(default="", sa_type=sa.Text)
    next_review: dt.date | None = None
    state_after: str = Field(max_length=20)
    created: dt.datetime


class SupervisionAction(ServerModel, table=True):
    __tablename__ = "supervision_action"
    __table_args__ = (sa.Index("ix_supervision_action_due", "team_id", "done_at", "due"),)
    id: uuid.UUID = Field(primary_key=True)
    team_id: uuid.UUID = Field(foreign_key="team.id")
    supervision_id: uuid.UUID = Field(foreign_key="supervision.id", index=True)
    text: str = Field(sa_type=sa.Text)
    owner: str = Field(max_length=200)
    due: dt.date
    done_at: dt.datetime | None = None
