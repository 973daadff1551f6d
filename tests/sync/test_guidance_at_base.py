"""Guidance at base: devices fetch the newest published at sync, new visits use it, reprints keep theirs.

Real `safesleep serve` processes (SQLite and PostgreSQL), guidance published with the real
`safesleep server publish-guidance` command, leaflets rendered to PDF and read back with pypdf.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import httpx
from pypdf import PdfReader

from app.services.guidance import guidance_about
from app.services.leaflets import leaflet_pdf
from app.store import Store, get_visit, held_versions
from app.sync import sync_now
from tests.server.guidance import PACKAGED, publish, version_of
from tests.sync.helpers import Team, add_family, signed_visit

OLD = "2026.12-1"  # the packaged version
SOFA_ADVICE = "Never sleep with your baby on a sofa or in an armchair, day or night."
MARKER = "Quillwort rule"  # a phrase only the published versions hold


def published_text(version: str, marker: str) -> str:
    """The packaged guidance as `version`, its sofa advice starting with `marker`."""
    text = version_of(PACKAGED, version)
    assert SOFA_ADVICE in text
    return text.replace(SOFA_ADVICE, f"{marker}: {SOFA_ADVICE}")


def publish_version(tmp_path: Path, db_url: str, version: str, marker: str) -> None:
    path = tmp_path / f"{version}.toml"
    path.write_text(published_text(version, marker), encoding="utf-8")
    done = publish(path, db_url)
    assert done.returncode == 0, done.stderr


def leaflet_text(store: Store, visit_id: uuid.UUID) -> str:
    pdf = leaflet_pdf(store=store, visit_id=str(visit_id))
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def visit_version(store: Store, visit_id: uuid.UUID) -> str | None:
    with store.session() as s:
        return get_visit(session=s, visit_id=visit_id).guidance_version


def sofa_advice(store: Store, visit_id: uuid.UUID) -> str:
    with store.session() as s:
        assessment = get_visit(session=s, visit_id=visit_id).assessment or {}
    return str(next(f["advice"] for f in assessment["factors"] if f["code"] == "sofa_or_armchair_sharing"))


def test_a_published_version_reaches_devices_new_visits_use_it_and_old_reprints_keep_theirs(
    team: Team, db_url: str, tmp_path: Path
):
    a = team.device("a")
    _, baby = add_family(a)
    before = signed_visit(a, baby, place="sofa")
    assert visit_version(a, before) == OLD
    first_print = leaflet_text(a, before)
    assert f"Guidance version {OLD}" in first_print and MARKER not in first_print
    assert sync_now(store=a).guidance == []  # nothing published yet: the packaged guidance stays

    publish_version(tmp_path, db_url, "2027.01-1", MARKER)
    summary = sync_now(store=a)
    assert summary.guidance == ["2027.01-1"], summary.problems
    assert guidance_about(store=a)[0] == "2027.01-1"  # what Settings shows
    assert sync_now(store=a).guidance == []  # held: not sent again

    after = signed_visit(a, baby, place="sofa")
    assert visit_version(a, after) == "2027.01-1"
    assert sofa_advice(a, after).startswith(MARKER)
    new_print = leaflet_text(a, after)
    assert "Guidance version 2027.01-1" in new_print and MARKER in new_print
    reprint = leaflet_text(a, before)  # the old visit keeps the words it was given with
    assert f"Guidance version {OLD}" in reprint and MARKER not in reprint
    sync_now(store=a)

    # A later version: a device enrolled now fetches it, and the version an older visit names.
    publish_version(tmp_path, db_url, "2027.02-1", "Second rule")
    b = team.device("b")
    summary = sync_now(store=b)
    assert sorted(summary.guidance) == ["2027.01-1", "2027.02-1"], summary.problems
    with b.session() as s:
        assert held_versions(session=s) == ["2027.02-1", "2027.01-1", OLD]
    assert visit_version(b, after) == "2027.01-1"
    on_b = leaflet_text(b, after)
    assert "Guidance version 2027.01-1" in on_b and MARKER in on_b and "Second rule" not in on_b
    _, baby_b = add_family(b, surname="Adeyemi")
    newest = signed_visit(b, baby_b, place="sofa")
    assert visit_version(b, newest) == "2027.02-1"
    assert sofa_advice(b, newest).startswith("Second rule")


def test_guidance_needs_an_enrolled_device_and_an_unknown_version_is_404(team: Team):
    assert httpx.get(team.url + "/guidance/latest", timeout=30).status_code == 401
    store = team.device("c")
    from app.store import get_sync_value

    with store.session() as s:
        token = get_sync_value(session=s, key="token")
    headers = {"Authorization": f"Bearer {token}"}
    missing = httpx.get(team.url + "/guidance/versions/1999.01-1", headers=headers, timeout=30)
    assert missing.status_code == 404
    assert missing.json()["error"] == "not_found"
