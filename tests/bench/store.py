"""Benchmark: the encrypted device store with 20,000 families and 60,000 signed visits.

Run: python -m tests.bench.store  [--families N]
Measures caseload search (surname prefix, postcode prefix, no query), opening a chronology,
autosaving an answer, signing a visit and unlocking the store (scrypt KDF + SQLCipher open),
each with its peak RSS (VmHWM from /proc, reset before each step through /proc/self/clear_refs).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlmodel import select

import app.store as st
from app.domain import assess, parse_visit
from app.store.ids import content_hash, new_id, utcnow
from app.store.keys import derive_key, read_kdf_params
from app.store.models import Amendment, Baby, Family, LeafletRecord, VisitRecord
from tests.bench.visits import random_visit_doc

PASSPHRASE = "benchmark passphrase"
COMMON = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Khan",
    "Begum",
    "Okafor",
    "Nowak",
    "Murphy",
    "Evans",
    "Walker",
)
SYLLABLES = (
    "ab",
    "ber",
    "cal",
    "dor",
    "ed",
    "fan",
    "gar",
    "hal",
    "is",
    "jen",
    "kel",
    "lam",
    "mor",
    "nor",
    "ost",
    "pen",
    "quin",
    "ros",
    "sut",
    "tan",
    "ul",
    "ver",
    "wes",
    "yor",
)
FIRST = ("Sam", "Ava", "Noah", "Isla", "Leo", "Mia", "Oliver", "Amelia", "Ada", "Theo", "Zara")
DISTRICTS = tuple(f"SO{n}" for n in range(14, 54)) + tuple(f"PO{n}" for n in range(1, 22))


def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _surname(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(COMMON)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def build(store: st.Store, families: int, rng: random.Random) -> dict[str, int]:
    """Bulk insert (one transaction per table, executemany): families, babies, signed visits."""
    today = dt.date.today()
    now = utcnow()
    fam_rows, baby_rows, visit_rows, amend_rows, leaflet_rows = [], [], [], [], []
    visits_per_family = 3
    for _ in range(families):
        surname = _surname(rng)
        district = rng.choice(DISTRICTS)
        postcode = f"{district} {rng.randint(0, 9)}{rng.choice('ABDEFGHJLN')}{rng.choice('PQRSTUWXYZ')}"
        fid = new_id()
        fam = {
            "id": fid,
            "team_id": store.team.id,
            "name": f"{surname} family",
            "surname": surname,
            "address": f"{rng.randint(1, 200)} High Street",
            "postcode": postcode,
            "carers": [{"name": "Parent", "relationship": "mother"}],
            "other_adults": [],
            "surname_key": surname.lower(),
            "name_key": f"{surname} family".lower(),
            "postcode_key": postcode.replace(" ", ""),
            "created": now,
            "updated": now,
            "server_version": None,
            "synced_values": None,
        }
        fam["content_hash"] = content_hash(
            {
                k: fam[k]
                for k in ("id", "team_id", "name", "surname", "address", "postcode", "carers", "other_adults")
            }
        )
        fam_rows.append(fam)
        babies = []
        for _ in range(1 if rng.random() < 0.8 else 2):
            born = today - dt.timedelta(days=rng.randint(30, 600))
            name = rng.choice(FIRST)
            bid = new_id()
            babies.append((bid, name, born))
            baby_rows.append(
                {
                    "id": bid,
                    "family_id": fid,
                    "name": name,
                    "name_key": name.lower(),
                    "date_of_birth": born,
                    "gestation_weeks": rng.randint(30, 41),
                    "gestation_days": 3,
                    "birth_weight_kg": round(rng.uniform(1.8, 4.4), 2),
                    "created": now,
                    "updated": now,
                    "content_hash": "sha256:x",
                    "server_version": None,
                    "synced_values": None,
                }
            )
        for k in range(visits_per_family):
            bid, name, born = rng.choice(babies)
            day = born + dt.timedelta(days=7 + k * rng.randint(7, 60))
            doc = random_visit_doc(rng)
            doc["visit"]["date"] = day.isoformat()
            doc["baby"] = {"name": name, "date_of_birth": born.isoformat()}
            visit = parse_visit(doc)
            result = assess(visit)
            vid = new_id()
            visit_rows.append(
                {
                    "id": vid,
                    "family_id": fid,
                    "baby_id": bid,
                    "practitioner_id": None,
                    "practitioner_name": "Bench Practitioner",
                    "status": "signed",
                    "visit_date": day,
                    "visit_type": doc["visit"]["type"],
                    "answers": visit.to_document(),
                    "parents_said": "Said things",
                    "observed": "Saw things",
                    "agreed_actions": "Agreed things",
                    "follow_up_date": day + dt.timedelta(days=28),
                    "created": now,
                    "updated": now,
                    "signed_at": now,
                    "signed_by_id": None,
                    "signed_by_name": "Bench Practitioner",
                    "assessment": result.to_json(),
                    "guidance_version": result.guidance_version,
                    "risk_level": result.risk_level.value,
                    "escalate": result.escalate,
                    "content_hash": "sha256:x",
                }
            )
            if rng.random() < 0.05:
                amend_rows.append(
                    {
                        "id": new_id(),
                        "visit_id": vid,
                        "family_id": fid,
                        "changes": {"sleep.seen": {"from": None, "to": True}},
                        "reason": "bench",
                        "author_id": None,
                        "author_name": "Bench",
                        "created": now,
                        "assessment": result.to_json(),
                        "guidance_version": result.guidance_version,
                        "risk_level": result.risk_level.value,
                        "escalate": result.escalate,
                        "content_hash": "sha256:x",
                    }
                )
            if rng.random() < 0.3:
                leaflet_rows.append(
                    {
                        "id": new_id(),
                        "visit_id": vid,
                        "family_id": fid,
                        "leaflet_hash": "sha256:leaf",
                        "paper": "A4",
                        "created": now,
                        "created_by_id": None,
                        "created_by_name": "Bench",
                        "content_hash": "sha256:x",
                    }
                )
    with store.engine.begin() as conn:
        for model, rows in (
            (Family, fam_rows),
            (Baby, baby_rows),
            (VisitRecord, visit_rows),
            (Amendment, amend_rows),
            (LeafletRecord, leaflet_rows),
        ):
            conn.execute(model.__table__.insert(), rows)  # type: ignore[union-attr]  # every table model has one
    return {
        "families": len(fam_rows),
        "babies": len(baby_rows),
        "visits": len(visit_rows),
        "amendments": len(amend_rows),
        "leaflets": len(leaflet_rows),
    }


STEPS: dict[str, tuple[str, int]] = {
    "kdf": ("scrypt KDF only (n=2^15, r=8, p=1)", 5),
    "open": ("open encrypted store (KDF + key check + migrate)", 5),
    "surname": ("caseload search: surname prefix", 40),
    "postcode": ("caseload search: postcode prefix", 40),
    "all": ("caseload: no query (first 50 by surname)", 20),
    "chronology": ("chronology: open a family", 40),
    "autosave": ("autosave one answer (save_answer)", 20),
    "sign": ("sign a visit (sign_visit)", 20),
}


def _step_fn(step: str, home: Path, s: Any, store: Any) -> Callable[[int], Any]:
    """The operation timed for `step` (s: an open read session, None for kdf/open)."""
    if step == "kdf":
        params = read_kdf_params(home)
        return lambda i: derive_key(PASSPHRASE, params)
    if step == "open":
        return lambda i: st.open_store(home=home, passphrase=PASSPHRASE, plain=False).close()
    queries = {
        "surname": ["smi", "jo", "pat", "ok", "tay", "ber", "wes", "ca"],
        "postcode": ["SO14", "SO2", "PO1", "SO33 4", "PO9 1", "SO5"],
        "all": [""],
    }
    if step in queries:
        q = queries[step]
        return lambda i: st.search_caseload(session=s, query=q[i % len(q)], limit=50)
    fams = list(s.exec(select(Family.id).limit(5000)).all())
    if step == "chronology":
        return lambda i: st.family_chronology(session=s, family_id=fams[i * 97 % len(fams)])
    baby_id = st.get_family(session=s, family_id=fams[0]).babies[0].id
    with store.unit_of_work() as uow:
        drafts = [
            st.start_visit(
                session=uow.session, baby_id=baby_id, visit_date=dt.date.today(), visit_type="targeted"
            ).id
            for _ in range(22)
        ]
        uow.commit()

    def committed(write: Callable[[Any, int], Any]) -> Callable[[int], Any]:
        def run(i: int) -> None:  # one unit of work per call, as the app's services do
            with store.unit_of_work() as uow:
                write(uow.session, i)
                uow.commit()

        return run

    if step == "autosave":
        places = ("cot", "sofa", "moses_basket")
        return committed(
            lambda w, i: st.save_answer(
                session=w, visit_id=drafts[0], path="sleep.place", value=places[i % 3]
            )
        )
    to_sign = iter(drafts)
    return committed(lambda w, i: st.sign_visit(session=w, visit_id=next(to_sign)))


def measure_step(step: str, home: Path) -> dict[str, float]:
    """Run in a fresh process: time one step; peak RSS of the process (open store + step)."""
    _, runs = STEPS[step]
    store = None if step in ("kdf", "open") else st.open_store(home=home, passphrase=PASSPHRASE, plain=False)
    with contextlib.ExitStack() as stack:
        session = stack.enter_context(store.session()) if store else None
        fn = _step_fn(step, home, session, store)
        fn(0)  # warm caches
        rss_before = _rss_kib("VmRSS")
        _reset_peak()
        times = []
        for i in range(runs):
            t0 = time.perf_counter()
            fn(i)
            times.append((time.perf_counter() - t0) * 1000)
    if store:
        store.close()
    times.sort()
    return {
        "runs": runs,
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, int(len(times) * 0.95))],
        "peak_mib": _rss_kib("VmHWM") / 1024,
        "before_mib": rss_before / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", type=int, default=20_000)
    parser.add_argument("--home", type=Path, help="keep (or reuse) the benchmark store here")
    parser.add_argument("--measure", choices=list(STEPS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_step(args.measure, args.home)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "device"
        if st.store_exists(home=home):
            counts, build_s = {"reused": 1}, 0.0
        else:
            store = st.create_store(
                home=home,
                passphrase=PASSPHRASE,
                practitioner_name="Bench",
                team_name="Bench team",
                plain=False,
            )
            t0 = time.perf_counter()
            counts = build(store, args.families, random.Random(20261128))
            build_s = time.perf_counter() - t0
            store.close()
        size_mb = sum(p.stat().st_size for p in home.iterdir()) / 1e6
        results = []
        for step, (label, _) in STEPS.items():
            out = subprocess.run(
                [sys.executable, "-m", "tests.bench.store", "--measure", step, "--home", str(home)],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(
                [
                    label,
                    str(r["runs"]),
                    f"{r['median']:.2f}",
                    f"{r['p95']:.2f}",
                    f"{r['peak_mib']:.0f}",
                    f"{r['before_mib']:.0f}",
                ]
            )

    print(
        f"Built {counts} in {build_s:.1f} s; store files {size_mb:.1f} MB "
        f"(SQLCipher 4, WAL, synchronous=FULL)\n"
    )
    header = ["step", "runs", "median ms", "p95 ms", "peak RSS MiB", "RSS before MiB"]
    widths = [max(len(r[i]) for r in [header, *results]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *results]:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    print(
        "\nEach step runs in a fresh process (open store, warm-up call, then the timed runs);"
        "\npeak RSS is that process's high-water mark (VmHWM, reset before the timed runs"
        "\nwhere the kernel allows it)."
    )


if __name__ == "__main__":
    main()
