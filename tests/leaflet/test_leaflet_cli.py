"""`safesleep leaflet` through a real subprocess: one file, paper sizes, batches, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.leaflet.pdf import read_pdf
from tests.leaflet.samples import HIGH_RISK, LOW_RISK, MANY_FACTORS

pytestmark = pytest.mark.slow  # each test runs `safesleep` as a process

BAD = {"format": "safesleep.visit/1", "baby": {"birth_weight_kg": 9}}


def safesleep(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", "leaflet", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def write(folder: Path, name: str, doc: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(doc))
    return path


def test_one_file_writes_an_a4_leaflet_next_to_it(tmp_path: Path):
    source = write(tmp_path, "ruby.json", HIGH_RISK)
    done = safesleep(source)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "ruby-leaflet.pdf"
    text = read_pdf(out.read_bytes())
    assert text.metadata["/Title"] == "Safer sleep for Ruby"
    assert set(text.sizes) == {(595, 842)}
    assert str(out) in done.stdout.decode()


def test_output_paper_plan_and_follow_up_options(tmp_path: Path):
    source = write(tmp_path, "ruby.json", HIGH_RISK)
    out = tmp_path / "print" / "sheet.pdf"
    out.parent.mkdir()
    done = safesleep(
        source,
        "-o",
        out,
        "--paper",
        "letter",
        "--plan",
        "Basket next to the bed",
        "--plan",
        "No pillow in the basket",
        "--follow-up",
        "2026-12-04",
    )
    assert done.returncode == 0, done.stderr
    text = read_pdf(out.read_bytes())
    assert set(text.sizes) == {(612, 792)}
    assert "Basket next to the bed" in text.words and "No pillow in the basket" in text.words
    assert "Next visit: 4 December 2026" in text.words


def test_stdin_to_stdout(tmp_path: Path):
    done = safesleep("-", "-o", "-", stdin=json.dumps(LOW_RISK).encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF")
    assert read_pdf(done.stdout).metadata["/Title"] == "Safer sleep for Sam"


def test_batch_renders_every_valid_file_and_reports_the_invalid_one(tmp_path: Path):
    files = [
        write(tmp_path, "sam.json", LOW_RISK),
        write(tmp_path, "bad.json", BAD),
        write(tmp_path, "many.json", MANY_FACTORS),
    ]
    other = tmp_path / "other"
    other.mkdir()
    files.append(write(other, "sam.json", HIGH_RISK))  # same stem: must not overwrite
    out_dir = tmp_path / "leaflets"
    done = safesleep(*files, "--out-dir", out_dir, "--paper", "letter")
    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert f"{files[1]}: baby.birth_weight_kg: must be between 0.3 and 7.0 kg" in stderr
    assert "1 of 4 files failed" in stderr
    assert "Traceback" not in stderr
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == ["many-leaflet.pdf", "sam-2-leaflet.pdf", "sam-leaflet.pdf"]
    titles = {read_pdf((out_dir / n).read_bytes()).metadata["/Title"] for n in written}
    assert titles == {"Safer sleep for Sam", "Safer sleep for Alexandria-Rose", "Safer sleep for Ruby"}
    assert all(set(read_pdf((out_dir / n).read_bytes()).sizes) == {(612, 792)} for n in written)


def test_batch_of_valid_files_exits_zero(tmp_path: Path):
    files = [write(tmp_path, f"v{i}.json", doc) for i, doc in enumerate((LOW_RISK, HIGH_RISK))]
    done = safesleep(*files, "--out-dir", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "Wrote 2 of 2 leaflets" in done.stdout.decode()
    assert len(list((tmp_path / "out").glob("*-leaflet.pdf"))) == 2


def test_invalid_single_file_exits_2_with_field_paths_and_writes_nothing(tmp_path: Path):
    source = write(tmp_path, "bad.json", BAD)
    done = safesleep(source)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (f"{source}: baby.birth_weight_kg: must be between 0.3 and 7.0 kg")
    assert not (tmp_path / "bad-leaflet.pdf").exists()


def test_usage_mistakes_exit_2_naming_the_option(tmp_path: Path):
    source = write(tmp_path, "sam.json", LOW_RISK)
    paper = safesleep(source, "--paper", "a3")
    assert paper.returncode == 2 and b"a4, letter, phone" in paper.stderr
    follow = safesleep(source, "--follow-up", "4/12/2026")
    assert follow.returncode == 2 and b"YYYY-MM-DD" in follow.stderr
    two = safesleep(source, source, "-o", tmp_path / "x.pdf")
    assert two.returncode == 2 and b"--out-dir" in two.stderr
    missing = safesleep(tmp_path / "nope.json")
    assert missing.returncode == 2 and b"nope.json: no such file" in missing.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_many_files_without_out_dir_are_written_next_to_each_input(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    files = [write(first, "sam.json", LOW_RISK), write(second, "ruby.json", HIGH_RISK)]
    done = safesleep(*files)
    assert done.returncode == 0, done.stderr
    assert read_pdf((first / "sam-leaflet.pdf").read_bytes()).metadata["/Title"] == ("Safer sleep for Sam")
    assert read_pdf((second / "ruby-leaflet.pdf").read_bytes()).metadata["/Title"] == ("Safer sleep for Ruby")


def test_phone_paper_and_team_options_reach_page_one(tmp_path: Path):
    source = write(tmp_path, "ruby.json", HIGH_RISK)
    out = tmp_path / "ruby-phone.pdf"
    done = safesleep(
        source, "-o", out, "--paper", "PHONE", "--team", "Portswood HV team", "--team-phone", "023 8000 9999"
    )
    assert done.returncode == 0, done.stderr
    text = read_pdf(out.read_bytes())
    assert all(width <= 110 for width, _ in text.sizes_mm)
    page_one = " ".join(text.pages[0].split())
    assert "Portswood HV team" in page_one and "023 8000 9999" in page_one
    assert text.metadata["/Author"] == "Portswood HV team"


def test_help_lists_exactly_the_domain_paper_names():
    from app.cli.leaflet_cmd import PAPER_HELP
    from app.domain.leaflet_content import Paper

    assert PAPER_HELP.split("|") == [p.value for p in Paper]
    done = subprocess.run(
        [sys.executable, "-m", "app", "leaflet", "--help"], capture_output=True, timeout=60, text=True
    )
    assert done.returncode == 0
    assert PAPER_HELP in done.stdout and "--team-phone" in done.stdout
