"""The three-way merge of family and baby records (pure function)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.protocol import FieldClash, three_way_merge

BASE = {"name": "Okafor family", "address": "1 Road", "postcode": "SO14 7DU"}


def test_device_change_is_taken_when_the_server_kept_the_base_value():
    merged, clashes = three_way_merge(base=BASE, server=BASE, device={**BASE, "address": "2"})
    assert merged == {**BASE, "address": "2"} and clashes == []


def test_server_change_stays_when_the_device_did_not_touch_the_field():
    server = {**BASE, "postcode": "SO15 1AA"}
    merged, clashes = three_way_merge(base=BASE, server=server, device={**BASE, "address": "2"})
    assert merged == {**BASE, "postcode": "SO15 1AA", "address": "2"} and clashes == []


def test_both_changing_a_field_to_different_values_is_a_clash_keeping_the_server_value():
    merged, clashes = three_way_merge(
        base=BASE, server={**BASE, "address": "S"}, device={**BASE, "address": "D"}
    )
    assert merged["address"] == "S"
    assert clashes == [FieldClash("address", "1 Road", "S", "D")]


def test_both_making_the_same_change_is_no_clash():
    merged, clashes = three_way_merge(
        base=BASE, server={**BASE, "address": "X"}, device={**BASE, "address": "X"}
    )
    assert merged["address"] == "X" and clashes == []


values = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 3))


@given(base=values, server=values, device=values)
def test_merge_never_loses_a_value_silently(
    base: dict[str, Any], server: dict[str, Any], device: dict[str, Any]
) -> None:
    merged, clashes = three_way_merge(base=base, server=server, device=device)
    clashed = {c.field for c in clashes}
    for field in base.keys() | server.keys() | device.keys():
        if field in clashed:
            assert merged.get(field) == server.get(field)  # server kept, device value recorded
        elif device.get(field) != base.get(field):
            assert merged.get(field) == device.get(field)  # the device's change applied
        else:
            assert merged.get(field) == server.get(field)  # untouched: the server's value
    if base == server:
        assert merged == device and clashes == []  # nothing changed on the server: fast-forward
