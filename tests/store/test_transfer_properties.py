"""Any valid visit document survives import and export unchanged (property test)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import app.store as st
from app.domain.errors import parse_visit
from tests.domain.strategies import valid_visit_docs
from tests.store.writing import writing

TODAY = dt.date.today().isoformat()


def _not_in_future(doc: dict[str, Any]) -> bool:
    return bool(doc["visit"]["date"] <= TODAY and doc["baby"].get("date_of_birth", "") <= TODAY)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[st.Store]:
    home: Path = tmp_path_factory.mktemp("transfer") / "device"
    s = st.create_store(home=home, passphrase="p", practitioner_name="Ann", team_name="T", plain=False)
    yield s
    s.close()


@settings(max_examples=40)
@given(doc=valid_visit_docs.filter(_not_in_future))
def test_import_export_round_trip(shared_store: st.Store, doc: dict[str, Any]) -> None:
    with writing(shared_store) as s:
        first = st.import_visit(session=s, document=doc, family_name="Round trip family")
        assert st.export_visit(session=s, visit_id=first.id) == parse_visit(doc).to_document()
        second = st.import_visit(session=s, document=doc, family_name="Round trip family")
    assert second.baby_id == first.baby_id  # the same baby is found again, not duplicated
    assert second.family_id == first.family_id
