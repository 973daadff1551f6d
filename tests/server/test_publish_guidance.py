"""`safesleep server publish-guidance FILE`: checked by the domain's rules, stored as a new version."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from app.server.db import make_engine
from app.server.models import GuidanceVersion
from tests.server.guidance import PACKAGED, publish, version_of

pytestmark = pytest.mark.slow  # each test runs `safesleep` as a process


def stored(db_url: str) -> dict[str, str]:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(GuidanceVersion.version, GuidanceVersion.text)).all()  # type: ignore[call-overload]
    engine.dispose()
    return {v: t for v, t in rows}


def test_a_complete_file_is_published_once_and_republishing_it_changes_nothing(tmp_path: Path, db_url: str):
    path = tmp_path / "guidance.toml"
    path.write_text(version_of(PACKAGED, "2027.01-1"), encoding="utf-8")
    first = publish(path, db_url)
    assert first.returncode == 0, first.stderr
    assert "Published guidance 2027.01-1" in first.stdout
    again = publish(path, db_url)
    assert again.returncode == 0, again.stderr
    assert "already published" in again.stdout
    assert stored(db_url)["2027.01-1"] == path.read_text(encoding="utf-8")


def test_the_same_version_with_different_content_is_refused(tmp_path: Path, db_url: str):
    path = tmp_path / "guidance.toml"
    path.write_text(version_of(PACKAGED, "2027.02-1"), encoding="utf-8")
    assert publish(path, db_url).returncode == 0
    path.write_text(version_of(PACKAGED, "2027.02-1") + "\n# a changed file\n", encoding="utf-8")
    refused = publish(path, db_url)
    assert refused.returncode == 2
    assert "guidance_version: 2027.02-1 is already published with different content" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert "# a changed file" not in stored(db_url)["2027.02-1"]


def test_a_file_missing_an_entry_the_rules_use_is_refused_naming_it(tmp_path: Path, db_url: str):
    text = version_of(PACKAGED, "2027.03-1").replace("[protective.dummy]", "[protective.dummy_removed]")
    path = tmp_path / "guidance.toml"
    path.write_text(text, encoding="utf-8")
    refused = publish(path, db_url)
    assert refused.returncode == 2
    assert f"{path}: protective.dummy: missing" in refused.stderr
    assert "2027.03-1" not in stored(db_url)


def test_a_source_that_is_not_https_is_refused_naming_the_entry_and_field(tmp_path: Path, db_url: str):
    start = PACKAGED.index("[factors.sofa_or_armchair_sharing]")
    https = PACKAGED.index("https://", start)
    text = version_of(PACKAGED[:https] + "http://" + PACKAGED[https + len("https://") :], "2027.04-1")
    path = tmp_path / "guidance.toml"
    path.write_text(text, encoding="utf-8")
    refused = publish(path, db_url)
    assert refused.returncode == 2
    assert "factors.sofa_or_armchair_sharing: sources must be https addresses" in refused.stderr
    assert "2027.04-1" not in stored(db_url)


def test_a_file_that_is_not_toml_is_refused_in_plain_words(tmp_path: Path, db_url: str):
    path = tmp_path / "guidance.toml"
    path.write_text("this is = = not toml", encoding="utf-8")
    refused = publish(path, db_url)
    assert refused.returncode == 2
    assert "not a valid TOML file" in refused.stderr
    assert "Traceback" not in refused.stderr
