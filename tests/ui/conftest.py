"""Fixtures for the UI tests: a real encrypted store in a temporary SAFESLEEP_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services import families, session
from tests.ui.helpers import PASSPHRASE


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "device"


@pytest.fixture
def store(home: Path) -> Iterator[Any]:
    s = session.create(
        home=home, passphrase=PASSPHRASE, practitioner="Ann Visitor", team="Riverside", demo=False
    )
    yield s
    s.close()


@pytest.fixture
def family_id(store: Any) -> str:
    return families.create_family(
        store=store,
        name="Okafor family",
        surname="Okafor",
        postcode="SO14 7DU",
        address="1 High Street",
        baby_name="Sam",
        baby_born="2026-11-02",
    )
