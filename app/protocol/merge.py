"""The one field-level three-way merge of a mergeable record (family, baby)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MISSING: Any = object()


@dataclass(frozen=True)
class FieldClash:
    """The device and the server both changed `field` since the base, to different values."""

    field: str
    base: Any
    server: Any
    device: Any


def three_way_merge(
    *, base: dict[str, Any], server: dict[str, Any], device: dict[str, Any]
) -> tuple[dict[str, Any], list[FieldClash]]:
    """Apply the device's changes since `base` onto `server`.

    A field the device changed is taken unless the server changed it too (to another value):
    then the server's value stays and a clash is reported. Fields the device did not change
    keep the server's value. A field missing from the device payload but present in the base
    counts as removed by the device.
    """
    merged = dict(server)
    clashes: list[FieldClash] = []
    for field in sorted(base.keys() | device.keys()):
        mine, was = device.get(field, MISSING), base.get(field, MISSING)
        if mine == was:
            continue
        theirs = server.get(field, MISSING)
        if theirs in (was, mine):
            if mine is MISSING:
                merged.pop(field, None)
            else:
                merged[field] = mine
            continue
        clashes.append(FieldClash(field, _plain(was), _plain(theirs), _plain(mine)))
    return merged, clashes


def keep_local_edits(
    *, synced: dict[str, Any], local: dict[str, Any], server: dict[str, Any]
) -> dict[str, Any]:
    """A device's view after a pull while its own edits are still unpushed: the same merge with
    the last server-agreed values as base, keeping the device's value where both changed (the
    server reports that clash to a person when the edit is pushed)."""
    merged, clashes = three_way_merge(base=synced, server=server, device=local)
    for clash in clashes:
        merged[clash.field] = local[clash.field] if clash.field in local else merged.get(clash.field)
    return merged


def _plain(value: Any) -> Any:
    return None if value is MISSING else value
