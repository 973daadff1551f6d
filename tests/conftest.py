"""Suite-wide test settings, and the seeded random generator for tests that need chance."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import FAST_HASHING

# Throwaway stores and accounts hash cheaply (tests/helpers.py: FAST_HASHING).
for _name, _value in FAST_HASHING.items():
    os.environ.setdefault(_name, _value)

# CI runs on 2 shared cores: never fail a property test on timing.
settings.register_profile("safesleep", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("safesleep")

SEED_VARIABLE = "SAFESLEEP_TEST_SEED"


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> random.Random:
    """A Random with a fresh seed each run (or $SAFESLEEP_TEST_SEED); a failure report shows the seed."""
    seed = int(os.environ.get(SEED_VARIABLE) or random.SystemRandom().randrange(2**32))
    request.node.add_report_section(
        "setup", "random seed", f"seed {seed}: rerun with {SEED_VARIABLE}={seed} to repeat this run"
    )
    return random.Random(seed)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `pytest -n N --dist loadgroup` the browser tests share one worker, one at a time.

    Each drives a real app process and a real Chromium; two at once on a 2-core machine only
    make both slower. Everything else spreads over the workers test by test.
    """
    for item in items:
        if item.get_closest_marker("e2e") is not None:
            item.add_marker(pytest.mark.xdist_group("browser"))
