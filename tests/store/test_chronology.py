"""One time-ordered chronology per family across babies and practitioners."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

import app.store as st
from tests.store.helpers import NOT_ASKED, TODAY, complete, draft, make_household


def test_chronology_orders_everything_across_babies_and_practitioners(session: Session) -> None:
    h = make_household(session, "Okafor", "Sam", age_days=200)
    ada = st.add_baby(
        session=session,
        family_id=h.family_id,
        data={"name": "Ada", "date_of_birth": TODAY - dt.timedelta(days=90)},
    )
    colleague = st.add_practitioner(session=session, name="Priya Shah")
    # recorded out of order on purpose
    late = draft(
        session, ada.id, day=TODAY - dt.timedelta(days=10), sleep__place="sofa", family__domestic_abuse=True
    )
    early = st.start_visit(
        session=session,
        baby_id=h.baby_id,
        practitioner_id=colleague.id,
        visit_date=TODAY - dt.timedelta(days=150),
        visit_type="targeted",
    ).id
    for key, value in complete(sleep__position=None).items():
        st.save_answer(session=session, visit_id=early, path=key.replace("__", "."), value=value)
    st.save_notes(
        session=session, visit_id=early, parents_said="Sleeps well", agreed_actions="Keep the cot clear"
    )
    st.sign_visit(session=session, visit_id=early, signed_by=colleague.id, incomplete_reason=NOT_ASKED)
    st.record_leaflet(session=session, visit_id=late, content_hash="sha256:00ff")
    st.sign_visit(session=session, visit_id=late, incomplete_reason=NOT_ASKED)
    st.amend_visit(
        session=session,
        visit_id=early,
        changes={"sleep.position": "back"},
        reason="position was asked but not typed in",
        author=colleague.id,
    )
    st.add_note(session=session, family_id=h.family_id, text="Mum phoned: moving house")
    in_progress = draft(session, h.baby_id, day=TODAY - dt.timedelta(days=1))

    entries = st.family_chronology(session=session, family_id=h.family_id)
    kinds = [(e.kind, e.visit_id) for e in entries]
    assert kinds[:3] == [("visit", early), ("visit", late), ("leaflet", late)]
    assert kinds[3] == ("visit", in_progress)
    assert {k for k, _ in kinds[4:]} == {"amendment", "note"}
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    first, second = entries[0], entries[1]
    assert (first.baby_name, first.practitioner_name) == ("Sam", "Priya Shah")
    assert first.risk_level == "incomplete"  # as signed: the position was not recorded
    assert "Parent/child said: Sleeps well" in first.text
    assert (second.baby_name, second.practitioner_name) == ("Ada", "Ann Visitor")
    assert (second.risk_level, second.escalate) == ("high", True)
    assert second.factors == ["sofa_or_armchair_sharing"]
    assert entries[3].status == "draft" and "not signed" in entries[3].summary
    amendment = next(e for e in entries if e.kind == "amendment")
    assert amendment.text == "Reason: position was asked but not typed in"
    assert amendment.visit_id == early and amendment.baby_name == "Sam"
    assert next(e for e in entries if e.kind == "note").text == "Mum phoned: moving house"


def test_chronology_of_another_family_is_separate(session: Session) -> None:
    a = make_household(session, "Okafor")
    b = make_household(session, "Patel")
    draft(session, a.baby_id)
    assert st.family_chronology(session=session, family_id=b.family_id) == []
    assert len(st.family_chronology(session=session, family_id=a.family_id)) == 1


def test_an_empty_draft_is_incomplete_in_the_chronology_never_low(session: Session) -> None:
    h = make_household(session, "Nowak")
    draft(session, h.baby_id)
    [entry] = st.family_chronology(session=session, family_id=h.family_id)
    assert entry.risk_level == "incomplete" and len(entry.incomplete) == 11
    assert "incomplete (11 core questions not asked)" in entry.summary and "low" not in entry.summary


def test_a_visit_signed_incomplete_shows_its_reason(session: Session) -> None:
    h = make_household(session, "Nowak")
    vid = draft(session, h.baby_id, sleep__place="cot")
    st.sign_visit(session=session, visit_id=vid, incomplete_reason="parent declined to answer")
    [entry] = st.family_chronology(session=session, family_id=h.family_id)
    assert entry.incomplete_reason == "parent declined to answer"
    assert "Signed incomplete: parent declined to answer" in entry.text


def _signed(session: Session, baby_id, days_ago: int, **answers: object):
    vid = draft(session, baby_id, day=TODAY - dt.timedelta(days=days_ago), **complete(**answers))
    st.sign_visit(session=session, visit_id=vid)
    return vid


def test_patterns_of_a_babys_signed_visits_name_the_factor(session: Session) -> None:
    h = make_household(session, "Nowak", age_days=60)
    a = _signed(session, h.baby_id, 40, sleep__items=["pillow"])
    b = _signed(session, h.baby_id, 20, sleep__items=["pillow"], sleep__place="sofa", sleep__seen=False)
    c = _signed(session, h.baby_id, 5, sleep__items=["duvet"], sleep__place="sofa", sleep__seen=False)
    draft(session, h.baby_id)  # drafts never count
    found = {(p.code, p.factor): p for p in st.family_patterns(session=session, family_id=h.family_id)}
    assert set(found) == {
        ("repeated_high_risk", None),
        ("sleep_space_not_seen_twice", None),
        ("factor_persists", "items_in_sleep_space"),
    }
    assert found[("repeated_high_risk", None)].visit_ids == [b, c]
    persists = found[("factor_persists", "items_in_sleep_space")]
    assert (
        persists.visit_ids == [a, b, c]
        and persists.summary == "Things in your baby's sleep space at three signed visits in a row"
    )


def test_an_amendment_that_lowers_the_risk_ends_the_pattern(session: Session) -> None:
    h = make_household(session, "Nowak", age_days=60)
    _signed(session, h.baby_id, 30, sleep__place="sofa")
    last = _signed(session, h.baby_id, 3, sleep__place="sofa")
    assert [p.code for p in st.family_patterns(session=session, family_id=h.family_id)] == [
        "repeated_high_risk"
    ]
    st.amend_visit(session=session, visit_id=last, changes={"sleep.place": "cot"}, reason="recorded in error")
    assert st.family_patterns(session=session, family_id=h.family_id) == []
