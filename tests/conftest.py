"""Suite-wide test settings, and the seeded random generator for tests that need chance."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, settings

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
