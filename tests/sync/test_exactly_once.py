"""Random sequences of signing, syncing, lost answers and refused connections: every signed
visit ends up on the server exactly once (in-process server, failures injected around commit)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlmodel import col, select
from starlette.types import Message, Receive, Scope, Send

from app.server.app import create_app
from app.server.db import make_engine
from app.server.models import ChangeLog
from app.sync import ServerUnreachable, enrol_device, sync_now
from tests.server.helpers import new_team
from tests.sync.helpers import add_family, bulk_signed_visits, new_store, outbox_states

# Slow: long random sequences of syncs: in make test, not in make test-fast.
pytestmark = pytest.mark.slow


class Faults:
    """Which upcoming push fails, and how."""

    def __init__(self) -> None:
        self.countdown: int | None = None
        self.mode = "lose_answer"

    def arm(self, nth: int, mode: str) -> None:
        self.countdown, self.mode = nth, mode

    def fire(self) -> str | None:
        if self.countdown is None:
            return None
        self.countdown -= 1
        if self.countdown > 0:
            return None
        self.countdown = None
        return self.mode


class FaultyApp:
    """The real server app, with a push answer lost after commit or a push refused before."""

    def __init__(self, app, faults: Faults) -> None:
        self.app, self.faults = app, faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/sync/push":
            await self.app(scope, receive, send)
            return
        fault = self.faults.fire()
        if fault == "refuse":
            raise httpx.ConnectError("injected: connection refused")
        if fault == "lose_answer":

            async def swallow(_: Message) -> None:
                return None

            await self.app(scope, receive, swallow)  # the server commits...
            raise httpx.ReadError("injected: answer lost")  # ...the device never hears it
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def rig(db_url: str) -> Iterator[tuple[str, TestClient, Faults]]:
    app = create_app(db_url)
    faults = Faults()
    with TestClient(FaultyApp(app, faults)) as client:
        yield db_url, client, faults
    app.state.engine.dispose()


def test_every_signed_visit_reaches_the_server_exactly_once(rig, tmp_path: Path):
    db_url, client, faults = rig
    engine = make_engine(db_url)

    class Device(RuleBasedStateMachine):
        @initialize()
        def enrol(self) -> None:
            _, code = new_team(db_url)
            self.store = new_store(tmp_path / uuid.uuid4().hex[:8])
            enrol_device(
                store=self.store,
                server_url="http://testserver",
                code=code,
                device_name="machine",
                http=client,
            )
            _, self.baby = add_family(self.store, "Machine")
            self.signed: set[uuid.UUID] = set()

        def sync(self) -> None:
            sync_now(store=self.store, http=client, batch_size=3, pull_limit=4)

        @rule(n=st.integers(1, 4))
        def sign(self, n: int) -> None:
            self.signed |= set(bulk_signed_visits(self.store, self.baby, n))

        @rule()
        def sync_cleanly(self) -> None:
            faults.countdown = None
            self.sync()

        @rule(nth=st.integers(1, 3), mode=st.sampled_from(["lose_answer", "refuse"]))
        def sync_with_a_failure(self, nth: int, mode: str) -> None:
            faults.arm(nth, mode)
            with contextlib.suppress(ServerUnreachable):
                self.sync()
            faults.countdown = None

        def server_counts(self) -> dict[uuid.UUID, int]:
            if not self.signed:
                return {}
            with engine.connect() as conn:
                rows = conn.execute(
                    select(ChangeLog.entity_id, sa.func.count())
                    .where(ChangeLog.entity == "visit", ChangeLog.entity_id.in_(self.signed))  # type: ignore[attr-defined]
                    .group_by(col(ChangeLog.entity_id))
                ).all()
            return dict(rows)

        @invariant()
        def never_twice(self) -> None:
            if hasattr(self, "store"):
                assert set(self.server_counts().values()) <= {1}

        def teardown(self) -> None:
            if not hasattr(self, "store"):
                return
            faults.countdown = None
            self.sync()
            counts = self.server_counts()
            assert set(counts) == self.signed and set(counts.values()) <= {1}
            assert "pending" not in outbox_states(self.store)
            self.store.close()

    Device.TestCase.settings = settings(max_examples=20, stateful_step_count=8, deadline=None)
    try:
        Device.TestCase().runTest()
    finally:
        engine.dispose()
