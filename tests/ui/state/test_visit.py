"""The visit being recorded, through its state and services: real encrypted store, no browser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app.services import caseload, visits
from app.services.problems import as_uuid
from app.store import export_visit, get_family, list_audit, list_drafts
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


def _baby_id(store: Any, family_id: str) -> str:
    row = next(r for r in caseload.search(store=store, query="") if r.family_id == family_id)
    assert row.baby_id is not None
    return row.baby_id


def _open(store: Any, family_id: str) -> VisitState:
    vid = visits.start_visit(store=store, family_id=family_id, baby_id=_baby_id(store, family_id))
    visit = VisitState()
    visit.open(store, vid)
    return visit


def _exported(store: Any, visit_id: str) -> dict[str, Any]:
    with store.unit_of_work() as uow:
        doc = export_visit(session=uow.session, visit_id=as_uuid(visit_id))
        uow.commit()
    return doc


def test_a_whole_high_risk_visit_is_recorded_and_signed(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    assert visit.answer_text("baby.gestation_weeks", "34")
    assert visit.answer_text("baby.gestation_days", "2")
    assert visit.answer_text("baby.birth_weight_kg", "2.3")
    for path, value in HIGH_RISK.items():
        assert visit.answer(path, value), visit.errors
    assert visit.answer_text("notes.agreed_actions", "Baby sleeps in the cot for every sleep")
    assert visit.answer_text("notes.follow_up", "20/12/2026")
    r = visit.review
    assert r is not None and r.risk_level == "high" and r.escalate
    assert {"sofa_or_armchair_sharing", "premature", "low_birth_weight"} <= {f.code for f in r.factors}
    assert visit.sign(reason="Parent declined the rest")
    again = visits.load_visit(store=store, visit_id=visit.visit_id)
    assert again.signed and again.answers["sleep.shared_surfaces"] == ["sofa"]
    assert again.notes["follow_up"] == "2026-12-20"


def test_a_typed_value_that_ends_invalid_is_pending_and_the_record_holds_no_value(
    store: Any, family_id: str
) -> None:
    visit = _open(store, family_id)
    for text in ("3", "35", "350"):  # keystrokes: "35" was a valid answer on the way
        visit.answer_text("baby.gestation_weeks", text, final=False)
    assert "gestation_weeks" not in _exported(store, visit.visit_id).get("baby", {})
    assert not visit.answer_text("baby.gestation_weeks", "350")
    assert visit.errors["baby.gestation_weeks"] == (
        "This answer is not saved yet: must be a whole number between 22 and 44 weeks"
    )
    assert visit.text("baby.gestation_weeks") == "350" and visit.value("baby.gestation_weeks") is None
    assert visits.pending_input(store=store, visit_id=visit.visit_id) == {"baby.gestation_weeks": "350"}
    assert visit.answer_text("baby.gestation_weeks", "35")
    assert visits.pending_input(store=store, visit_id=visit.visit_id) == {}
    assert _exported(store, visit.visit_id)["baby"]["gestation_weeks"] == 35


def test_a_visit_with_typed_text_not_saved_cannot_be_signed_until_it_is_corrected(
    store: Any, family_id: str
) -> None:
    visit = _open(store, family_id)
    assert not visit.answer_text("baby.gestation_weeks", "350")
    assert not visit.sign(reason="Parent declined the rest")
    assert "1 typed answer is not saved yet" in visit.errors["sign.reason"]
    assert not visits.load_visit(store=store, visit_id=visit.visit_id).signed
    assert visits.pending_input(store=store, visit_id=visit.visit_id) == {"baby.gestation_weeks": "350"}
    assert visit.answer_text("baby.gestation_weeks", "35")
    assert visit.sign(reason="Parent declined the rest")
    assert visits.load_visit(store=store, visit_id=visit.visit_id).signed


def test_pending_text_comes_back_after_a_restart(home: Path, store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    visit.set_weight_unit("lb")
    for i in range(1, len("5lb 1o") + 1):
        visit.answer_text("baby.birth_weight_kg", "5lb 1o"[:i], final=False)
    visit.answer_text("notes.follow_up", "31/1", final=False)
    store.close()
    app = AppState(home=home)
    assert app.unlock(PASSPHRASE)
    again = VisitState()
    again.open(app.store, visit.visit_id)
    assert again.text("baby.birth_weight_kg") == "5lb 1o"
    assert again.errors["baby.birth_weight_kg"].startswith(
        'This answer is not saved yet: "5lb 1o" is not a weight'
    )
    assert again.text("notes.follow_up") == "31/1"
    assert again.answer_text("baby.birth_weight_kg", "5lb 1oz")
    assert again.answers["baby.birth_weight_lb"] == pytest.approx(5.0625)
    app.lock()


def test_a_keystroke_runs_at_most_three_visit_validations(
    store: Any, family_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.services.visit_review as service_visits
    import app.store.visits as store_visits

    visit = _open(store, family_id)
    calls: list[int] = []
    for module in (store_visits, service_visits):
        real = module.parse_visit

        def counting(doc: Any, real: Any = real) -> Any:
            calls.append(1)
            return real(doc)

        monkeypatch.setattr(module, "parse_visit", counting)
    visit.answer_text("baby.gestation_weeks", "36", final=False)
    assert len(calls) <= 3
    calls.clear()
    visit.answer_text("notes.parents_said", "She sleeps in our b", final=False)
    assert len(calls) <= 3


def test_typing_saves_without_redrawing_the_screen(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    changes: list[str | None] = []

    def listener(_sender: object, name: str | None) -> None:
        changes.append(name)

    visit.subscribe(listener)  # type: ignore[attr-defined]  # held weakly: keep `listener` alive
    assert visit.answer_text("baby.gestation_weeks", "3", final=False) is False
    assert visit.answer_text("baby.gestation_weeks", "36", final=False)
    assert visit.answer_text("notes.parents_said", "She sleeps in our b", final=False)
    assert changes == []
    saved = visits.load_visit(store=store, visit_id=visit.visit_id)
    assert (
        saved.answers["baby.gestation_weeks"] == 36 and saved.notes["parents_said"] == "She sleeps in our b"
    )


def test_start_visit_on_a_baby_with_a_draft_continues_it(store: Any, family_id: str) -> None:
    first = _open(store, family_id)
    assert first.answer("sleep.place", "cot")
    again = visits.start_visit(store=store, family_id=family_id, baby_id=_baby_id(store, family_id))
    assert again == first.visit_id
    with store.session() as s:
        assert len(list_drafts(session=s)) == 1


def test_a_draft_is_discarded_only_with_a_reason_kept_in_the_audit(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    vid = visit.visit_id
    assert not visit.discard(reason=" ")
    assert visit.errors["discard.reason"].startswith("Reason")
    assert visit.discard(reason="Started by mistake on the wrong baby")
    with store.session() as s:
        assert list_drafts(session=s) == []
        events = list_audit(session=s, entity_id=as_uuid(vid))
    assert any(e.action == "discard_draft" and e.detail["reason"].startswith("Started") for e in events)


def test_visit_date_is_typed_dd_mm_yyyy_never_in_the_future_and_type_follows_age(
    store: Any, family_id: str
) -> None:
    visit = _open(store, family_id)
    assert visit.value("visit.type") == visits.suggested_type(dt.date(2026, 11, 2), dt.date.today())
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    assert not visit.answer_text("visit.date", tomorrow)
    assert "must not be in the future" in visit.errors["visit.date"]
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert visit.answer_text("visit.date", yesterday.strftime("%d/%m/%Y"))
    assert _exported(store, visit.visit_id)["visit"]["date"] == yesterday.isoformat()
    assert visit.answer("visit.type", "targeted")


def test_suggested_type_from_the_babys_age() -> None:
    on = dt.date(2026, 12, 1)
    assert visits.suggested_type(dt.date(2026, 12, 20), on) == "antenatal"
    assert visits.suggested_type(dt.date(2026, 11, 20), on) == "new_birth"
    assert visits.suggested_type(dt.date(2026, 10, 10), on) == "6_8_week"
    assert visits.suggested_type(dt.date(2026, 3, 1), on) == "targeted"


def test_an_empty_visit_is_incomplete_and_signing_it_needs_a_reason(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    assert visit.review is not None and visit.review.risk_level == "incomplete"
    assert not visit.sign()
    assert visit.errors["sign.reason"].startswith("Reason: say why core questions were not asked")
    assert visit.sign(reason="Parent declined to answer")
    assert "Signed incomplete, reason: Parent declined to answer" in visit.signed_note


def test_signing_updates_the_baby_record_and_the_next_visit_is_prefilled(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    assert visit.answer_text("baby.gestation_weeks", "36")
    assert visit.answer_text("baby.gestation_days", "2")
    visit.set_weight_unit("lb")
    assert visit.answer_text("baby.birth_weight_kg", "5 lb 1 oz")
    assert visit.answer("sleep.items", ["pillow"])
    assert visit.answer("sleep.bed_sharing", "sometimes")
    assert visit.sign(reason="Other questions next time")
    with store.session() as s:
        baby = get_family(session=s, family_id=as_uuid(family_id)).babies[0]
    assert (baby.gestation_weeks, baby.gestation_days) == (36, 2)
    assert baby.birth_weight_kg == pytest.approx(5.0625 * 0.45359237, abs=0.001)
    nxt = _open(store, family_id)
    assert nxt.visit_id != visit.visit_id
    assert nxt.value("baby.gestation_weeks") == 36
    assert nxt.last_time.startswith("Last time (")
    assert "in the sleep space: Pillow" in nxt.last_time and "bed-sharing sometimes" in nxt.last_time


def test_a_signed_visit_refuses_edits_and_amendments_read_in_plain_words(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    assert visit.answer("sleep.seen", False)
    assert visit.sign(reason="Short visit")
    assert not visit.answer("sleep.place", "sofa")
    assert "signed" in visit.errors["sleep.place"]
    assert not visit.amend(reason=" ", changes={"sleep.seen": True})
    assert visit.amend(reason="Saw the cot at the end", changes={"sleep.seen": True})
    assert visit.value("sleep.seen") is True
    assert "Have you seen where baby sleeps?: No → Yes" in visit.amendments[0]
    assert visit.amend(reason="Mother said more later", changes={"notes.parents_said": "We use the cot"})
    assert "What the parents said: empty → “We use the cot”" in visit.amendments[1]


def test_multi_choice_keeps_none_apart_from_not_recorded(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    assert visit.value("sleep.items") is None
    assert visit.answer("sleep.items", [])
    assert visit.value("sleep.items") == []
    assert visit.toggle("sleep.items", "pillow", True)
    assert visit.toggle("sleep.items", "pillow", False)
    assert visit.value("sleep.items") is None


def test_the_out_of_routine_plan_is_kept_by_situation_with_the_familys_arrangement(
    store: Any, family_id: str
) -> None:
    visit = _open(store, family_id)
    assert not visit.set_routine("night_away", "")  # ticked, not written yet: pending
    assert visit.value("plan.out_of_routine") is None
    assert visit.routine_text("night_away") == ""
    assert visit.set_routine("night_away", "Travel cot at Nan's; Dad stays sober")
    assert visit.value("plan.out_of_routine") == [
        {"situation": "night_away", "arrangement": "Travel cot at Nan's; Dad stays sober"}
    ]
    assert visit.set_routine("night_away", None)
    assert visit.value("plan.out_of_routine") is None


def test_a_follow_up_date_is_amended_in_words(store: Any, family_id: str) -> None:
    visit = _open(store, family_id)
    assert visit.answer_text("notes.follow_up", "20/12/2026")
    assert visit.sign(reason="Short visit")
    assert visit.amend(reason="Moved at the family's request", changes={"notes.follow_up_date": "2026-12-22"})
    assert "Follow-up date: 20 Dec 2026 → 22 Dec 2026" in visit.amendments[0]
