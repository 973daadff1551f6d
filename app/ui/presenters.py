"""Screen wording: how dates, risk levels, ages, people and sync results read to a practitioner.

Pure functions over the services' data (no Flet), so the words are tested without a browser.
"""

from __future__ import annotations

import datetime as dt

from app.services.caseload import SEARCH_LIMIT
from app.services.families import Person
from app.services.visits import Amendment
from app.store.caseload import age_text
from app.sync import SyncSummary
from app.ui.questions import QUESTION_BY_PATH

RISK_WORDS = {"high": "High", "increased": "Increased", "incomplete": "Incomplete", "low": "Low"}
EXTRA_QUESTION_WORDS = {"baby.birth_weight_kg": "Birth weight", "visit.date": "Visit date"}


def day(value: dt.date | dt.datetime | None) -> str:
    """'3 Apr 2026' (empty when there is no date)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return f"{value.day} {value:%b %Y}"


def risk_word(level: str | None, incomplete: int | None = None) -> str:
    """'High'; 'Incomplete — 3 core questions not asked' when the count is known."""
    if level == "incomplete" and incomplete:
        return f"Incomplete — {incomplete} core question{'s' * (incomplete != 1)} not asked"
    return RISK_WORDS.get(level or "", (level or "").capitalize())


def age_words(born: dt.date | None, today: dt.date | None = None) -> str:
    """'3 months old' ('age not recorded' when the date of birth is unknown)."""
    text = age_text(born, today)
    if not text:
        return "age not recorded"
    return text if text == "not born yet" else f"{text} old"


def due_words(due: dt.date | None, today: dt.date | None = None) -> str:
    """'Visit due 3 Apr 2026' or 'Visit overdue by 4 days' (empty when no visit is due)."""
    if due is None:
        return ""
    today = today or dt.date.today()
    late = (today - due).days
    if late > 0:
        return f"Visit overdue by {late} day{'s' * (late != 1)}"
    return "Visit due today" if late == 0 else f"Visit due {day(due)}"


def gestation_words(weeks: int | None, days: int | None) -> str:
    return f"{weeks}+{days or 0} weeks" if weeks else "gestation not recorded"


def weight_words(kg: float | None) -> str:
    return f"{kg:g} kg" if kg else "weight not recorded"


def person_words(p: Person) -> str:
    """'Jo (mother, 07700 900123)' or 'Dan (friend, visits, stays some weekends)'."""
    extra = [p.relationship]
    if p.phone:
        extra.append(p.phone)
    if p.lives_in is not None:
        extra.append("lives in" if p.lives_in else "visits")
    if p.notes:
        extra.append(p.notes)
    shown = ", ".join(x for x in extra if x)
    return f"{p.name} ({shown})" if shown else p.name


def question_words(path: str) -> str:
    q = QUESTION_BY_PATH.get(path)
    return q.label if q else EXTRA_QUESTION_WORDS.get(path, path)


def amendment_words(a: Amendment) -> str:
    return f"{day(a.created)}: {', '.join(a.changes)} — {a.reason} ({a.author})"


def count_words(n: int) -> str:
    if n == 0:
        return ""
    more = " (showing the first 50: search to narrow)" if n >= SEARCH_LIMIT else ""
    return f"{n} famil{'y' if n == 1 else 'ies'}{more}"


def sync_words(summary: SyncSummary) -> str:
    """'Synced: pushed: 3, pulled: 12, ...' — the result of one sync."""
    return "Synced: " + ", ".join(line.strip() for line in summary.lines())
