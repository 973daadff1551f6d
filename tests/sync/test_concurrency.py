"""Several workers, several devices pushing at once, one device pulling all the while: the pull
never skips a change that commits late (writers of a team are serialised by a row lock)."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import httpx
import pytest
from uuid6 import uuid7

from app.store.ids import content_hash
from tests.server.helpers import new_code, new_team
from tests.sync.procs import ServerProcess

pytestmark = pytest.mark.slow


def _enrol(url: str, code: str) -> dict[str, str]:
    token = httpx.post(url + "/enrol", json={"code": code, "device_name": "c"}).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def test_concurrent_pushes_on_two_workers_are_all_pulled_exactly_once(db_url: str, tmp_path: Path):
    server = ServerProcess(db_url, tmp_path / "server.log", workers=2).start()
    team_id, code = new_team(db_url)
    pushers = [_enrol(server.url, code if i == 0 else new_code(db_url, team_id)) for i in range(3)]
    reader = _enrol(server.url, new_code(db_url, team_id))
    pushed: set[str] = set()
    lock = threading.Lock()
    done = threading.Event()

    def push(headers: dict[str, str]) -> None:
        with httpx.Client(base_url=server.url, headers=headers, timeout=120) as http:
            for _ in range(15):
                ops = []
                for _ in range(5):
                    family_id = str(uuid7())
                    payload = {"id": family_id, "name": "Family", "surname": uuid.uuid4().hex[:6]}
                    ops.append(
                        {
                            "op_id": str(uuid7()),
                            "entity": "family",
                            "id": family_id,
                            "kind": "upsert",
                            "payload": payload,
                            "hash": content_hash(payload),
                        }
                    )
                answer = http.post("/sync/push", json={"batch_id": str(uuid7()), "ops": ops})
                assert answer.status_code == 200
                assert {r["status"] for r in answer.json()["results"]} == {"applied"}
                with lock:
                    pushed.update(str(o["id"]) for o in ops)

    seen: list[str] = []

    def pull() -> None:
        cursor = 0
        with httpx.Client(base_url=server.url, headers=reader, timeout=120) as http:
            while True:
                finished = done.is_set()  # read before pulling: one more pass after the end
                page = http.get("/sync/pull", params={"since": cursor, "limit": 7}).json()
                seen.extend(c["id"] for c in page["changes"])
                cursor = page["next"]
                if finished and not page["more"]:
                    return

    threads = [threading.Thread(target=push, args=(h,)) for h in pushers]
    puller = threading.Thread(target=pull)
    puller.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    puller.join()
    server.stop()
    assert len(pushed) == 225
    assert sorted(seen) == sorted(pushed)  # every change once: none skipped, none repeated
