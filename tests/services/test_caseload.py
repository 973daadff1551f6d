"""The caseload: most urgent first, filters, and a search that ignores apostrophes and hyphens."""

from __future__ import annotations

import datetime as dt

from app.services import caseload, families, visits
from app.store import Store


def _family(store: Store, name: str, surname: str, baby: str = "Sam") -> str:
    return families.create_family(
        store=store, name=name, surname=surname, postcode="", address="", baby_name=baby, baby_born=""
    )


def _signed_visit(store: Store, fid: str, answers: dict[str, object], follow_up: dt.date | None) -> str:
    baby_id = families.family(store=store, family_id=fid).babies[0].baby_id
    vid = visits.start_visit(store=store, family_id=fid, baby_id=baby_id)
    for path, value in answers.items():
        visits.save_answer(store=store, visit_id=vid, path=path, value=value)
    if follow_up:
        visits.save_notes(store=store, visit_id=vid, notes={"follow_up": follow_up.isoformat()})
    visits.sign(store=store, visit_id=vid, incomplete_reason="Test: only some questions asked")
    return vid


def test_obrien_finds_o_brien_and_smith_jones_is_found_without_the_hyphen(store: Store) -> None:
    _family(store, "O'Brien family", "O'Brien")
    _family(store, "Smith-Jones family", "Smith-Jones", baby="Zoë")
    _family(store, "Okafor family", "Okafor")
    for query in ("OBrien", "obrien", "O'Brien", "O’Brien", "o brien"):
        assert [r.family_name for r in caseload.search(store=store, query=query, show="name")] == [
            "O'Brien family"
        ], query
    assert [r.family_name for r in caseload.search(store=store, query="smithjones")] == ["Smith-Jones family"]
    assert [r.family_name for r in caseload.search(store=store, query="Zoe")] == ["Smith-Jones family"]
    assert [r.family_name for r in caseload.search(store=store, query="OBrien", show="urgent")] == [
        "O'Brien family"
    ]


def test_most_urgent_first_puts_overdue_then_high_risk_then_drafts_then_due_then_the_rest(
    store: Store,
) -> None:
    today = dt.date.today()
    quiet = _family(store, "Adams family", "Adams")
    _signed_visit(store, quiet, {"sleep.place": "cot"}, None)
    due_soon = _family(store, "Baker family", "Baker")
    _signed_visit(store, due_soon, {"sleep.place": "cot"}, today + dt.timedelta(days=20))
    high = _family(store, "Clark family", "Clark")
    _signed_visit(store, high, {"sleep.shared_surfaces": ["sofa"]}, None)
    overdue = _family(store, "Dunn family", "Dunn")
    _signed_visit(store, overdue, {"sleep.place": "cot"}, today - dt.timedelta(days=9))
    drafting = _family(store, "Evans family", "Evans")
    baby = families.family(store=store, family_id=drafting).babies[0].baby_id
    visits.start_visit(store=store, family_id=drafting, baby_id=baby)

    order = [r.family_name for r in caseload.search(store=store, query="", show="urgent")]
    # Adams and Baker were asked one question only: incomplete (Baker first: a visit is due).
    assert order == ["Dunn family", "Clark family", "Baker family", "Adams family", "Evans family"]
    assert [r.family_name for r in caseload.search(store=store, query="", show="incomplete")] == [
        "Dunn family",
        "Baker family",
        "Adams family",
    ]
    assert [r.family_name for r in caseload.search(store=store, query="", show="high")] == ["Clark family"]
    assert [r.family_name for r in caseload.search(store=store, query="", show="overdue")] == ["Dunn family"]
    assert [r.family_name for r in caseload.search(store=store, query="", show="drafts")] == ["Evans family"]
    assert caseload.search(store=store, query="", show="name")[0].family_name == "Adams family"
    assert caseload.search(store=store, query="", show="overdue")[0].next_due == today - dt.timedelta(days=9)


def test_an_amendment_that_raises_the_risk_moves_the_family_up(store: Store) -> None:
    _signed_visit(store, _family(store, "Adams family", "Adams"), {"sleep.place": "cot"}, None)
    later = _family(store, "Young family", "Young")
    vid = _signed_visit(store, later, {"sleep.place": "cot"}, None)
    visits.amend(
        store=store, visit_id=vid, reason="Mother said they share the sofa", changes={"sleep.place": "sofa"}
    )
    assert [r.family_name for r in caseload.search(store=store, query="", show="high")] == ["Young family"]
    assert caseload.search(store=store, query="", show="urgent")[0].family_name == "Young family"


def test_an_amended_follow_up_date_and_a_discarded_draft_change_the_order_at_once(store: Store) -> None:
    today = dt.date.today()
    early = _family(store, "Early family", "Early")
    late = _family(store, "Late family", "Late")
    _signed_visit(store, early, {"sleep.place": "cot"}, today + dt.timedelta(days=3))
    late_visit = _signed_visit(store, late, {"sleep.place": "cot"}, today + dt.timedelta(days=9))

    def order() -> list[str]:
        return [r.family_name for r in caseload.search(store=store, query="", show="urgent")]

    assert order() == ["Early family", "Late family"]  # both incomplete: due soonest first
    visits.amend(
        store=store,
        visit_id=late_visit,
        reason="Visit brought forward",
        changes={"notes.follow_up_date": (today - dt.timedelta(days=1)).isoformat()},
    )
    assert order() == ["Late family", "Early family"]  # now overdue (by the amended date)
    assert [r.family_name for r in caseload.search(store=store, query="", show="overdue")] == ["Late family"]
    baby = families.family(store=store, family_id=early).babies[0].baby_id
    draft = visits.start_visit(store=store, family_id=early, baby_id=baby)
    assert [r.family_name for r in caseload.search(store=store, query="", show="drafts")] == ["Early family"]
    visits.discard_draft(store=store, visit_id=draft, reason="Started by mistake")
    assert caseload.search(store=store, query="", show="drafts") == []
