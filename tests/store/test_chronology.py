"""One time-ordered chronology per family across babies and practitioners."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

import app.store as st
from tests.store.helpers import TODAY, complete, draft, make_household


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
    st.sign_visit(session=session, visit_id=early, signed_by=colleague.id)
    st.record_leaflet(session=session, visit_id=late, content_hash="sha256:00ff")
    st.sign_visit(session=session, visit_id=late)
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
