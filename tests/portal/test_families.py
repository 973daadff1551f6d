"""Finding a family at base: by name whatever the punctuation, by NHS number, by postcode; team-scoped."""

from __future__ import annotations

import uuid

import pytest

from app.server.portal.families import SearchProblem
from app.server.portal.service import Portal
from tests.portal.helpers import PASSWORD, PortalTeam, audit_events
from tests.server.helpers import op


def _family(team: PortalTeam, name: str, surname: str, baby: str, **fields: object) -> uuid.UUID:
    fid, bid = uuid.uuid4(), uuid.uuid4()
    team.push(
        op("family", {"name": name, "surname": surname, **fields}, id=fid),
        op("baby", {"family_id": str(fid), "name": baby}, id=bid),
    )
    return fid


def test_a_supervisor_finds_a_family_by_name_nhs_number_or_postcode_and_never_another_teams(
    team: PortalTeam, engine, client
):
    obrien = _family(
        team,
        "O'Brien family",
        "O'Brien",
        "Niamh",
        postcode="SO14 7DU",
        carers=[{"name": "Siobhán O'Brien", "relationship": "mother", "nhs_number": "943 476 5919"}],
    )
    other_name = _family(team, "Brien-Smith family", "Brien-Smith", "Tom", postcode="SO15 2AB")
    portal = Portal(team.engine)
    token = portal.sign_in(team.emails["supervisor"], PASSWORD)

    def found(query: str) -> list[uuid.UUID]:
        return [h.family_id for h in portal.search_families(token, query)]

    assert found("OBrien") == [obrien]
    assert found("o'brien") == [obrien] and found("O BRIEN") == [obrien]
    assert found("siobhan") == [obrien]  # a carer's name, accent or not
    assert found("Niamh") == [obrien]  # a baby's name finds the family
    assert set(found("brien")) == {obrien, other_name}
    assert found("9434765919") == [obrien] and found("943 476 5919") == [obrien]
    assert found("so147du") == [obrien] and found("SO14 7DU") == [obrien]
    assert found("SO15") == [other_name]  # the outward part of a postcode
    assert found("Nobody") == []
    hit = portal.search_families(token, "OBrien")[0]
    assert (hit.name, hit.postcode, hit.babies, hit.matched) == (
        "O'Brien family",
        "SO14 7DU",
        ("Niamh",),
        "name",
    )
    for bad, says in (("x", "at least 2 letters"), ("12345", "an NHS number has 10 digits")):
        with pytest.raises(SearchProblem, match=says):
            portal.search_families(token, bad)
    practitioner = portal.sign_in(team.emails["practitioner"], PASSWORD)
    assert [h.family_id for h in portal.search_families(practitioner, "OBrien")] == [obrien]
    other = PortalTeam.create(engine, client)
    stranger = portal.sign_in(other.emails["supervisor"], PASSWORD)
    assert portal.search_families(stranger, "OBrien") == []
    assert portal.search_families(stranger, "9434765919") == []
    events = [e for e in audit_events(team.engine, "family.search") if e.team_id == team.id]
    assert len(events) >= 11 and all(e.user_id for e in events)
    assert all("brien" not in e.detail.lower() and "943" not in e.detail for e in events)  # never the query
