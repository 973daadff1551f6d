"""Benchmark: assessments per second, and `safesleep assess` file-to-JSON latency.

The CLI's start-up is compared with a bare `python -c pass` measured in the same run,
interleaved run by run so both see the same machine load; the aim is at most 5x.

Run: python -m tests.bench.assess
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.domain import assess, parse_visit
from tests.bench.visits import random_visit_doc

VISITS = 10_000
CLI_RUNS = 21


def main() -> None:
    rng = random.Random(20261128)
    docs = [random_visit_doc(rng) for _ in range(VISITS)]

    t0 = time.perf_counter()
    visits = [parse_visit(d) for d in docs]
    parse_s = time.perf_counter() - t0

    assess(visits[0])  # load guidance once
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for visit in visits:
            assess(visit)
        best = min(best, time.perf_counter() - t0)

    levels: dict[str, int] = {}
    for visit in visits:
        level = assess(visit).risk_level.value
        levels[level] = levels.get(level, 0) + 1

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "visit.json"
        path.write_text(json.dumps(docs[0]))
        script = Path(sys.executable).parent / "safesleep"
        cmd = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
        subprocess.run([*cmd, "assess", str(path), "--json"], capture_output=True, check=True)
        walls: list[float] = []
        bare: list[float] = []
        for _ in range(CLI_RUNS):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True)
            bare.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            subprocess.run([*cmd, "assess", str(path), "--json"], capture_output=True, check=True)
            walls.append(time.perf_counter() - t0)
    ratio = statistics.median(walls) / statistics.median(bare)

    rows = [
        (
            "visits generated",
            f"{VISITS:,}",
            f"high {levels.get('high', 0):,} / increased "
            f"{levels.get('increased', 0):,} / low {levels.get('low', 0):,}",
        ),
        ("parse + validate", f"{VISITS / parse_s:,.0f} visits/s", f"{parse_s * 1e6 / VISITS:.1f} µs each"),
        (
            "assess (in-process, best of 3)",
            f"{VISITS / best:,.0f} assessments/s",
            f"{best * 1e6 / VISITS:.1f} µs each; aim 20,000+/s",
        ),
        (
            "safesleep assess FILE --json",
            f"median {statistics.median(walls) * 1000:.0f} ms",
            f"p95 {sorted(walls)[int(0.95 * (CLI_RUNS - 1))] * 1000:.0f} ms over {CLI_RUNS} runs; "
            "aim < 300 ms",
        ),
        (
            "python -c pass (same runs)",
            f"median {statistics.median(bare) * 1000:.0f} ms",
            f"p95 {sorted(bare)[int(0.95 * (CLI_RUNS - 1))] * 1000:.0f} ms over {CLI_RUNS} runs",
        ),
        ("assess / python -c pass", f"{ratio:.1f}x", "median over median; aim at most 5x"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':<24}  notes")
    for name, result, note in rows:
        print(f"{name:<{width}}  {result:<24}  {note}")


if __name__ == "__main__":
    main()
