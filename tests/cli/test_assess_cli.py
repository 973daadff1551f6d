"""`safesleep assess` through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.domain.factories import visit_doc


def safesleep(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def write(tmp_path: Path, doc: Any, name: str = "visit.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc))
    return path


HIGH_RISK = visit_doc(
    sleep__shared_surfaces=["sofa"],
    carers__alcohol=True,
    sleep__bed_sharing="sometimes",
    baby__gestation_weeks=35,
    family__domestic_abuse=True,
    sleep__position=None,
)


def test_json_output_is_the_assessment_document(tmp_path: Path):
    out = safesleep("assess", str(write(tmp_path, HIGH_RISK)), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["risk_level"] == "high"
    assert result["escalate"] is True
    assert [f["code"] for f in result["factors"]] == [
        "sofa_or_armchair_sharing",
        "bed_sharing_after_alcohol_or_drugs",
        "bed_sharing_premature",
        "premature",
    ]
    assert result["unanswered"] == ["sleep.position"]
    assert result["incomplete"] == ["sleep.position"]
    assert result["prompts"] == ["bed_sharing_not_safe", "complete_core_questions", "discuss_with_supervisor"]


@pytest.mark.parametrize(
    ("doc", "level", "words", "missing"),
    [
        ({"format": "safesleep.visit/2"}, "incomplete", "INCOMPLETE: 14 core questions not asked", 14),
        ({"format": "safesleep.visit/1", "feeding": {"breastfed": True}}, "incomplete", "INCOMPLETE", 14),
        (visit_doc(carers__drugs=None), "incomplete", "INCOMPLETE: 1 core question not asked", 1),
        (visit_doc(), "low", "LOW RISK", 0),
    ],
)
def test_an_unasked_visit_is_incomplete_never_low(
    tmp_path: Path, doc: dict[str, Any], level: str, words: str, missing: int
):
    path = write(tmp_path, doc)
    as_json = json.loads(safesleep("assess", str(path), "--json").stdout)
    assert as_json["risk_level"] == level
    assert len(as_json["incomplete"]) == missing
    text = safesleep("assess", str(path)).stdout
    assert words in text
    assert ("LOW RISK" in text) is (level == "low")


def test_readable_summary_names_the_level_factors_advice_links_prompts_and_gaps(tmp_path: Path):
    out = safesleep("assess", str(write(tmp_path, HIGH_RISK)))
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "Risk level: HIGH RISK" in text
    assert "ESCALATE" in text
    assert "Never sleep with your baby on a sofa" in text
    assert "https://www.lullabytrust.org.uk/" in text
    assert "Discuss with your supervisor" in text
    assert "Not recorded: sleep.position" in text
    assert "not a diagnosis" in text


def test_stdin_is_read_for_a_dash():
    out = safesleep("assess", "-", "--json", stdin=json.dumps(visit_doc(sleep__position="front")))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["risk_level"] == "high"


def test_invalid_file_exits_2_with_one_line_per_problem_and_no_traceback(tmp_path: Path):
    path = write(tmp_path, visit_doc(baby__birth_weight_kg=9, sleep__place="bed"))
    out = safesleep("assess", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert lines == [
        f"{path}: baby.birth_weight_kg: must be between 0.3 and 7.0 kg",
        f"{path}: sleep.place: must be one of: cot, moses_basket, bedside_crib, travel_cot, pram, "
        "adult_bed, sofa, armchair, airbed, car_seat, sling, bouncer_or_swing, beanbag_or_cushion, other",
    ]


def test_non_json_file_exits_2_naming_the_file(tmp_path: Path):
    path = write(tmp_path, "this is not json")
    out = safesleep("assess", str(path))
    assert out.returncode == 2
    assert out.stderr.startswith(f"{path}: not valid JSON")
    assert "Traceback" not in out.stderr


def test_missing_file_exits_2_naming_the_file(tmp_path: Path):
    out = safesleep("assess", str(tmp_path / "nope.json"))
    assert out.returncode == 2
    assert out.stderr.strip() == f"{tmp_path / 'nope.json'}: no such file"


def test_unreadable_file_exits_2(tmp_path: Path):
    out = safesleep("assess", str(tmp_path))
    assert out.returncode == 2
    assert "is a folder" in out.stderr and "Traceback" not in out.stderr


def test_assess_does_not_import_flet_or_reportlab(tmp_path: Path):
    path = write(tmp_path, HIGH_RISK)
    code = (
        "import sys\n"
        f"sys.argv = ['safesleep', 'assess', {str(path)!r}, '--json']\n"
        "from app.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('flet', 'reportlab', 'sqlmodel', 'sqlalchemy', 'fastapi', 'httpx')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in out.stderr, out.stderr


def test_python_dash_m_app_and_console_script_agree(tmp_path: Path):
    path = write(tmp_path, HIGH_RISK)
    script = Path(sys.executable).parent / "safesleep"
    a = subprocess.run([str(script), "assess", str(path), "--json"], capture_output=True, text=True)
    b = safesleep("assess", str(path), "--json")
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout
