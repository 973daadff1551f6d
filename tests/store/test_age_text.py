"""The baby's age as the caseload shows it."""

import datetime as dt

import pytest

from app.store.caseload import age_text

TODAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (dt.date(2026, 11, 27), "1 day"),
        (dt.date(2026, 11, 19), "9 days"),
        (dt.date(2026, 10, 24), "5 weeks"),
        (dt.date(2026, 10, 1), "1 month"),
        (dt.date(2026, 7, 28), "4 months"),
        (dt.date(2025, 11, 28), "1 year"),
        (dt.date(2025, 8, 1), "1 year 3 months"),
        (dt.date(2024, 10, 1), "2 years 1 month"),
    ],
)
def test_age_reads_naturally_in_days_weeks_months_and_years(born: dt.date, expected: str):
    assert age_text(born, TODAY) == expected
