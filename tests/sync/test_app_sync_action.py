"""The app's Sync action (app.services.sync, which the Settings screen calls) against a real server."""

from __future__ import annotations

from app.services import families, settings, sync, visits
from tests.sync.helpers import Team, outbox_states, server_records


def test_a_visit_recorded_in_the_app_reaches_the_server_through_the_sync_action(team: Team):
    store = team.device("tablet")
    family_id = families.create_family(
        store=store,
        name="Okafor family",
        surname="Okafor",
        postcode="SO15 9ZX",
        address="27 St Mary Street",
        baby_name="Oliver",
        baby_born="2026-11-01",
    )
    baby_id = families.family(store=store, family_id=family_id).babies[0].baby_id
    visit_id = visits.start_visit(store=store, family_id=family_id, baby_id=baby_id)
    for path, value in (
        ("sleep.shared_surfaces", ["sofa"]),
        ("carers.alcohol", True),
        ("family.domestic_abuse", True),
    ):
        visits.save_answer(store=store, visit_id=visit_id, path=path, value=value)
    visits.sign(store=store, visit_id=visit_id, incomplete_reason="Only the sleep place was asked")

    progress: list[float | None] = []
    summary = sync.sync_now(store=store, on_progress=progress.append)

    assert summary.pushed >= 3 and summary.rejected == 0  # the family, its baby and the visit
    assert progress and progress[-1] is not None and 0.0 <= progress[-1] <= 1.0
    assert outbox_states(store).get("pending", 0) == 0
    assert visit_id in {str(r[0]) for r in server_records(team.db_url, "visit")}

    again = sync.sync_now(store=store, on_progress=progress.append)
    assert again.pushed == 0 and again.rejected == 0  # nothing left to send
    assert len([r for r in server_records(team.db_url, "visit") if str(r[0]) == visit_id]) == 1


def test_the_sync_action_says_why_when_the_server_is_unreachable(team: Team):
    store = team.device("tablet")
    settings.save_server_address(store=store, address="http://127.0.0.1:9")  # nothing listens
    try:
        sync.sync_now(store=store, on_progress=lambda _: None)
    except sync.SyncFailed as exc:
        assert "reach" in str(exc).lower() or "unreachable" in str(exc).lower(), str(exc)
    else:
        raise AssertionError("a sync to a closed port reported success")
