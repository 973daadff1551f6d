"""Screen wording: how dates, risk levels, ages, people and sync results read to a practitioner.

Pure functions over the services' data (no Flet), so the words are tested without a browser.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.services.caseload import SEARCH_LIMIT
from app.services.families import ChronologyLine, PatternLine, Person
from app.services.visits import Amendment
from app.store.caseload import age_text
from app.sync import (
    AlreadyEnrolled,
    DeviceRevoked,
    NotEnrolled,
    ServerRefused,
    ServerUnreachable,
    SyncError,
    SyncSummary,
)
from app.ui.questions import OPTION_WORDS, QUESTION_BY_PATH, words_for

UK = ZoneInfo("Europe/London")
RISK_WORDS = {"high": "High", "increased": "Increased", "incomplete": "Incomplete", "low": "Low"}
EXTRA_QUESTION_WORDS = {
    "baby.birth_weight_kg": "Birth weight",
    "baby.birth_weight_lb": "Birth weight (lb)",
    "visit.date": "Visit date",
    "notes.follow_up_date": "Follow-up date",
    "notes.parents_said": "What the parents said",
    "notes.observed": "What you observed",
    "notes.agreed_actions": "Agreed actions",
}


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
    extra = [
        relationship_words(p.relationship).lower() if p.relationship in RELATIONSHIP_WORDS else p.relationship
    ]
    if p.phone:
        extra.append(p.phone)
    if p.nhs_number:
        extra.append(f"NHS {p.nhs_number}")
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


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _entities(counts: dict[str, int]) -> str:
    parts = []
    for entity, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        if count > 0:
            one, many = ENTITY_WORDS.get(entity, (entity.replace("_", " "), entity.replace("_", " ") + "s"))
            parts.append(_n(count, one, many))
    return ", ".join(parts)


def sync_words(summary: SyncSummary, sent: dict[str, int] | None = None) -> str:
    """'Sync finished: 3 visits, 1 family update sent; 12 updates received from the team.'"""
    what = _entities(sent or {}) if sent else ""
    sent_words = f"{what} sent" if what else _n(summary.pushed, "change sent", "changes sent")
    received = _n(summary.pulled, "update", "updates") + " received from the team"
    text = f"Sync finished: {sent_words}; {received}."
    if summary.duplicates:
        text += f" {_n(summary.duplicates, 'change was', 'changes were')} already on the server."
    if summary.conflicts:
        clash = _n(summary.conflicts, "change conflicts", "changes conflict")
        text += f" {clash} with the team's: both kept for review."
    if summary.rejected:
        text += f" {_n(summary.rejected, 'change was', 'changes were')} refused by the server and kept here."
    if summary.quarantined:
        kept = _n(summary.quarantined, "update from the team", "updates from the team")
        text += f" {kept} could not be used on this tablet: kept, and reported to the server."
    return text


ENTITY_WORDS = {
    "visit": ("visit", "visits"),
    "family": ("family update", "family updates"),
    "baby": ("baby record", "baby records"),
    "amendment": ("amendment", "amendments"),
    "leaflet": ("leaflet record", "leaflet records"),
    "note": ("case note", "case notes"),
}


def pending_words(pending: dict[str, int]) -> str:
    """'Waiting to be sent: 3 visits, 1 family update' or 'Nothing waiting to be sent'."""
    if not any(pending.values()):
        return "Nothing waiting to be sent."
    return "Waiting to be sent: " + _entities(pending) + "."


def when_words(at: dt.datetime | None) -> str:
    """'1 Dec 2026 at 09:14' in UK time (empty when never)."""
    if at is None:
        return ""
    local = at.astimezone(UK) if at.tzinfo else at
    return f"{day(local)} at {local:%H:%M}"


def sync_error_words(cause: SyncError) -> str:
    """Why a sync or link failed, in words a practitioner can act on (never an exception name)."""
    if isinstance(cause, ServerUnreachable):
        return (
            "Cannot reach the team server. Check the wifi and the server address. "
            "Your records are safe on this tablet and will be sent next time."
        )
    if isinstance(cause, NotEnrolled):
        return "This tablet is not linked to a team server yet: enter the server address and code, then Link."
    if isinstance(cause, AlreadyEnrolled):
        return f"{str(cause)[:1].upper()}{str(cause)[1:]}. Nothing was changed."
    if isinstance(cause, DeviceRevoked):
        return (
            "The team server no longer accepts this tablet (it was revoked). Your records are safe "
            "on this tablet: ask your administrator for a new enrolment code."
        )
    if not isinstance(cause, ServerRefused):
        return f"Sync stopped: {cause}. Your records are safe on this tablet."
    reason = str(cause).removeprefix("the team server refused the request: ")
    return f"The team server refused: {reason}. Your records are safe on this tablet."


VIEW_WORDS = {
    "urgent": "Most urgent first",
    "high": "High risk",
    "incomplete": "Incomplete",
    "overdue": "Overdue",
    "drafts": "Drafts",
    "name": "A to Z",
}
RELATIONSHIP_WORDS = OPTION_WORDS["relationship"]  # the visit guide's words


def relationship_words(code: str) -> str:
    return RELATIONSHIP_WORDS.get(code, code)


VISIT_TYPE_WORDS = OPTION_WORDS["visit.type"]
PAPER_WORDS = {"A4": "A4", "A5": "A5", "letter": "US Letter"}


def chronology_title(c: ChronologyLine) -> str:
    """'Visit (new birth) — Sam', 'Leaflet printed (A4)', 'Amendment to the visit of 3 Apr 2026'."""
    if c.kind == "visit":
        kind = VISIT_TYPE_WORDS.get(c.visit_type or "", (c.visit_type or "").replace("_", " "))
        label = "Visit" if c.status == "signed" else "Draft visit (not signed)"
        baby = f" — {c.baby_name}" if c.baby_name else ""
        return f"{label} ({kind.lower()}){baby}"
    if c.kind == "leaflet":
        return f"Leaflet printed ({PAPER_WORDS.get(c.paper or '', c.paper or 'A4')})"
    if c.kind == "amendment":
        when = f" of {day(c.amended_visit_date)}" if c.amended_visit_date else ""
        return f"Amendment to the visit{when}"
    if c.kind == "note":
        return "Case note"
    return c.summary or c.kind.capitalize()


def chronology_details(c: ChronologyLine) -> list[str]:
    """The lines under the title: what changed, the follow-up, the factors found (no codes, no hashes)."""
    out: list[str] = []
    if c.kind == "amendment":
        out += [f"{question_words(p)}: {answer_words(p, a)} → {answer_words(p, b)}" for p, a, b in c.changes]
    if c.kind == "visit" and c.incomplete:
        out.append(f"Incomplete — {c.incomplete} core question{'s' if c.incomplete != 1 else ''} not asked")
    if c.kind == "visit" and c.factor_titles:
        out.append("Found: " + "; ".join(c.factor_titles))
    if c.kind == "visit" and c.escalate:
        out.append("Escalate: discuss with your supervisor")
    if c.follow_up_date:
        out.append(f"Follow-up {day(c.follow_up_date)}")
    return out


def answer_words(path: str, value: object) -> str:
    """An answer as the screens show it ('Yes', 'Sofa, Armchair', '3 Apr 2026', 'Not recorded')."""
    if isinstance(value, str) and path.endswith(("date", "date_of_birth", "follow_up_date")):
        try:
            return day(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return words_for(path, value)


PATTERN_WORDS = {
    "repeated_high_risk": "high risk at the last two signed visits",
    "sleep_space_not_seen_twice": "the sleep space was not seen at the last two signed visits",
    "factor_persists": "the same risk at three visits in a row",
}


def pattern_words(p: PatternLine) -> str:
    """'Sam: high risk at the last two signed visits' (a pattern of DESIGN's chronology rules)."""
    what = PATTERN_WORDS.get(p.code, p.code.replace("_", " "))
    if p.code == "factor_persists" and p.factor_title:
        what = f"{what} ({p.factor_title})"
    return f"{p.baby_name}: {what}" if p.baby_name else what[0].upper() + what[1:]
