"""The family advice leaflet: assess + build content + render, for a visit file or a stored visit.

One path from a visit to its PDF, used by the CLI, the app and (later) the server's batch printing,
so every leaflet gets the same content rules and the same contact box.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from app.domain import Visit, assess
from app.domain.guidance import Guidance
from app.domain.leaflet_content import Paper, leaflet_content
from app.leaflet import render
from app.services.problems import as_uuid
from app.services.settings import team_phone
from app.store import LeafletPublic, Store, get_visit, guidance_of
from app.store import record_leaflet as store_record_leaflet


@dataclass(frozen=True, slots=True)
class LeafletTeam:
    """Who prints the leaflet: the team's name and phone for the contact box (either may be unknown)."""

    name: str | None = None
    phone: str | None = None


def visit_leaflet_pdf(
    visit: Visit,
    *,
    paper: Paper | str = Paper.a4,
    agreed_actions: str | list[str] | None = None,
    follow_up_date: dt.date | None = None,
    team: LeafletTeam | None = None,
    generated_on: dt.date | None = None,
    guidance: Guidance | None = None,
) -> bytes:
    """The leaflet PDF of one visit: assessed, its family-safe content built, rendered on `paper`.

    `guidance`: the version to word it with (default: the packaged guidance)."""
    team = team or LeafletTeam()
    content = leaflet_content(
        visit,
        assess(visit, guidance),
        agreed_actions=agreed_actions,
        follow_up_date=follow_up_date,
        generated_on=generated_on or dt.date.today(),
        team_name=team.name,
        team_phone=team.phone,
        guidance=guidance,
    )
    return render(content, paper=Paper.parse(paper) if isinstance(paper, str) else paper)


def device_team(*, store: Store) -> LeafletTeam:
    """The team as this device knows it: its name, and the team phone set once in Settings."""
    with store.session() as s:
        phone = team_phone(session=s)
    return LeafletTeam(store.team.name, phone)


def leaflet_pdf(
    *,
    store: Store,
    visit_id: str,
    paper: Paper | str = Paper.a4,
    agreed_actions: str | list[str] | None = None,
    follow_up_date: dt.date | None = None,
    team: LeafletTeam | None = None,
) -> bytes:
    """The leaflet of a stored visit (a signed one with its amendments applied).

    A signed visit is worded with the guidance version it was signed with (a reprint says what
    the first print said); a draft with the newest guidance this device holds.

    The plan and next visit come from the visit's notes unless given; the team's name and phone
    from the device settings unless given. What the parents said and what was observed are never
    printed.
    """
    with store.session() as s:
        v = get_visit(session=s, visit_id=as_uuid(visit_id))
        phone = team_phone(session=s)
        guidance = guidance_of(session=s, version=v.guidance_version)
    visit = v.current if v.status == "signed" else v.visit
    return visit_leaflet_pdf(
        visit,
        paper=paper,
        agreed_actions=agreed_actions if agreed_actions is not None else (v.agreed_actions or None),
        follow_up_date=follow_up_date or v.follow_up_date,
        team=team or LeafletTeam(store.team.name, phone),
        guidance=guidance,
    )


def leaflet_hash(pdf: bytes) -> str:
    """The hash the store keeps for a leaflet: "sha256:" + hex digest of the PDF bytes."""
    return "sha256:" + hashlib.sha256(pdf).hexdigest()


def record_leaflet(
    *, store: Store, visit_id: str, pdf: bytes, paper: Paper | str = Paper.a4
) -> LeafletPublic:
    """Record (with audit and sync) that this leaflet was given to the family."""
    label = (Paper.parse(paper) if isinstance(paper, str) else paper).label
    with store.unit_of_work() as uow:
        record = store_record_leaflet(
            session=uow.session,
            visit_id=as_uuid(visit_id),
            content_hash=leaflet_hash(pdf),
            paper=label,
            actor=store.practitioner.id,
        )
        uow.commit()
    return record
