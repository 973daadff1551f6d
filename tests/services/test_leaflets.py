"""The leaflet service (assess + content + render) and the team phone setting, on a real store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

import app.store as st
from app.domain import parse_visit
from app.domain.leaflet_content import Paper
from app.services import families, leaflets, session, settings
from app.services.problems import AnswerError
from tests.leaflet.pdf import read_pdf
from tests.leaflet.samples import TYPICAL_HIGH
from tests.store.writing import writing


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    s = session.create(
        home=tmp_path / "device",
        passphrase="leaflet service",
        practitioner="Ann Visitor",
        team="Riverside",
        demo=False,
    )
    yield s
    s.close()


def _visit(store: Any) -> str:
    family = families.create_family(
        store=store,
        name="Okafor family",
        surname="Okafor",
        postcode="SO14 7DU",
        address="1 High Street",
        baby_name="Tobi",
        baby_born=(dt.date.today() - dt.timedelta(days=20)).isoformat(),
    )
    with writing(store) as s:
        baby = st.get_family(session=s, family_id=UUID(family)).babies[0]
        visit = st.start_visit(session=s, baby_id=baby.id, visit_date=dt.date.today(), visit_type="new_birth")
        st.save_answer(session=s, visit_id=visit.id, path="sleep.shared_surfaces", value=["sofa"])
    return str(visit.id)


def test_team_phone_is_saved_once_and_printed_on_page_one_of_every_stored_leaflet(store: Any):
    assert settings.get_settings(store=store).team_phone == ""
    assert settings.save_team_phone(store=store, phone=" 023  8000 9999 ") == "023 8000 9999"
    assert settings.get_settings(store=store).team_phone == "023 8000 9999"
    text = read_pdf(leaflets.leaflet_pdf(store=store, visit_id=_visit(store)))
    page_one = " ".join(text.pages[0].split())
    assert "Riverside" in page_one and "023 8000 9999" in page_one and "Ann Visitor" in page_one
    assert text.metadata["/Author"] == "Riverside"


@pytest.mark.parametrize("bad", ["phone me", "12", "0" * 51, "023 8000 ext. 9"])
def test_a_team_phone_that_is_not_a_number_is_refused_naming_the_field(store: Any, bad: str):
    with pytest.raises(AnswerError) as err:
        settings.save_team_phone(store=store, phone=bad)
    assert err.value.path == "team_phone" and "digits" in err.value.message
    assert settings.get_settings(store=store).team_phone == ""


def test_a_blank_team_phone_clears_it(store: Any):
    settings.save_team_phone(store=store, phone="023 8000 9999")
    assert settings.save_team_phone(store=store, phone="  ") is None
    assert settings.get_settings(store=store).team_phone == ""


def test_a_phone_leaflet_is_recorded_as_phone_with_its_hash(store: Any):
    vid = _visit(store)
    pdf = leaflets.leaflet_pdf(store=store, visit_id=vid, paper=Paper.phone)
    assert all(width <= 110 for width, _ in read_pdf(pdf).sizes_mm)
    record = leaflets.record_leaflet(store=store, visit_id=vid, pdf=pdf, paper="phone")
    assert record.paper == "Phone" and record.leaflet_hash == leaflets.leaflet_hash(pdf)


def test_a_visit_file_leaflet_takes_the_team_given():
    pdf = leaflets.visit_leaflet_pdf(
        parse_visit(TYPICAL_HIGH), team=leaflets.LeafletTeam("Portswood HV team", "023 8000 9999")
    )
    page_one = " ".join(read_pdf(pdf).pages[0].split())
    assert "Portswood HV team" in page_one and "023 8000 9999" in page_one
