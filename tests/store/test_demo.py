"""The demo caseload: about 40 invented families with varied risk, loaded once."""

from __future__ import annotations

from collections import Counter

import app.store as st


def test_demo_caseload_is_varied_and_loaded_once(store: st.Store) -> None:
    assert st.load_demo(store=store) == 40
    assert st.load_demo(store=store) == 0
    with store.session() as s:
        rows = st.search_caseload(session=s, limit=500)
        assert len(rows) == 40
        levels = Counter(r.last_risk_level for r in rows)
        assert levels["high"] >= 3 and levels["increased"] >= 3 and levels["low"] >= 3
        assert any(r.last_escalate for r in rows)
        assert sum(r.drafts for r in rows) >= 3
        assert any(len(r.babies) > 1 for r in rows)
        assert all(r.postcode.startswith("SO1") for r in rows)
        assert sum(r.next_due is not None for r in rows) >= 30
        kinds: Counter[str] = Counter()
        practitioners = set()
        for r in rows:
            for e in st.family_chronology(session=s, family_id=r.family_id):
                kinds[e.kind] += 1
                practitioners.add(e.practitioner_name)
        assert kinds["visit"] >= 60 and kinds["amendment"] >= 2 and kinds["leaflet"] >= 5
        assert kinds["note"] >= 3
        assert {"Ann Visitor", "Priya Shah", "Jo Mitchell"} <= practitioners
