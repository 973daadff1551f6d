"""Portal benchmark on PostgreSQL: 20,000 families / 60,000 signed visits of one team (another team
beside it). Times the review queue's first page, a family chronology and the dashboard figures
(aims: < 200 ms, < 200 ms, < 1 s), and the projection of new visits into the review read model.

Run: `. scripts/test-env.sh && python -m tests.bench.portal [FAMILIES]`   (prints a table; never a test)
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.protocol.canonical import canonical_json, content_hash
from app.server.admin import create_team
from app.server.db import make_engine, upgrade_schema
from app.server.models import ChangeLog, Record, utcnow
from app.server.portal.accounts import add_user
from app.server.portal.projection import add_working_days
from app.server.portal.service import Portal
from app.server.portal.tables import ProjectionCursor, ReviewItem, VisitFact, VisitFactor
from tests.domain.factories import FULL_LOW_RISK
from tests.server.pg import fresh_pg_database

PASSWORD = "benchmark password"
SURNAMES = ("O'Brien", "Okafor", "Nowak", "Smith", "Patel", "Jones", "Kowalski", "Ahmed")
PLACES = [("cot", "low", []), ("sofa", "high", ["sofa_or_armchair_sharing"]), ("adult_bed", "increased", [])]


def _visit_payload(
    family: uuid.UUID, baby: uuid.UUID, visit: uuid.UUID, day: dt.date, place: str
) -> dict[str, Any]:
    doc = copy.deepcopy(FULL_LOW_RISK)
    doc["visit"]["date"] = day.isoformat()
    doc["baby"]["date_of_birth"] = (day - dt.timedelta(days=20)).isoformat()
    doc["sleep"]["place"] = place
    return {
        "id": str(visit),
        "family_id": str(family),
        "baby_id": str(baby),
        "answers": doc,
        "status": "signed",
        "visit_date": day.isoformat(),
        "visit_type": "new_birth",
        "signed_by_name": "A. Visitor",
        "signed_at": f"{day.isoformat()}T10:00:00+00:00",
    }


def seed(url: str, families: int) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """Bulk rows: change log + records (family, baby, 3 visits each) and the read model."""
    engine = make_engine(url)
    rng = random.Random(7)
    with Session(engine) as s:
        team = create_team(session=s, name="bench")
        other = create_team(session=s, name="other")
        add_user(
            session=s,
            email="sup@bench.example.org",
            team_id=team.id,
            role="supervisor",
            password=PASSWORD,
            name="Sam Supervisor",
        )
        s.commit()
        team_id, other_id = team.id, other.id
    fam_ids, seq = [], 0
    today, now = dt.date.today(), utcnow()
    for tid, count in ((team_id, families), (other_id, families // 10)):
        logs: list[dict[str, Any]] = []
        recs: list[dict[str, Any]] = []
        facts: list[dict[str, Any]] = []
        factors: list[dict[str, Any]] = []
        items: list[dict[str, Any]] = []

        def add(
            entity: str,
            eid: uuid.UUID,
            payload: dict[str, Any],
            family: uuid.UUID | None,
            day: dt.date | None,
            tid: uuid.UUID = tid,
            logs: list[dict[str, Any]] = logs,
            recs: list[dict[str, Any]] = recs,
        ) -> int:
            nonlocal seq
            seq += 1
            logs.append(
                {
                    "seq": seq,
                    "team_id": tid,
                    "entity": entity,
                    "entity_id": eid,
                    "version": 1,
                    "payload": canonical_json(payload),
                    "hash": content_hash(payload),
                    "created": now,
                }
            )
            recs.append(
                {
                    "team_id": tid,
                    "entity": entity,
                    "entity_id": eid,
                    "version": 1,
                    "hash": content_hash(payload),
                    "family_id": family,
                    "visit_date": day,
                    "seq": seq,
                }
            )
            return seq

        for i in range(count):
            fam, baby = uuid.uuid4(), uuid.uuid4()
            if tid == team_id:
                fam_ids.append(fam)
            body = {"id": str(fam), "name": f"{SURNAMES[i % len(SURNAMES)]} family {i}", "surname": f"S{i}"}
            body["postcode"] = f"SO{10 + i % 40} {i % 10}DU"
            add("family", fam, body, fam, None)
            add("baby", baby, {"id": str(baby), "family_id": str(fam), "name": f"Baby {i}"}, fam, None)
            for k in range(3):
                visit, day = uuid.uuid4(), today - dt.timedelta(days=rng.randint(0, 720))
                place, risk, codes = PLACES[rng.randrange(3) if k < 2 else rng.choice((0, 0, 0, 1))]
                escalate = risk == "high" and rng.random() < 0.3
                vseq = add("visit", visit, _visit_payload(fam, baby, visit, day, place), fam, day)
                facts.append(
                    {
                        "team_id": tid,
                        "visit_id": visit,
                        "family_id": fam,
                        "baby_id": baby,
                        "visit_date": day,
                        "visit_type": "new_birth",
                        "practitioner": f"Visitor {i % 40}",
                        "risk_level": risk,
                        "escalate": escalate,
                        "incomplete": False,
                        "sleep_seen": rng.random() < 0.8,
                        "bed_sharing_discussed": rng.random() < 0.9,
                        "factors": " ".join(codes),
                        "context": "domestic_abuse" if escalate else "",
                        "amended": False,
                        "seq": vseq,
                        "follow_up_date": day + dt.timedelta(days=14) if rng.random() < 0.2 else None,
                    }
                )
                factors += [{"team_id": tid, "visit_id": visit, "code": c, "visit_date": day} for c in codes]
                if risk == "high":
                    reasons = "escalate high_risk" if escalate else "high_risk"
                    items.append(
                        {
                            "team_id": tid,
                            "visit_id": visit,
                            "family_id": fam,
                            "baby_id": baby,
                            "visit_date": day,
                            "practitioner": f"Visitor {i % 40}",
                            "state": rng.choice(("new", "discussed", "closed")),
                            "urgency": 0 if escalate else 1,
                            "reasons": reasons,
                            "patterns": "[]",
                            "escalate": escalate,
                            "entered_at": now,
                            "discuss_by": add_working_days(today, 2),
                        }
                    )
        with engine.begin() as c:
            for table, rows in (
                (ChangeLog, logs),
                (Record, recs),
                (VisitFact, facts),
                (VisitFactor, factors),
                (ReviewItem, items),
            ):
                for j in range(0, len(rows), 5000):
                    c.execute(sa.insert(table.__table__), rows[j : j + 5000])  # type: ignore[union-attr]
            c.execute(sa.insert(ProjectionCursor.__table__), [{"team_id": tid, "seq": seq, "runs": 0}])  # type: ignore[attr-defined]
    with engine.begin() as c:
        c.execute(sa.text("SELECT setval(pg_get_serial_sequence('change_log', 'seq'), :s)"), {"s": seq})
        c.execute(sa.text("ANALYZE"))
    engine.dispose()
    return team_id, fam_ids


def _ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        work()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main(families: int = 20_000) -> None:
    with fresh_pg_database() as url:
        upgrade_schema(url)
        t = time.perf_counter()
        _, fam_ids = seed(url, families)
        seeded = time.perf_counter() - t
        engine = make_engine(url)
        portal = Portal(engine)
        token = portal.sign_in("sup@bench.example.org", PASSWORD)
        today = dt.date.today()
        rows = [
            ("review queue, first page (25)", *_ms(lambda: portal.queue(token), 7), 200.0),
            (
                "family chronology (3 visits)",
                *_ms(lambda: portal.chronology(token, random.choice(fam_ids)), 7),
                200.0,
            ),
            (
                "dashboard figures, 12 months",
                *_ms(lambda: portal.figures(token, today - dt.timedelta(days=365), today), 5),
                1000.0,
            ),
            (
                "dashboard figures, 2 years",
                *_ms(lambda: portal.figures(token, today - dt.timedelta(days=730), today), 3),
                1000.0,
            ),
        ]
        from app.server.portal.batch_leaflets import BatchFilter

        rows += [
            (
                "families search, name (OBrien)",
                *_ms(lambda: portal.search_families(token, "OBrien"), 5),
                200.0,
            ),
            ("families search, postcode", *_ms(lambda: portal.search_families(token, "SO14 4DU"), 5), 200.0),
            (
                "print list, a month of visits",
                *_ms(
                    lambda: portal.batch_visits(token, BatchFilter(today - dt.timedelta(days=30), today)), 5
                ),
                200.0,
            ),
            (
                "family chronology PDF",
                *_ms(lambda: portal.chronology_pdf(token, random.choice(fam_ids)), 5),
                1000.0,
            ),
        ]
        total = Session(engine).scalar(sa.select(sa.func.count()).select_from(VisitFact))
        print(
            f"\nPortal benchmark, PostgreSQL: {families:,} families, {families * 3:,} visits in the team "
            f"({total:,} visit rows in all; seeded in {seeded:.0f} s)\n"
        )
        print(f"{'what':36} {'median ms':>10} {'max ms':>9} {'aim ms':>8}  within aim")
        for name, med, worst, aim in rows:
            print(f"{name:36} {med:10.1f} {worst:9.1f} {aim:8.0f}  {'yes' if med < aim else 'NO'}")
        engine.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
