"""The app state, and the family card after a visit, without a client: real store, real files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services import caseload, families, session, settings, visits
from app.ui.state import AppState, VisitState

HIGH_RISK = {
    "sleep.place": "cot",
    "sleep.room": "parents_room",
    "sleep.seen": False,
    "sleep.position": "back",
    "sleep.bed_sharing": "never",
    "sleep.shared_surfaces": ["sofa"],
    "carers.alcohol": True,
    "family.domestic_abuse": True,
}


def _new_visit(store: Any, family_id: str) -> VisitState:
    row = next(r for r in caseload.search(store=store, query="") if r.family_id == family_id)
    vid = visits.start_visit(store=store, family_id=family_id, baby_id=row.baby_id)
    visit = VisitState()
    visit.open(store, vid)
    return visit


def test_wrong_passphrase_is_said_next_to_the_field(home: Path, store: Any) -> None:
    app = AppState(home=home)
    assert not app.unlock("not the passphrase")
    assert app.phase == "locked"
    assert app.errors["passphrase"].startswith("Wrong passphrase")


def test_first_launch_checks_every_field_before_creating_the_store(tmp_path: Path) -> None:
    app = AppState(home=tmp_path / "new")
    assert app.phase == "setup"
    assert not app.set_up(practitioner="", team="", passphrase="short", repeat="short")
    assert set(app.errors) == {"practitioner", "team", "passphrase"}
    assert not app.set_up(
        practitioner="Ann", team="Riverside", passphrase="long enough 1", repeat="long enough 2"
    )
    assert set(app.errors) == {"repeat"}
    assert not session.store_exists(home=tmp_path / "new")
    assert app.set_up(
        practitioner="Ann", team="Riverside", passphrase="long enough 1", repeat="long enough 1"
    )
    assert app.phase == "open" and app.practitioner == "Ann" and app.team == "Riverside"
    assert not app.save_server_address("base.example")
    assert app.save_server_address("https://base.example/")
    assert settings.get_settings(store=app.store).server_address == "https://base.example"
    app.lock()


def test_family_card_shows_babies_adults_and_the_chronology(store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    assert visit.answer("sleep.shared_surfaces", ["sofa"])
    assert visit.sign(reason="Parent declined to answer the rest")
    card = families.family(store=store, family_id=family_id)
    assert card.name == "Okafor family" and card.babies[0].name == "Sam"
    seen = [c for c in card.chronology if c.kind == "visit"]
    assert seen and seen[-1].risk_level == "high" and seen[-1].visit_id == visit.visit_id
    assert card.drafts == ()
