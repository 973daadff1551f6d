"""A real process recording answers one by one: `python -m tests.store.durability_worker HOME KEY`.

Prints `visit <id>` once its draft exists, then `ok <i>` after answer i has been committed (i.e.
after save_answer returned). The durability test kills it with SIGKILL at random points.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

from tests.store.writing import writing

PATHS = (
    "sleep.room_temperature_c",
    "sleep.place",
    "carers.alcohol",
    "sleep.items",
    "feeding.breastfed",
    "baby.name",
)
PLACES = ("cot", "moses_basket", "sofa", "adult_bed", "bedside_crib")
ITEMS = ("pillow", "duvet", "bumper")
MAX_SECONDS = 30


def step(i: int) -> tuple[str, Any]:
    """The i-th answer the worker records (a deterministic sequence, including clearing)."""
    path = PATHS[i % len(PATHS)]
    value: Any
    if path == "sleep.room_temperature_c":
        value = 10 + i % 25
    elif path == "sleep.place":
        value = PLACES[i % len(PLACES)]
    elif path == "carers.alcohol":
        value = i % 4 < 2
    elif path == "sleep.items":
        value = list(ITEMS[: i % 4])
    elif path == "feeding.breastfed":
        value = None if i % 5 == 0 else bool(i % 2)
    else:
        value = f"Baby {i}"
    return path, value


def expected_after(n: int) -> dict[str, Any]:
    """Each path's answer after the first n steps (None = not recorded)."""
    state: dict[str, Any] = dict.fromkeys(PATHS)
    state["baby.name"] = "Sam"
    for i in range(n):
        path, value = step(i)
        state[path] = value
    return state


def main(home: str, key: str) -> None:
    import app.store as st

    store = st.open_store(home=Path(home), passphrase=key, plain=False)
    with writing(store) as s:
        family = st.create_family(session=s, data={"name": "Durable family", "surname": "Durable"})
        baby = st.add_baby(
            session=s,
            family_id=family.id,
            data={"name": "Sam", "date_of_birth": dt.date.today() - dt.timedelta(days=30)},
        )
        visit = st.start_visit(session=s, baby_id=baby.id, visit_date=dt.date.today(), visit_type="new_birth")
    print(f"visit {visit.id}", flush=True)
    started = time.monotonic()
    i = 0
    while time.monotonic() - started < MAX_SECONDS:
        path, value = step(i)
        with writing(store) as s:  # one unit of work per answer, as the app autosaves
            st.save_answer(session=s, visit_id=visit.id, path=path, value=value)
        print(f"ok {i}", flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
