"""How a visit's history reads: amendments in plain words, what last time found, the signature line."""

from __future__ import annotations

from typing import Any

from app.services.visits import Amendment, LastVisit, VisitRecord
from app.ui.presenters import day, risk_word
from app.ui.questions import QUESTION_BY_PATH, words_for

WEIGHT_PATHS = ("baby.birth_weight_kg", "baby.birth_weight_lb")


def label_for(path: str) -> str:
    if path.startswith("notes.") and path.endswith("_date"):
        path = path.removesuffix("_date")
    if path in WEIGHT_PATHS:
        return "Birth weight"
    q = QUESTION_BY_PATH.get(path)
    return q.label if q else path


def change_words(path: str, before: Any, after: Any) -> str:
    """'Have you seen where baby sleeps?: No → Yes'."""
    shown = "baby.birth_weight_kg" if path in WEIGHT_PATHS else path

    def w(v: Any) -> str:
        if path == "notes.follow_up_date":
            return words_for("notes.follow_up", v) if v else "none"
        if path.startswith("notes."):
            return f"“{v}”" if v else "empty"
        return words_for(path if path in WEIGHT_PATHS else shown, v)

    return f"{label_for(path)}: {w(before)} → {w(after)}"


def amendment_line(a: Amendment) -> str:
    changes = "; ".join(change_words(p, b, t) for p, b, t in a.diffs) or ", ".join(a.changes)
    return f"{day(a.created)}, {a.author}: {changes}. Reason: {a.reason}"


def last_time_words(last: LastVisit | None) -> str:
    """'Last time (3 Nov 2026): at night: Cot (Parents' room); in the sleep space: Pillow; ...'."""
    if last is None:
        return ""
    a = last.answers
    bits: list[str] = []
    if "sleep.place" in a:
        place = words_for("sleep.place", a["sleep.place"])
        room = f" ({words_for('sleep.room', a['sleep.room'])})" if "sleep.room" in a else ""
        bits.append(f"at night: {place}{room}")
    if "sleep.day_place" in a:
        bits.append(f"in the day: {words_for('sleep.day_place', a['sleep.day_place'])}")
    if "sleep.items" in a:
        bits.append(f"in the sleep space: {words_for('sleep.items', a['sleep.items'])}")
    if "sleep.bed_sharing" in a:
        bits.append(f"bed-sharing {words_for('sleep.bed_sharing', a['sleep.bed_sharing']).lower()}")
    if a.get("sleep.shared_surfaces"):
        bits.append(
            f"slept with a carer on: {words_for('sleep.shared_surfaces', a['sleep.shared_surfaces'])}"
        )
    if a.get("sleep.seen") is not True:
        bits.append("sleep space not seen")
    found = "; ".join(bits) or "the sleep questions were not recorded"
    level = f" Risk then: {risk_word(last.risk_level)}." if last.risk_level else ""
    factors = f" Factors: {', '.join(last.factor_titles)}." if last.factor_titles else ""
    return f"Last time ({day(last.date)}): {found}.{level}{factors} Check what has changed."


def signed_line(rec: VisitRecord, reason: str) -> str:
    if not rec.signed:
        return ""
    who = f" by {rec.signed_by}" if rec.signed_by else ""
    when = f" on {day(rec.signed_on)}" if rec.signed_on else ""
    extra = f" Signed incomplete, reason: {reason}." if reason else ""
    return f"Signed{when}{who}: this visit is read-only.{extra}"
