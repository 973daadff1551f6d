"""Run device actions with this process's clock shifted: `python -m tests.sync.clockshift
SECONDS '[["family", "Name"], ["sync"], ...]'` (SAFESLEEP_HOME / SAFESLEEP_DB_KEY name the store).

The shift is applied before the store is imported, so record times (utcnow) and UUIDv7 ids
(time.time_ns) both come from the shifted clock, as on a tablet whose clock is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
import uuid

from tests.store.writing import writing


def _shift(seconds: float) -> None:
    real_ns, real_time = time.time_ns, time.time
    time.time_ns = lambda: real_ns() + int(seconds * 1e9)
    time.time = lambda: real_time() + seconds
    import app.store.ids as ids

    real_utcnow = ids.utcnow
    ids.utcnow = lambda: real_utcnow() + dt.timedelta(seconds=seconds)


def main() -> None:
    _shift(float(sys.argv[1]))
    from app.store import open_from_settings, update_family
    from app.store.ids import utcnow
    from app.sync import sync_now
    from tests.sync.helpers import add_family, signed_visit

    store = open_from_settings()
    out: dict[str, str] = {"clock": utcnow().isoformat()}
    for action, *args in json.loads(sys.argv[2]):
        if action == "family":
            family, baby = add_family(store, args[0], date_of_birth=None)
            out.update(family=str(family), baby=str(baby))
        elif action == "visit":
            day = dt.date.fromisoformat(args[1])
            out["visit"] = str(signed_visit(store, uuid.UUID(args[0]), place=args[2], day=day))
        elif action == "edit":
            with writing(store) as s:
                update_family(session=s, family_id=uuid.UUID(args[0]), changes={args[1]: args[2]})
        elif action == "sync":
            out["conflicts"] = str(sync_now(store=store).conflicts)
    store.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
