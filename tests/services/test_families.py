"""People in the home: carers (phone, NHS number) and other adults (lives in or visits, notes)."""

from __future__ import annotations

import pytest

from app.services import families
from app.services.families import PersonInput
from app.services.problems import AnswerError, FormProblems
from app.store import Store


def _okafor(store: Store, carers: tuple[PersonInput, ...] = ()) -> str:
    return families.create_family(
        store=store,
        name="Okafor family",
        surname="Okafor",
        postcode="SO14 7DU",
        address="1 High Street",
        baby_name="Sam",
        baby_born="02/11/2026",
        carers=carers,
    )


def test_a_new_family_keeps_its_carer_with_phone_and_a_checked_nhs_number(store: Store) -> None:
    jo = PersonInput(name="Jo  Okafor", relationship="mother", phone="07700 900123", nhs_number="9434765919")
    fid = _okafor(store, (jo,))
    card = families.family(store=store, family_id=fid)
    assert card.carers[0].name == "Jo Okafor" and card.carers[0].phone == "07700 900123"
    assert card.carers[0].nhs_number == "943 476 5919"
    assert str(card.babies[0].born) == "2026-11-02"  # typed 02/11/2026


def test_a_wrong_nhs_check_digit_is_refused_naming_the_field(store: Store) -> None:
    with pytest.raises(AnswerError) as bad:
        _okafor(store, (PersonInput(name="Jo", relationship="mother", nhs_number="943 476 5918"),))
    assert bad.value.path == "carers[0].nhs_number" and "check digit" in bad.value.message


def test_carers_and_adults_are_added_and_changed_and_listed_together(store: Store) -> None:
    fid = _okafor(store)
    families.save_person(
        store=store, family_id=fid, kind="carer", typed=PersonInput(name="Jo", relationship="mother")
    )
    adult = families.add_adult(
        store=store,
        family_id=fid,
        name="Unknown male",
        relationship="other",
        lives_in=True,
        notes="Stays over",
    )
    assert adult.kind == "adult" and adult.index == 0 and adult.lives_in is True
    families.save_person(
        store=store,
        family_id=fid,
        kind="carer",
        index=0,
        typed=PersonInput(name="Jo Okafor", relationship="mother", phone="023 8000 0000"),
    )
    people = families.people(store=store, family_id=fid)
    assert [(p.kind, p.name) for p in people] == [("carer", "Jo Okafor"), ("adult", "Unknown male")]
    assert people[0].phone == "023 8000 0000" and people[1].notes == "Stays over"


def test_each_wrong_field_of_a_person_is_named(store: Store) -> None:
    fid = _okafor(store)
    with pytest.raises(FormProblems) as bad:
        families.save_person(
            store=store,
            family_id=fid,
            kind="adult",
            typed=PersonInput(name=" ", relationship="", lives_in=None),
        )
    assert set(bad.value.problems) == {"name", "relationship", "lives_in"}
    with pytest.raises(FormProblems) as phone:
        families.save_person(
            store=store,
            family_id=fid,
            kind="carer",
            typed=PersonInput(name="Jo", relationship="mother", phone="12"),
        )
    assert set(phone.value.problems) == {"phone"}
    assert families.people(store=store, family_id=fid) == ()
