"""A sync's device writes take the store's write lock first, so a UI writing at the same time on
another connection (another thread) never makes the sync fail with "database is locked"."""

from __future__ import annotations

import threading
import time

import pytest

from app.store import Store, set_sync_value
from app.sync import sync_now
from tests.sync.helpers import Team, add_family, bulk_signed_visits, outbox_states

# Slow: threads contending for the store for seconds: in make test, not in make test-fast.
pytestmark = pytest.mark.slow


class BusyWriter:
    """Another connection that keeps taking the write lock, writing and committing."""

    def __init__(self, store: Store) -> None:
        self.store, self.commits, self.errors = store, 0, []  # type: ignore[var-annotated]
        self.started, self.stop = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        try:
            while not self.stop.is_set():
                with self.store.unit_of_work() as uow:
                    set_sync_value(session=uow.session, key="ui_probe", value=str(self.commits))
                    time.sleep(0.01)  # hold the lock as a real UI transaction does
                    uow.commit()
                self.commits += 1
                self.started.set()
                time.sleep(0.02)  # then let others in (a UI saves an answer at a time)
        except Exception as exc:  # reported by the test
            self.errors.append(exc)
            self.started.set()

    def __enter__(self) -> BusyWriter:
        self.thread.start()
        self.started.wait(30)
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join(60)


def test_sync_writes_succeed_while_another_connection_writes_the_store(team: Team):
    a = team.device("a", plain=False)
    _, baby = add_family(a, "Busy")
    made = bulk_signed_visits(a, baby, 120)
    with BusyWriter(a) as writer:
        pushed = sync_now(store=a, batch_size=7, pull_limit=9)
        during_push = writer.commits
    assert writer.errors == [] and during_push > 0
    assert set(outbox_states(a)) == {"applied"}
    assert pushed.pushed == outbox_states(a)["applied"] >= len(made) + 2

    b = team.device("b", plain=False)
    with BusyWriter(b) as writer:
        pulled = sync_now(store=b, pull_limit=9)  # 14 pages: read, then rows + cursor
    assert writer.errors == [] and writer.commits > 0
    assert pulled.pulled == len(made) + 2  # the family, its baby and every visit
