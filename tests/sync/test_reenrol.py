"""A device of one team is never silently enrolled into another: it must be reset, with nothing
left to send."""

from __future__ import annotations

import pytest

from app.sync import AlreadyEnrolled, enrol_device
from tests.server.helpers import new_team
from tests.sync.helpers import Team, add_family


def test_enrolling_an_enrolled_device_is_refused_unless_reset_with_an_empty_outbox(team: Team) -> None:
    a = team.device("a")
    add_family(a, "Pending")  # not synced yet: in the outbox
    _, other_code = new_team(team.db_url)
    with pytest.raises(AlreadyEnrolled, match="already belongs"):
        enrol_device(store=a, server_url=team.url, code=other_code, device_name="a")
    with pytest.raises(AlreadyEnrolled, match="still has"):
        enrol_device(store=a, server_url=team.url, code=other_code, device_name="a", reset=True)


def caseload_surnames(store) -> list[str]:
    from app.store import search_caseload

    with store.session() as s:
        return sorted({row.surname for row in search_caseload(session=s, limit=500)})


def rows_in(store, table: str) -> int:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return int(conn.execute(sa.text(f'SELECT count(*) FROM "{table}"')).scalar_one())


def test_after_a_reset_and_enrolment_to_team_b_the_device_holds_only_team_bs_records(make_team) -> None:
    from app.store import add_note, get_sync_value
    from app.sync import sync_now
    from tests.store.writing import writing
    from tests.sync.helpers import signed_visit

    team_a, team_b = make_team(), make_team()
    a = team_a.device("a")
    family_a, baby_a = add_family(a, "Alder")
    signed_visit(a, baby_a, place="sofa")
    with writing(a) as s:
        add_note(session=s, family_id=family_a, text="Alder family: note kept by team A")
    b1 = team_b.device("b1")
    _, baby_b = add_family(b1, "Birch")
    signed_visit(b1, baby_b)
    sync_now(store=b1)
    sync_now(store=a)
    assert caseload_surnames(a) == ["Alder"]
    events_before = rows_in(a, "audit_event")

    enrol_device(store=a, server_url=team_b.url, code=team_b.code(), device_name="a", reset=True)
    with a.session() as s:
        assert a.team.name == get_sync_value(session=s, key="team_name") != "Base team"
    for table in ("family", "baby", "visit", "amendment", "case_note", "leaflet_record", "sync_quarantine"):
        assert rows_in(a, table) == 0, table
    with a.session() as s:
        assert get_sync_value(session=s, key="pull_cursor") == "0"
    summary = sync_now(store=a)
    assert summary.pushed == 1 and summary.rejected == 0  # only the reset's own audit event
    assert caseload_surnames(a) == ["Birch"]
    assert rows_in(a, "visit") == 1 and rows_in(a, "case_note") == 0
    assert rows_in(a, "audit_event") == events_before + 1  # who did what here stays (ids only)
    import sqlalchemy as sa

    # the immutability triggers are back
    with pytest.raises(sa.exc.DatabaseError, match="signed"), a.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM visit"))
    sync_now(store=b1)  # team B's server holds none of team A's records
    assert caseload_surnames(b1) == ["Birch"]


def test_a_reset_is_refused_while_a_draft_is_unsigned(team: Team) -> None:
    import datetime as dt

    from app.store import start_visit
    from app.sync import sync_now
    from tests.store.writing import writing

    a = team.device("a")
    _, baby = add_family(a, "Drafty")
    with writing(a) as s:
        start_visit(session=s, baby_id=baby, visit_date=dt.date(2026, 11, 20), visit_type="new_birth")
    sync_now(store=a)
    _, other_code = new_team(team.db_url)
    with pytest.raises(AlreadyEnrolled, match="1 unsigned draft"):
        enrol_device(store=a, server_url=team.url, code=other_code, device_name="a", reset=True)
    assert caseload_surnames(a) == ["Drafty"]
