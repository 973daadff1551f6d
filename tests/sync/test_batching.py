"""Push batches stay under the server's request size limit, however large the records."""

from __future__ import annotations

import pytest

from app.sync import run, sync_now
from tests.sync.helpers import Team, add_family, bulk_signed_visits, outbox_states


def test_push_splits_batches_by_size_and_every_op_still_arrives_once(
    team: Team, monkeypatch: pytest.MonkeyPatch
):
    a = team.device("a")
    _, baby = add_family(a, "Sizes")
    made = bulk_signed_visits(a, baby, 40)
    monkeypatch.setattr(run, "PUSH_BYTES", 6_000)  # a few visits per request
    steps: list[tuple[str, int, int]] = []
    summary = sync_now(store=a, batch_size=500, on_progress=lambda *p: steps.append(p))
    pushes = [done for stage, done, _ in steps if stage == "push" and done]
    assert len(pushes) >= 40 * 1_000 // 6_000  # many requests, not one of 500
    assert set(outbox_states(a)) == {"applied"}
    assert summary.pushed == outbox_states(a)["applied"] >= len(made) + 2
    assert summary.duplicates == 0

    b = team.device("b")
    assert sync_now(store=b).pulled == len(made) + 2
