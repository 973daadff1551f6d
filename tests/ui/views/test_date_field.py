"""The date field's calendar gives the day the practitioner picked, whatever the browser's time zone."""

from __future__ import annotations

import datetime as dt

from app.ui.views.date_field import picked_day, uk_text

UTC = dt.UTC


def test_a_day_picked_in_summer_time_is_that_day_not_the_day_before() -> None:
    # The picker sends local midnight as UTC: 15 June 00:00 BST arrives as 14 June 23:00 UTC.
    assert picked_day(dt.datetime(2026, 6, 14, 23, 0, tzinfo=UTC)) == dt.date(2026, 6, 15)


def test_a_day_picked_in_winter_is_that_day() -> None:
    assert picked_day(dt.datetime(2026, 12, 1, 0, 0, tzinfo=UTC)) == dt.date(2026, 12, 1)
    assert picked_day(dt.datetime(2026, 12, 1, 0, 0)) == dt.date(2026, 12, 1)
    assert picked_day(None) is None


def test_days_are_typed_back_day_first() -> None:
    assert uk_text(dt.date(2026, 4, 3)) == "03/04/2026"
