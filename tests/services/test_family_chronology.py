"""The family screen's chronology data: patterns of DESIGN's rules and incomplete visits in words."""

from __future__ import annotations

import datetime as dt

import app.store as st
from app.services import families
from app.store import Store
from app.ui import presenters
from tests.store.helpers import TODAY, complete, draft, make_household


def test_the_family_card_carries_its_patterns_and_the_screen_words_them(store: Store) -> None:
    with store.unit_of_work() as uow:
        h = make_household(uow.session, "Nowak", baby="Mia", age_days=60)
        for days_ago in (20, 5):
            vid = draft(
                uow.session,
                h.baby_id,
                day=TODAY - dt.timedelta(days=days_ago),
                **complete(sleep__place="sofa", sleep__seen=False),
            )
            st.sign_visit(session=uow.session, visit_id=vid)
        uow.commit()
    card = families.family(store=store, family_id=str(h.family_id))
    words = sorted(presenters.pattern_words(p) for p in card.patterns)
    assert words == [
        "Mia: high risk at the last two signed visits",
        "Mia: the sleep space was not seen at the last two signed visits",
    ]


def test_a_visit_signed_incomplete_says_how_many_questions_and_why(store: Store) -> None:
    with store.unit_of_work() as uow:
        h = make_household(uow.session, "Nowak", baby="Mia")
        vid = draft(uow.session, h.baby_id, sleep__place="cot")
        st.sign_visit(session=uow.session, visit_id=vid, incomplete_reason="parent declined to answer")
        uow.commit()
    card = families.family(store=store, family_id=str(h.family_id))
    [visit] = [c for c in card.chronology if c.kind == "visit"]
    details = presenters.chronology_details(visit)
    # the baby record answers date of birth, gestation and weight; the visit recorded sleep.place
    assert "Incomplete — 10 core questions not asked" in details
    assert visit.incomplete_reason == "parent declined to answer"
    assert "Signed incomplete: parent declined to answer" in visit.text  # shown once, under the details
    assert not any("declined" in line for line in details)
    assert card.patterns == ()
