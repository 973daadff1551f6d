"""Printing leaflets at base: the chosen signed visits' leaflets as one PDF, each recorded on its visit."""

from __future__ import annotations

import copy
import datetime as dt
import io
import uuid
from typing import Any

import pytest
from pypdf import PdfReader

from app.domain.errors import parse_visit
from app.server.portal.batch_leaflets import BatchFilter, BatchProblem
from app.server.portal.queue import NotFound
from app.server.portal.service import Portal
from app.services.leaflets import LeafletTeam, visit_leaflet_pdf
from tests.domain.factories import FULL_LOW_RISK
from tests.portal.helpers import ESCALATED, PASSWORD, PortalTeam, audit_events

DAY = dt.date(2026, 11, 20)  # the visit date of the test visits


def _doc(baby: str, **sections: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(FULL_LOW_RISK)
    doc["baby"]["name"] = baby
    for section, values in sections.items():
        doc.setdefault(section, {}).update(values)
    return doc


def test_a_batch_prints_every_chosen_leaflet_in_one_pdf_and_records_each_for_the_devices(
    team: PortalTeam, engine, client
):
    ada_family, ada = team.family("Batch", "Ada")
    ben_family, ben = team.family("Print", "Ben")
    ada_visit = team.visit(ada_family, ada, baby={"name": "Ada"}, **ESCALATED)
    ben_visit = team.visit(ben_family, ben, baby={"name": "Ben"})
    portal = Portal(team.engine)
    token = portal.sign_in(team.emails["admin"], PASSWORD)
    rows = portal.batch_visits(token, BatchFilter(DAY, DAY, "new_birth"))
    mine = {r.visit_id: r for r in rows if r.visit_id in (ada_visit, ben_visit)}
    assert set(mine) == {ada_visit, ben_visit} and all(r.leaflets == 0 for r in mine.values())
    assert mine[ada_visit].family == "Batch family" and mine[ada_visit].baby == "Ada"
    assert portal.batch_visits(token, BatchFilter(DAY, DAY, "follow_up")) == []
    assert "A. Visitor" in portal.batch_practitioners(token)

    pdf, pages = portal.print_leaflets(token, [ada_visit, ben_visit])
    reader = PdfReader(io.BytesIO(pdf))
    team_words = LeafletTeam(team.name, None)
    alone = [
        len(PdfReader(io.BytesIO(visit_leaflet_pdf(parse_visit(_doc(n, **s)), team=team_words))).pages)
        for n, s in (("Ada", ESCALATED), ("Ben", {}))
    ]
    assert pages == len(reader.pages) == sum(alone)
    text = [page.extract_text() or "" for page in reader.pages]
    assert "Ada" in text[0] and "Ben" in text[alone[0]]  # each leaflet in the order chosen
    assert "sofa" in " ".join(text[: alone[0]]).lower()
    assert reader.metadata is not None and reader.metadata.title == "Safer sleep leaflets (2)"

    after = {r.visit_id: r.leaflets for r in portal.batch_visits(token, BatchFilter(DAY, DAY))}
    assert after[ada_visit] == 1 and after[ben_visit] == 1
    changes = client.get("/sync/pull", headers=team.headers, params={"limit": 5000}).json()["changes"]
    leaflets = [c for c in changes if c["entity"] == "leaflet"]
    by_visit = {c["payload"]["visit_id"]: c["payload"] for c in leaflets}
    assert set(by_visit) >= {str(ada_visit), str(ben_visit)}
    assert by_visit[str(ada_visit)]["created_by_name"] == "Admin"
    assert by_visit[str(ada_visit)]["paper"] == "A4"
    assert by_visit[str(ada_visit)]["leaflet_hash"].startswith("sha256:")
    _, entries = portal.chronology(token, ada_family)
    assert [e.who for e in entries if e.kind == "leaflet"] == ["Admin"]
    printed = [e for e in audit_events(team.engine, "leaflets.batch_print") if e.team_id == team.id]
    assert len(printed) == 1 and '"leaflets": 2' in printed[0].detail

    other = PortalTeam.create(engine, client)
    stranger = portal.sign_in(other.emails["supervisor"], PASSWORD)
    assert all(
        r.visit_id not in (ada_visit, ben_visit) for r in portal.batch_visits(stranger, BatchFilter(DAY, DAY))
    )
    with pytest.raises(NotFound):
        portal.print_leaflets(stranger, [ada_visit])
    with pytest.raises(BatchProblem, match="choose at least one"):
        portal.print_leaflets(token, [])
    with pytest.raises(BatchProblem, match="at most 100 leaflets"):
        portal.print_leaflets(token, [uuid.uuid4() for _ in range(101)])
    with pytest.raises(BatchProblem, match="From: must be on or before To"):
        portal.batch_visits(token, BatchFilter(DAY, DAY - dt.timedelta(days=1)))
