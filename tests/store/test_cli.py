"""The store commands, run as a user would: real `safesleep` processes on a real store folder."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from uuid import UUID

import pytest

from app.domain.assessment import assess
from app.domain.errors import parse_visit
from tests.domain.factories import V1_EXAMPLE
from tests.helpers import settings_free_env

# Slow: a session of real `safesleep` processes: in make test, not in make test-fast.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
VISIT = {  # the v1 example with other carers, feeding and family answers (domestic abuse: yes)
    **copy.deepcopy(V1_EXAMPLE),
    "carers": {"smoker_in_household": False, "alcohol": False},
    "feeding": {"breastfed": True},
    "family": {"domestic_abuse": True},
}


def run(
    home: Path, *args: str, key: str | None = "cli-test-key", stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = settings_free_env(SAFESLEEP_HOME=str(home))
    if key is not None:
        env["SAFESLEEP_DB_KEY"] = key
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        input=stdin,
        timeout=120,
    )


@pytest.fixture
def visit_file(tmp_path: Path) -> Path:
    path = tmp_path / "visit.json"
    path.write_text(json.dumps(VISIT))
    return path


def test_import_then_export_round_trips(tmp_path: Path, visit_file: Path) -> None:
    home = tmp_path / "home"
    done = run(home, "visit", "import", str(visit_file), "--family", "Okafor family")
    assert done.returncode == 0, done.stderr
    visit_id = UUID(done.stdout.strip())
    out = run(home, "visit", "export", str(visit_id))
    assert out.returncode == 0, out.stderr
    # a v1 file is accepted; export writes v2
    assert (
        json.loads(out.stdout) == parse_visit(VISIT).to_document() == {**VISIT, "format": "safesleep.visit/2"}
    )
    assert not (home / "store.db").read_bytes().startswith(b"SQLite format 3")


def test_import_signed_and_chronology_by_name_and_id(tmp_path: Path, visit_file: Path) -> None:
    home = tmp_path / "home"
    unsigned = run(home, "visit", "import", str(visit_file), "--family", "Okafor family", "--sign")
    assert (
        unsigned.returncode == 2
        and "incomplete_reason: required: 2 core questions not asked" in unsigned.stderr
    )
    first = run(
        home,
        "visit",
        "import",
        str(visit_file),
        "--family",
        "Okafor family",
        "--sign",
        "--reason",
        "declined",
    )
    second = run(
        home,
        "visit",
        "import",
        "-",
        "--family",
        "okafor family",
        stdin=json.dumps({**VISIT, "visit": {"date": "2026-11-27", "type": "targeted"}}),
    )
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    text = run(home, "family", "chronology", "Okafor")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].startswith("Okafor family")
    assert "Baby: Sam, born 2026-11-02" in lines
    visits = [line for line in lines if "VISIT" in line]
    assert visits[0].startswith("2026-11-20  VISIT") and "high risk, ESCALATE" in visits[0]
    assert visits[1].startswith("2026-11-27  VISIT") and "Draft visit (not signed)" in visits[1]
    family_id = next(line.split()[-1] for line in lines if line.startswith("Family id"))
    as_json = run(home, "family", "chronology", family_id, "--json")
    entries = json.loads(as_json.stdout)
    assert [e["visit_id"] for e in entries] == [first.stdout.strip(), second.stdout.strip()]
    assert entries[0]["factors"] == [f.code for f in assess(parse_visit(VISIT)).factors]
    assert "Okafor family" in run(home, "family", "list", "sam").stdout


def test_bad_input_exits_2_with_field_paths_and_no_traceback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**VISIT, "sleep": {"place": "hammock"}, "baby": {"birth_weight_kg": 12}}))
    done = run(home, "visit", "import", str(bad))
    assert done.returncode == 2
    assert f"{bad}: sleep.place: must be one of: cot" in done.stderr
    assert f"{bad}: baby.birth_weight_kg: must be between 0.3 and 7.0 kg" in done.stderr
    for args, message in [
        (("visit", "export", "not-an-id"), "ID: must be a visit id"),
        (("visit", "export", "0190c3a5-7b1e-7c4d-9a2b-3c4d5e6f7a8b"), "ID: no visit"),
        (("family", "chronology", "Nobody"), "NAME_OR_ID: no family called 'Nobody'"),
        (("visit", "import", str(tmp_path / "missing.json")), "missing.json: no such file"),
    ]:
        result = run(home, *args)
        assert result.returncode == 2, args
        assert message in result.stderr
        assert "Traceback" not in result.stderr + result.stdout


def test_wrong_or_missing_key_exits_2_cleanly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "family", "list").returncode == 0  # creates the store with the key
    wrong = run(home, "family", "list", key="another key")
    assert wrong.returncode == 2
    assert "SAFESLEEP_DB_KEY: does not unlock the store" in wrong.stderr
    missing = run(home, "family", "list", key=None)
    assert missing.returncode == 2 and "SAFESLEEP_DB_KEY: not set" in missing.stderr
    assert "Traceback" not in wrong.stderr + missing.stderr


def test_demo_loads_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run(home, "demo")
    assert first.returncode == 0, first.stderr
    assert "Demo caseload loaded: 40 families" in first.stdout
    again = run(home, "demo")
    assert again.returncode == 0 and "already loaded" in again.stdout
