"""The visit state and services without a client: real store, real files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services import caseload, families, leaflets, session, settings, visits
from app.ui.state import AppState, VisitState
from tests.ui.helpers import PASSPHRASE

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


def test_a_whole_high_risk_visit_is_recorded_through_the_services(store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    assert visit.answer_text("baby.gestation_weeks", "34")
    assert visit.answer_text("baby.gestation_days", "2")
    assert visit.answer_text("baby.birth_weight", "2.3")
    for path, value in HIGH_RISK.items():
        assert visit.answer(path, value), visit.errors
    assert visit.answer_text("notes.agreed_actions", "Baby sleeps in the cot for every sleep")
    assert visit.answer_text("notes.follow_up", "2026-12-20")

    r = visit.review
    assert r is not None and r.risk_level == "high" and r.escalate
    codes = {f.code for f in r.factors}
    assert {"sofa_or_armchair_sharing", "premature", "low_birth_weight"} <= codes
    assert [p.code for p in r.prompts][:1] == ["ask_to_see_sleep_space"]
    assert "discuss_with_supervisor" in {p.code for p in r.prompts}
    assert "feeding.dummy" in r.unanswered  # not asked stays "not recorded"

    pdf = leaflets.leaflet_pdf(store=store, visit_id=visit.visit_id)
    assert pdf.startswith(b"%PDF")
    visit.record_leaflet(pdf)
    assert visit.sign(reason="parent declined to answer")
    again = visits.load_visit(store=store, visit_id=visit.visit_id)
    assert again.signed and again.leaflet_given
    assert again.answers["sleep.shared_surfaces"] == ["sofa"]
    assert again.notes["follow_up"] == "2026-12-20"
    rows = caseload.search(store=store, query="okaf")
    assert rows[0].risk_level == "high" and rows[0].draft_visit_id is None


def test_draft_is_restored_after_a_restart(home: Path, store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    for path, value in HIGH_RISK.items():
        assert visit.answer(path, value)
    visit.set_weight_unit("lb")
    assert visit.answer_text("baby.birth_weight", "5.1")
    assert visit.answer_text("notes.parents_said", "We fall asleep on the sofa at 3 am")
    store.close()

    app = AppState(home=home)
    assert app.phase == "locked"
    assert app.unlock(PASSPHRASE)
    restored = VisitState()
    restored.open(app.store, visit.visit_id)
    for path, value in HIGH_RISK.items():
        assert restored.answers[path] == value
    assert restored.weight_unit == "lb" and restored.text("baby.birth_weight") == "5.1"
    assert restored.notes["parents_said"] == "We fall asleep on the sofa at 3 am"
    assert caseload.search(store=app.store, query="")[0].draft_visit_id == visit.visit_id
    app.lock()


def test_signed_visit_refuses_edits_and_takes_amendments_with_a_reason(store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    assert visit.answer("sleep.place", "cot")
    assert visit.sign(reason="parent declined to answer")
    assert not visit.answer("sleep.place", "sofa")
    assert "signed" in visit.errors["sleep.place"]
    assert not visit.answer_text("notes.observed", "changed later")
    assert visits.load_visit(store=store, visit_id=visit.visit_id).answers["sleep.place"] == "cot"

    assert not visit.amend(reason="  ", path="sleep.place", value="sofa")
    assert "Reason" in visit.errors["amend.reason"]
    assert visit.amend(reason="Mother said later they sleep on the sofa", path="sleep.place", value="sofa")
    assert visit.answers["sleep.place"] == "sofa" and visit.review.risk_level == "high"
    assert "sleep.place" in " ".join(visit.amendments[0].changes)


def test_out_of_range_answer_shows_the_domain_error_and_is_not_saved(store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    assert not visit.answer_text("baby.birth_weight", "9", final=False)
    assert "baby.birth_weight" not in visit.errors  # still typing: no error yet
    assert not visit.answer_text("baby.birth_weight", "9")
    assert visit.errors["baby.birth_weight"] == "must be between 0.3 and 7.0 kg"
    assert visit.text("baby.birth_weight") == "9"
    assert not visit.answer_text("baby.gestation_weeks", "twelve")
    assert "22 and 44" in visit.errors["baby.gestation_weeks"]
    saved = visits.load_visit(store=store, visit_id=visit.visit_id).answers
    assert "baby.birth_weight_kg" not in saved and "baby.gestation_weeks" not in saved
    assert visit.answer_text("baby.birth_weight", "")  # cleared = not recorded
    assert "baby.birth_weight" not in visit.errors


def test_multi_choice_keeps_none_apart_from_not_recorded(store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    assert visit.value("sleep.items") is None
    assert visit.answer("sleep.items", [])
    assert visit.value("sleep.items") == []
    assert visit.toggle("sleep.items", "pillow", True)
    assert visit.toggle("sleep.items", "pillow", False)
    assert visit.value("sleep.items") is None
    assert "sleep.items" in visit.review.unanswered


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


def test_typing_saves_at_once_without_redrawing_the_screen(store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    changes: list[str | None] = []

    def listener(_sender: object, name: str | None) -> None:
        changes.append(name)

    visit.subscribe(listener)  # listeners are held weakly: keep `listener` alive here
    assert visit.answer_text("baby.gestation_weeks", "3", final=False) is False  # out of range
    assert visit.answer_text("baby.gestation_weeks", "36", final=False)
    assert visit.answer_text("notes.parents_said", "She sleeps in our b", final=False)
    assert changes == []  # nothing observable changed while typing: no round trip races keys
    saved = visits.load_visit(store=store, visit_id=visit.visit_id)
    assert saved.answers["baby.gestation_weeks"] == 36
    assert saved.notes["parents_said"] == "She sleeps in our b"
    assert visit.answer_text("baby.gestation_weeks", "36")  # leaving the field redraws
    assert "saved" in changes and visit.review.risk_level == "incomplete"  # core questions not asked yet
    assert "sleep.place" in visit.review.incomplete and "baby.gestation_weeks" not in visit.review.incomplete


def test_family_card_shows_babies_adults_and_the_chronology(store: Any, family_id: str) -> None:
    visit = _new_visit(store, family_id)
    assert visit.answer("sleep.shared_surfaces", ["sofa"])
    assert visit.sign(reason="parent declined to answer")
    card = families.family(store=store, family_id=family_id)
    assert card.name == "Okafor family" and card.babies[0].name == "Sam"
    seen = [c for c in card.chronology if c.kind == "visit"]
    assert seen and seen[-1].risk_level == "high" and seen[-1].visit_id == visit.visit_id
    assert card.drafts == ()
