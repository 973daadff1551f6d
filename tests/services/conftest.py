"""A real encrypted store in a temporary home for the service tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import session
from app.store import Store
from tests.services.helpers import PASSPHRASE


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "device"


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    s = session.create(
        home=home, passphrase=PASSPHRASE, practitioner="Ann Visitor", team="Riverside", demo=False
    )
    yield s
    s.close()
