"""Device clocks never order anything: a day ahead, in 2001, or right, the outcome is the same."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.store.writing import writing
from tests.sync.helpers import PASSPHRASE, Team
from tests.sync.procs import ROOT, ServerProcess, child_env

pytestmark = pytest.mark.slow
DAY = 86_400.0
TO_2001 = dt.datetime(2001, 6, 1, tzinfo=dt.UTC).timestamp() - dt.datetime.now(dt.UTC).timestamp()


def act(home: Path, shift: float, *steps: list[str]) -> dict[str, Any]:
    env = child_env(SAFESLEEP_HOME=str(home), SAFESLEEP_DB_KEY=PASSPHRASE, SAFESLEEP_PLAIN_SQLITE="1")
    done = subprocess.run(
        [sys.executable, "-m", "tests.sync.clockshift", str(shift), json.dumps(steps)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def two_devices(team: Team) -> tuple[Path, Path]:
    """Two enrolled device stores (made here: store creation is not thread-safe)."""
    homes = []
    for name in ("a", "b"):
        store = team.device(name)
        homes.append(store.home)
        store.close()
        team.stores.remove(store)
    return homes[0], homes[1]


def scenario(
    homes: tuple[Path, Path], server: ServerProcess, shift_a: float, shift_b: float
) -> dict[str, Any]:
    """Device A (clock shift_a) and B (clock shift_b) record and edit one family."""
    a, b = homes
    made = act(a, shift_a, ["family", "Clock"], ["sync"])
    clock_a = dt.datetime.fromisoformat(made["clock"])
    family, baby = made["family"], made["baby"]
    by_b = act(
        b,
        shift_b,
        ["sync"],
        ["visit", baby, "2026-11-21", "cot"],
        ["edit", family, "address", "B's address"],
        ["edit", family, "postcode", "SO15 1AA"],
        ["sync"],
    )  # B reaches the server first...
    clock_b = dt.datetime.fromisoformat(by_b["clock"])
    conflicts = act(
        a,
        shift_a,
        ["visit", baby, "2026-11-25", "sofa"],
        ["edit", family, "address", "A's address"],
        ["sync"],
    )["conflicts"]

    import httpx

    from app.store import get_sync_value, open_store

    with_token = open_store(home=a, passphrase=PASSPHRASE, plain=True)
    with writing(with_token) as s:
        token = get_sync_value(session=s, key="token")
    with_token.close()
    headers = {"Authorization": f"Bearer {token}"}
    chronology = httpx.get(f"{server.url}/families/{family}/chronology", headers=headers).json()
    open_conflicts = httpx.get(f"{server.url}/conflicts", headers=headers).json()["conflicts"]
    return {
        "family": {k: chronology["family"]["payload"][k] for k in ("address", "postcode")},
        "visits": [
            (e["visit_date"], e["risk_level"]) for e in chronology["entries"] if e["entity"] == "visit"
        ],
        "conflicts": [
            (c["field"], c["server_value"], c["device_value"])
            for c in open_conflicts
            if c["entity_id"] == family
        ],
        "device_conflicts": conflicts,
        "clocks": (clock_a, clock_b),
    }


def test_clocks_a_day_ahead_or_in_2001_change_nothing(make_team, server: ServerProcess):
    shifts = [(0.0, 0.0), (DAY, TO_2001), (TO_2001, DAY)]
    right, skewed, swapped = (scenario(two_devices(make_team()), server, *ab) for ab in shifts)
    now = dt.datetime.now(dt.UTC)
    assert skewed["clocks"][0] - now > dt.timedelta(hours=23)  # the shifts really applied
    assert skewed["clocks"][1].year == 2001 and swapped["clocks"][0].year == 2001
    for result in (right, skewed, swapped):
        del result["clocks"]
    assert right == skewed == swapped
    assert right == {
        "family": {"address": "B's address", "postcode": "SO15 1AA"},
        "visits": [("2026-11-21", "incomplete"), ("2026-11-25", "high")],  # only the place was asked
        "conflicts": [("address", "B's address", "A's address")],
        "device_conflicts": "1",
    }
