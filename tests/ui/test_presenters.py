"""Screen wording: dates as '3 Apr 2026', overdue by how much, chronology without codes or hashes."""

from __future__ import annotations

import datetime as dt

from app.services.families import ChronologyLine, Person
from app.sync import ServerUnreachable, SyncSummary
from app.ui import presenters as p

TODAY = dt.date(2026, 12, 1)


def test_due_words_say_by_how_much_a_visit_is_overdue() -> None:
    assert p.due_words(TODAY - dt.timedelta(days=1), TODAY) == "Visit overdue by 1 day"
    assert p.due_words(TODAY - dt.timedelta(days=12), TODAY) == "Visit overdue by 12 days"
    assert p.due_words(TODAY, TODAY) == "Visit due today"
    assert p.due_words(dt.date(2027, 4, 3), TODAY) == "Visit due 3 Apr 2027"
    assert p.due_words(None, TODAY) == ""


def test_chronology_entries_read_as_words_with_uk_dates() -> None:
    leaflet = ChronologyLine(
        TODAY, "leaflet", "", None, "v1", "Ann Visitor", paper="A4", summary="sha256:aa54"
    )
    assert p.chronology_title(leaflet) == "Leaflet printed (A4)"
    amend = ChronologyLine(
        TODAY,
        "amendment",
        "Reason: mother said",
        "high",
        "v1",
        "Ann Visitor",
        changes=(("sleep.seen", False, True), ("notes.follow_up_date", None, "2026-12-20")),
        amended_visit_date=dt.date(2026, 4, 3),
    )
    assert p.chronology_title(amend) == "Amendment to the visit of 3 Apr 2026"
    lines = p.chronology_details(amend)
    assert lines[0].endswith(": No → Yes") and "sleep.seen" not in lines[0]
    assert lines[1] == "Follow-up date: Not recorded → 20 Dec 2026"
    visit = ChronologyLine(
        TODAY,
        "visit",
        "",
        "high",
        "v1",
        "Ann Visitor",
        baby_name="Sam",
        status="signed",
        visit_type="new_birth",
    )
    assert p.chronology_title(visit) == "Visit (new birth) — Sam"


def test_people_sync_results_and_errors_are_plain_words() -> None:
    jo = Person("Jo", "mother", phone="07700 900123", nhs_number="943 476 5919")
    assert p.person_words(jo) == "Jo (mother, 07700 900123, NHS 943 476 5919)"
    dan = Person("Dan", "mother's new partner", lives_in=True, notes="stays weekends", kind="adult")
    assert p.person_words(dan) == "Dan (mother's new partner, lives in, stays weekends)"
    assert p.sync_words(SyncSummary(pushed=3, pulled=12)) == (
        "Sync finished: 3 changes sent; 12 updates received from the team."
    )
    assert p.sync_words(SyncSummary(pushed=4, pulled=12), {"visit": 3, "family": 1}) == (
        "Sync finished: 3 visits, 1 family update sent; 12 updates received from the team."
    )
    words = p.sync_error_words(ServerUnreachable("http://base", "ConnectError"))
    assert "ConnectError" not in words and "Cannot reach the team server" in words
    assert p.pending_words({"visit": 3, "family": 1}) == "Waiting to be sent: 3 visits, 1 family update."
    assert p.pending_words({}) == "Nothing waiting to be sent."
