"""`safesleep leaflet --visit ID`: a real encrypted device store, a real subprocess."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from uuid import UUID

import pytest

import app.store as st
from app.services.settings import save_team_phone
from tests.leaflet.pdf import read_pdf
from tests.store.writing import writing

# Slow: a real `safesleep` process per case: in make test, not in make test-fast.
pytestmark = pytest.mark.slow

KEY = "leaflet test key"
TODAY = dt.date.today()


def _store_with_visit(home: Path) -> UUID:
    store = st.create_store(
        home=home,
        passphrase=KEY,
        practitioner_name="Ann Visitor",
        team_name="Portswood HV team",
        practitioner_phone="023 8000 0000",
        plain=False,
    )
    try:
        save_team_phone(store=store, phone="023 8000 9999")
        with writing(store) as session:
            family = st.create_family(
                session=session,
                data={
                    "name": "Okafor family",
                    "surname": "Okafor",
                    "address": "1 High Street",
                    "postcode": "SO14 7DU",
                    "carers": [{"name": "Ada", "relationship": "mother"}],
                },
            )
            baby = st.add_baby(
                session=session,
                family_id=family.id,
                data={
                    "name": "Tobi Okafor",
                    "date_of_birth": TODAY - dt.timedelta(days=20),
                    "gestation_weeks": 39,
                    "gestation_days": 2,
                    "birth_weight_kg": 3.4,
                },
            )
            visit = st.start_visit(session=session, baby_id=baby.id, visit_date=TODAY, visit_type="new_birth")
            for path, value in {
                "sleep.shared_surfaces": ["sofa"],
                "sleep.position": "back",
                "family.domestic_abuse": True,
                "family.unidentified_adults": True,
            }.items():
                st.save_answer(session=session, visit_id=visit.id, path=path, value=value)
            st.save_notes(
                session=session,
                visit_id=visit.id,
                parents_said="Dad's new partner stays over; mum feels low",
                observed="Empty cans by the sofa",
                agreed_actions="Tobi sleeps in the cot for every sleep",
                follow_up_date=TODAY + dt.timedelta(days=14),
            )
            return visit.id
    finally:
        store.close()


def _run(home: Path, *args: str, key: str = KEY) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SAFESLEEP_HOME": str(home), "SAFESLEEP_DB_KEY": key}
    env.pop("SAFESLEEP_PLAIN_SQLITE", None)
    return subprocess.run(
        [sys.executable, "-m", "app", "leaflet", *args], env=env, capture_output=True, timeout=120
    )


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Path, UUID]:
    home = tmp_path / "device"
    return home, _store_with_visit(home)


def test_leaflet_of_a_stored_visit_is_written_and_recorded(stored: tuple[Path, UUID], tmp_path: Path):
    home, visit_id = stored
    out = tmp_path / "tobi.pdf"
    done = _run(home, "--visit", str(visit_id), "-o", str(out), "--paper", "letter")
    assert done.returncode == 0, done.stderr
    pdf = out.read_bytes()
    text = read_pdf(pdf)
    assert text.metadata["/Title"] == "Safer sleep for Tobi"
    assert set(text.sizes) == {(612, 792)}
    assert "Tobi sleeps in the cot for every sleep" in text.words
    page_one = " ".join(text.pages[0].split())
    for passage in ("Ann Visitor", "023 8000 0000", "Portswood HV team", "023 8000 9999", "0808 802 6869"):
        assert passage in page_one, passage
    assert text.metadata["/Author"] == "Portswood HV team"
    lowered = text.words.lower()
    for private in ("partner", "feels low", "cans", "domestic", "unidentified", "adults"):
        assert private not in lowered, private

    store = st.open_store(home=home, passphrase=KEY, plain=False)
    try:
        with writing(store) as session:
            leaflets = st.get_visit(session=session, visit_id=visit_id).leaflets
    finally:
        store.close()
    assert len(leaflets) == 1
    assert leaflets[0].leaflet_hash == "sha256:" + hashlib.sha256(pdf).hexdigest()
    assert leaflets[0].paper == "Letter"


def test_unknown_visit_or_bad_id_or_wrong_key_exit_2_without_a_record(
    stored: tuple[Path, UUID], tmp_path: Path
):
    home, _ = stored
    unknown = _run(home, "--visit", "01934b6e-0000-7000-8000-000000000000", "-o", str(tmp_path / "x.pdf"))
    assert unknown.returncode == 2 and b"no such visit" in unknown.stderr
    bad = _run(home, "--visit", "not-an-id")
    assert bad.returncode == 2 and b"--visit: must be a visit id" in bad.stderr
    wrong = _run(home, "--visit", "01934b6e-0000-7000-8000-000000000000", key="wrong key")
    assert wrong.returncode == 2 and b"store:" in wrong.stderr
    assert b"Traceback" not in unknown.stderr + bad.stderr + wrong.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_visit_and_files_together_are_refused(stored: tuple[Path, UUID], tmp_path: Path):
    home, visit_id = stored
    done = _run(home, "--visit", str(visit_id), str(tmp_path / "v.json"))
    assert done.returncode == 2 and b"not both" in done.stderr


def test_phone_leaflet_of_a_stored_visit_is_recorded_as_phone(stored: tuple[Path, UUID], tmp_path: Path):
    home, visit_id = stored
    out = tmp_path / "tobi-phone.pdf"
    done = _run(home, "--visit", str(visit_id), "-o", str(out), "--paper", "phone")
    assert done.returncode == 0, done.stderr
    assert all(width <= 110 for width, _ in read_pdf(out.read_bytes()).sizes_mm)
    store = st.open_store(home=home, passphrase=KEY, plain=False)
    try:
        with store.session() as session:
            leaflets = st.get_visit(session=session, visit_id=visit_id).leaflets
    finally:
        store.close()
    assert [x.paper for x in leaflets] == ["Phone"]
