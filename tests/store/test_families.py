"""Households and babies: validation, field-level updates, sync bookkeeping."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

import app.store as st
from app.domain.identifiers import NHS_NUMBER_RULE
from app.store.ids import content_hash
from tests.store.helpers import Household


def test_create_family_normalises_postcode_and_keeps_adults(session: Session) -> None:
    family = st.create_family(
        session=session,
        data={
            "name": "Begum family",
            "surname": "Begum",
            "postcode": " so147du ",
            "carers": [{"name": "Shirin", "relationship": "mother"}],
            "other_adults": [{"name": "Unknown male", "relationship": "visitor", "lives_in": False}],
        },
    )
    assert family.postcode == "SO14 7DU"
    detail = st.get_family(session=session, family_id=family.id)
    assert detail.carers == [{"name": "Shirin", "relationship": "mother", "phone": None}]
    assert detail.other_adults[0]["relationship"] == "visitor"
    assert detail.babies == []


def test_family_problems_name_the_field(session: Session) -> None:
    with pytest.raises(st.RecordError) as err:
        st.create_family(session=session, data={"name": "X", "surname": "Y", "postcode": "12345"})
    assert err.value.problems[0].startswith("family.postcode: must be a UK postcode such as")
    with pytest.raises(st.RecordError) as err:
        st.create_family(session=session, data={"name": "X", "surname": " "})
    assert err.value.problems == ["family.surname: must not be empty"]
    with pytest.raises(st.RecordError) as err:
        st.create_family(session=session, data={"name": "X", "surname": "Y", "carers": [{"name": "Ada"}]})
    assert err.value.problems == ["family.carers[0].relationship: required"]


def test_the_store_refuses_a_carer_as_the_server_would_a_wrong_nhs_number_or_an_empty_name(
    session: Session,
) -> None:
    def problems(carer: dict[str, str]) -> list[str]:
        with pytest.raises(st.RecordError) as err:
            st.create_family(session=session, data={"name": "X", "surname": "Y", "carers": [carer]})
        return err.value.problems

    wrong = problems({"name": "Ada", "relationship": "mother", "nhs_number": "943 476 5918"})
    assert wrong == [f"family.carers[0].nhs_number: Value error, {NHS_NUMBER_RULE}"]
    assert problems({"name": "", "relationship": "mother"})[0].startswith("family.carers[0].name: ")
    kept = st.create_family(
        session=session,
        data={
            "name": "X",
            "surname": "Y",
            "carers": [{"name": "Ada", "relationship": "mother", "nhs_number": "943 476 5919"}],
        },
    )
    assert st.get_family(session=session, family_id=kept.id).carers[0]["nhs_number"] == "943 476 5919"


def test_update_family_is_field_level_and_queues_an_upsert(session: Session, household: Household) -> None:
    before = len(st.pending_ops(session=session, limit=1000))
    family = st.update_family(
        session=session, family_id=household.family_id, changes={"address": "2 Low Road"}
    )
    assert family.address == "2 Low Road" and family.surname == "Okafor"
    ops = st.pending_ops(session=session, limit=1000)[before:]
    upsert = next(op for op in ops if op.entity == "family")
    assert upsert.kind == "upsert" and upsert.base_version is None
    assert upsert.payload["address"] == "2 Low Road"
    assert upsert.hash == content_hash(upsert.payload)
    audit = st.list_audit(session=session, entity_id=household.family_id)[0]
    assert (audit.action, audit.detail) == ("update_family", {"fields": ["address"]})
    # no change, no op
    st.update_family(session=session, family_id=household.family_id, changes={"address": "2 Low Road"})
    assert len(st.pending_ops(session=session, limit=1000)) == before + 2  # upsert + audit
    with pytest.raises(st.RecordError, match=r"family\.colour: unknown field"):
        st.update_family(session=session, family_id=household.family_id, changes={"colour": 1})


def test_baby_ranges_are_checked(session: Session, household: Household) -> None:
    with pytest.raises(st.RecordError) as err:
        st.add_baby(
            session=session,
            family_id=household.family_id,
            data={"name": "Tiny", "gestation_weeks": 50, "birth_weight_kg": 9},
        )
    assert err.value.problems == [
        "baby.gestation_weeks: must be between 22 and 44 weeks",
        "baby.birth_weight_kg: must be between 0.3 and 7.0 kg",
    ]
    twin = st.add_baby(
        session=session,
        family_id=household.family_id,
        data={"name": "Alex", "date_of_birth": dt.date.today()},
    )
    updated = st.update_baby(session=session, baby_id=twin.id, changes={"birth_weight_kg": 2.1})
    assert updated.birth_weight_kg == 2.1 and updated.name == "Alex"
    names = [b.name for b in st.get_family(session=session, family_id=household.family_id).babies]
    assert sorted(names) == ["Alex", "Sam"]


def test_find_families_by_name_surname_or_id(session: Session, household: Household) -> None:
    assert [f.id for f in st.find_families(session=session, name_or_id="okafor")] == [household.family_id]
    assert [f.id for f in st.find_families(session=session, name_or_id="OKAFOR FAMILY")] == [
        household.family_id
    ]
    assert [f.id for f in st.find_families(session=session, name_or_id=str(household.family_id))] == [
        household.family_id
    ]
    assert st.find_families(session=session, name_or_id="nobody") == []


def test_every_syncable_row_gets_a_uuid7_and_its_content_hash(session: Session, household: Household) -> None:
    for op in st.pending_ops(session=session, limit=1000):
        assert op.entity_id.version == 7 and op.op_id.version == 7
        assert op.hash == content_hash(op.payload)
        assert op.payload == st.payload_of(session=session, entity=op.entity, entity_id=op.entity_id)
