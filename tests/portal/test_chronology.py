"""A family's chronology at base: visits with who recorded them, supervision, patterns; team-scoped."""

from __future__ import annotations

import datetime as dt

import pytest

from app.server.portal.queue import NotFound
from app.server.portal.service import Portal
from app.server.portal.supervision import SupervisionIn
from tests.portal.helpers import ESCALATED, PASSWORD, PortalTeam


def test_the_chronology_lists_visits_supervision_and_patterns_oldest_first(team: PortalTeam, engine, client):
    family, baby = team.family("Chron", "Ada")
    first = team.visit(family, baby, **ESCALATED)
    team.visit(family, baby, sleep={"place": "sofa"})
    portal = Portal(team.engine)
    token = portal.sign_in(team.emails["supervisor"], PASSWORD)
    portal.queue(token)
    portal.record_supervision(
        token, first, SupervisionIn(date=dt.date.today(), discussion="Talked", decision="Plan")
    )
    name, entries = portal.chronology(token, family)
    assert name == "Chron family"
    kinds = [e.kind for e in entries]
    assert kinds.count("visit") == 2 and "supervision" in kinds and "pattern" in kinds
    assert any(e.summary == "PATTERN: High risk at the last two visits" for e in entries)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert entries[0].who == "A. Visitor (device of Practitioner)" and "ESCALATE" in entries[0].summary
    other = PortalTeam.create(engine, client)
    stranger = portal.sign_in(other.emails["supervisor"], PASSWORD)
    with pytest.raises(NotFound):
        portal.chronology(stranger, family)
