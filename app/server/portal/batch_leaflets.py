"""Printing family leaflets at base: choose signed visits, print their leaflets as one PDF.

Each leaflet is the device's own leaflet (app.services.leaflets.visit_leaflet_pdf) of the visit as
corrected by its amendments, worded with the guidance version the visit was signed with; each is
recorded against its visit as a `leaflet` record that devices pull, as one given in the home is.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col
from uuid6 import uuid7

from app.protocol.records import LeafletPayload
from app.server.guidance_store import GuidanceCache
from app.server.models import ChangeLog, Record, utcnow
from app.server.portal.accounts import Person
from app.server.portal.audit import audit_person
from app.server.portal.projection import refresh
from app.server.portal.publish import publish
from app.server.portal.queue import NotFound, name_shown, names_of
from app.server.portal.tables import VisitFact

ROWS_MAX = 200
BATCH_MAX = 100
PAPER = "A4"
VISIT_TYPES = ("new_birth", "follow_up", "six_week", "other")


class BatchProblem(ValueError):
    """What is wrong with a batch (names the field and the allowed values)."""


@dataclass(frozen=True)
class BatchFilter:
    start: dt.date
    end: dt.date
    visit_type: str | None = None
    practitioner: str | None = None


@dataclass(frozen=True)
class SignedVisitRow:
    visit_id: uuid.UUID
    family_id: uuid.UUID | None
    family: str
    baby: str
    visit_date: dt.date
    visit_type: str
    practitioner: str
    leaflets: int  # leaflets already given or printed for this visit


def signed_visits(*, session: Session, person: Person, flt: BatchFilter) -> list[SignedVisitRow]:
    """The team's signed visits in the dates (and of the type and practitioner), newest first."""
    if flt.start > flt.end:
        raise BatchProblem("From: must be on or before To")
    refresh(session=session, team_id=person.team_id)
    q = sa.select(VisitFact).where(
        col(VisitFact.team_id) == person.team_id,
        col(VisitFact.visit_date) >= flt.start,
        col(VisitFact.visit_date) <= flt.end,
    )
    if flt.visit_type:
        q = q.where(col(VisitFact.visit_type) == flt.visit_type)
    if flt.practitioner:
        q = q.where(col(VisitFact.practitioner) == flt.practitioner)
    facts = list(
        session.execute(
            q.order_by(col(VisitFact.visit_date).desc(), col(VisitFact.seq).desc()).limit(ROWS_MAX)
        )
        .scalars()
        .all()
    )
    ids = [f.visit_id for f in facts]
    given = dict(
        session.execute(
            sa.select(col(Record.parent_id), sa.func.count())
            .where(
                col(Record.team_id) == person.team_id,
                col(Record.entity) == "leaflet",
                col(Record.parent_id).in_(ids),
            )
            .group_by(col(Record.parent_id))
        ).all()
    )
    families = names_of(session, person.team_id, "family", {f.family_id for f in facts if f.family_id})
    babies = names_of(session, person.team_id, "baby", {f.baby_id for f in facts if f.baby_id})
    return [
        SignedVisitRow(
            visit_id=f.visit_id,
            family_id=f.family_id,
            family=name_shown(families, f.family_id, "family"),
            baby=name_shown(babies, f.baby_id, "baby"),
            visit_date=f.visit_date,
            visit_type=f.visit_type,
            practitioner=f.practitioner,
            leaflets=int(given.get(f.visit_id, 0)),
        )
        for f in facts
    ]


def practitioners(*, session: Session, person: Person) -> list[str]:
    """Practitioners with signed visits in the team (for the filter)."""
    return list(
        session.execute(
            sa.select(col(VisitFact.practitioner))
            .where(col(VisitFact.team_id) == person.team_id)
            .distinct()
            .order_by(col(VisitFact.practitioner))
        ).scalars()
    )


def print_leaflets(
    *, session: Session, person: Person, visit_ids: list[uuid.UUID], guidance: GuidanceCache
) -> tuple[bytes, int]:
    """One PDF of the chosen visits' leaflets (in the order given) and its page count; each recorded.

    `guidance` is the server's cache: a visit is worded and reassessed with the version it was
    signed with (published at base, else the packaged one).
    """
    from pypdf import PdfReader, PdfWriter

    from app.domain.errors import parse_visit
    from app.server.push import TeamContext, lock_team
    from app.services.leaflets import LeafletTeam, leaflet_hash, visit_leaflet_pdf

    if not visit_ids:
        raise BatchProblem("Visits: choose at least one signed visit to print")
    if len(visit_ids) > BATCH_MAX:
        raise BatchProblem(f"Visits: at most {BATCH_MAX} leaflets in one print; choose fewer")
    lock_team(session, person.team_id)  # change-log order, as for every record the base makes
    ctx = TeamContext(session, person.team_id, guidance)
    writer = PdfWriter()
    now = utcnow()
    team = LeafletTeam(person.team_name, None)
    for visit_id in dict.fromkeys(visit_ids):
        payload = _visit_payload(session, person.team_id, visit_id)
        state = ctx.visit_state(visit_id)
        assert state is not None  # the payload exists, so its state does
        notes: dict[str, Any] = state.notes
        pdf = visit_leaflet_pdf(
            parse_visit(state.answers),
            paper=PAPER,
            agreed_actions=str(notes.get("agreed_actions") or "") or None,
            follow_up_date=_date(notes.get("follow_up_date")),
            team=team,
            guidance=guidance.get(payload.get("guidance_version") or None),
        )
        writer.append(PdfReader(io.BytesIO(pdf)))
        family_id = uuid.UUID(str(payload["family_id"]))
        record = {
            "id": str(uuid7()),
            "visit_id": str(visit_id),
            "family_id": str(family_id),
            "leaflet_hash": leaflet_hash(pdf),
            "paper": PAPER,
            "created": now.isoformat(),
            "created_by_id": str(person.user_id),
            "created_by_name": person.name,
        }
        publish(
            session,
            team_id=person.team_id,
            entity="leaflet",
            model=LeafletPayload,
            payload=record,
            family_id=family_id,
            parent_id=visit_id,
            day=now.date(),
            created=now,
        )
    writer.add_metadata(
        {
            "/Title": f"Safer sleep leaflets ({len(dict.fromkeys(visit_ids))})",
            "/Author": person.team_name,
            "/Creator": "Safer Sleep Visits",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    pages = len(writer.pages)
    audit_person(
        session=session,
        action="leaflets.batch_print",
        team_id=person.team_id,
        user_id=person.user_id,
        leaflets=len(dict.fromkeys(visit_ids)),
        pages=pages,
    )
    return out.getvalue(), pages


def _visit_payload(session: Session, team_id: uuid.UUID, visit_id: uuid.UUID) -> dict[str, Any]:
    text = session.execute(
        sa.select(col(ChangeLog.payload))
        .join(Record, col(Record.seq) == col(ChangeLog.seq))
        .where(
            col(Record.team_id) == team_id, col(Record.entity) == "visit", col(Record.entity_id) == visit_id
        )
    ).scalar()
    if text is None:
        raise NotFound(f"visit {visit_id}: not found in your team")
    payload: dict[str, Any] = json.loads(text)
    return payload


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
