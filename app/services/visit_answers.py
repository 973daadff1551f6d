"""Saving what is typed into a draft: a valid answer is stored; anything else is pending input.

Pending input is text the practitioner typed that is not (yet) a valid answer. It is kept beside
the draft (so a kill loses nothing) while the stored answer for that question is "not recorded".
One keystroke costs one small write: no whole-visit validation beyond the store's own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from app.domain import VisitError
from app.domain.values import ARRANGEMENT_CHARS, MAX_OUT_OF_ROUTINE
from app.services.problems import AnswerError, answer_error, as_uuid
from app.services.typed import parse_typed
from app.store import (
    RecordError,
    Store,
    VisitSigned,
    forget_pending_input,
    keep_pending_input,
    pending_texts,
)
from app.store import put_answer as store_save_answer
from app.store import put_notes as store_save_notes

SIGNED_MESSAGE = "This visit is signed and read-only: record an amendment with a reason"
ROUTINE = "plan.out_of_routine"
NOTE_STORE = {"follow_up": "follow_up_date"}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to typed text: `problem` None means it is the stored answer now."""

    problem: str | None = None


@dataclass(frozen=True, slots=True)
class NoteOutcome:
    stored: str
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class RoutineOutcome:
    """The plan's stored entries (None: not recorded) and the situations still pending, by key."""

    entries: list[dict[str, str]] | None
    pending: dict[str, str] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def problem(self) -> str | None:
        return next(iter(self.problems.values()), None)


# ------------------------------------------------------------------ pending input, beside the draft
def read_pending(session: Any, visit_id: str) -> dict[str, str]:
    """The visit's pending input (the store's pending_input table), by the screens' keys."""
    return pending_texts(session=session, visit_id=as_uuid(visit_id))


def _write_pending(session: Any, visit_id: str, changes: dict[str, str | None]) -> None:
    """Set (text) or clear (None) pending input for some questions, in the caller's transaction."""
    vid = as_uuid(visit_id)
    gone = tuple(path for path, text in changes.items() if text is None)
    if gone:
        forget_pending_input(session=session, visit_id=vid, paths=gone)
    for path, text in changes.items():
        if text is not None:
            keep_pending_input(session=session, visit_id=vid, path=path, raw_text=text)


def clear_pending(session: Any, visit_id: str) -> None:
    """Drop all pending input of a visit (signed or discarded), in the caller's unit of work."""
    forget_pending_input(session=session, visit_id=as_uuid(visit_id))


def pending_input(*, store: Store, visit_id: str) -> dict[str, str]:
    """The text typed into this draft that is not a valid answer, by question path."""
    with store.session() as s:
        return read_pending(s, visit_id)


def set_pending(*, store: Store, visit_id: str, changes: dict[str, str | None]) -> None:
    with store.unit_of_work() as uow:
        _write_pending(uow.session, visit_id, changes)
        uow.commit()


# ------------------------------------------------------------------ typed answers
ISO_IN_WORDS = re.compile(r"(visit\.date|baby\.date_of_birth) \((\d{4}-\d{2}-\d{2})\)")
FIELD_WORDS = {"visit.date": "the visit date", "baby.date_of_birth": "the date of birth"}


def plain(message: str) -> str:
    """A domain message in screen words: 'visit.date (2026-12-01)' -> 'the visit date (1 Dec 2026)'."""

    def words(m: re.Match[str]) -> str:
        day = dt.date.fromisoformat(m[2])
        return f"{FIELD_WORDS[m[1]]} ({day.day} {day:%b %Y})"

    return ISO_IN_WORDS.sub(words, message)


def _problem(path: str, exc: VisitError) -> str:
    return plain(answer_error(path, [str(p) for p in exc.problems]).message)


def _save(store: Store, visit_id: str, path: str, value: Any, pending: dict[str, str | None]) -> str | None:
    """One answer and its pending text in one unit of work; the store's problem in words (nothing saved)."""
    try:
        with store.unit_of_work() as uow:
            store_save_answer(session=uow.session, visit_id=as_uuid(visit_id), path=path, value=value)
            if pending:
                _write_pending(uow.session, visit_id, pending)
            uow.commit()
    except VisitSigned:
        raise AnswerError(path, SIGNED_MESSAGE) from None
    except VisitError as exc:
        return _problem(path, exc)
    return None


def save_typed(
    *,
    store: Store,
    visit_id: str,
    path: str,
    question: str,
    value: Any,
    pending: str | None,
    problem: str | None,
    had_answer: bool,
    had_pending: bool,
) -> Outcome:
    """Typed text of `question` (stored at `path`): the answer if valid, else pending input.

    One unit of work per keystroke: the answer (or clearing a stale one) with the pending text.
    """
    clear: dict[str, str | None] = {question: None} if had_pending else {}
    if problem is None and (value is not None or had_answer):
        problem = _save(store, visit_id, path, value, clear)
        if problem is None:
            return Outcome()
    elif problem is None:  # empty text, nothing stored: only the pending text goes
        if had_pending:
            set_pending(store=store, visit_id=visit_id, changes=clear)
        return Outcome()
    keep: dict[str, str | None] = {question: pending if pending is not None else ""}
    if had_answer:
        _save(store, visit_id, path, None, keep)
    else:
        set_pending(store=store, visit_id=visit_id, changes=keep)
    return Outcome(problem)


def save_answers(*, store: Store, visit_id: str, answers: dict[str, Any]) -> None:
    """Several answers (e.g. a weight moved from kg to lb) in one unit of work."""
    try:
        with store.unit_of_work() as uow:
            for path, value in answers.items():
                store_save_answer(session=uow.session, visit_id=as_uuid(visit_id), path=path, value=value)
            uow.commit()
    except VisitError as exc:
        path = next(iter(answers), "")
        raise AnswerError(path, _problem(path, exc)) from None


# ------------------------------------------------------------------ notes
def save_note(*, store: Store, visit_id: str, name: str, text: str) -> NoteOutcome:
    """One note (what was said, observed, agreed; the follow-up date typed dd/mm/yyyy)."""
    key = f"notes.{name}"
    value: Any = text
    problem: str | None = None
    if name == "follow_up":
        parsed = parse_typed("date", key, text)
        value, problem = parsed.value, parsed.problem
    try:
        with store.unit_of_work() as uow:
            store_save_notes(
                session=uow.session, visit_id=as_uuid(visit_id), **{NOTE_STORE.get(name, name): value}
            )
            _write_pending(uow.session, visit_id, {key: text if problem else None})
            uow.commit()
    except VisitSigned:
        raise AnswerError(key, SIGNED_MESSAGE) from None
    except RecordError as exc:
        return NoteOutcome("", answer_error(key, [str(p) for p in exc.problems]).message)
    return NoteOutcome("" if problem else (value or ""), problem)


# ------------------------------------------------------------------ the out-of-routine plan
def save_routine(
    *,
    store: Store,
    visit_id: str,
    entries: list[dict[str, str]],
    pending: dict[str, str],
    situation: str,
    arrangement: str | None,
) -> RoutineOutcome:
    """Tick, untick or type one situation of the plan; an entry is stored once its arrangement is valid."""
    key = f"{ROUTINE}.{situation}"
    lo, hi = ARRANGEMENT_CHARS
    by_situation = {e["situation"]: e["arrangement"] for e in entries}
    waiting = {k.removeprefix(f"{ROUTINE}."): t for k, t in pending.items()}
    by_situation.pop(situation, None)
    waiting.pop(situation, None)
    problems: dict[str, str] = {}
    if arrangement is not None:
        text = arrangement.strip()
        if lo <= len(text) <= hi and len(by_situation) < MAX_OUT_OF_ROUTINE:
            by_situation[situation] = text
        else:
            waiting[situation] = arrangement
            problems[key] = (
                f"write the family's own arrangement ({lo} to {hi} characters)"
                if len(text) <= hi
                else f"must be at most {hi} characters"
            )
    new_entries = [{"situation": s, "arrangement": a} for s, a in by_situation.items()] or None
    if not by_situation and waiting:
        new_entries = None
    new_pending = {f"{ROUTINE}.{s}": t for s, t in waiting.items()}
    changes: dict[str, str | None] = {**{k: None for k in pending}, **new_pending}
    wrong = _save(store, visit_id, ROUTINE, new_entries, changes)
    if wrong:
        raise AnswerError(ROUTINE, wrong)
    others = {
        f"{ROUTINE}.{s}": "write the family's own arrangement" for s, t in waiting.items() if not t.strip()
    }
    return RoutineOutcome(new_entries, new_pending, {**others, **problems})
