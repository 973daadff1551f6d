"""One visit being recorded: the screen is the record.

A valid answer is saved at once; text that is not (yet) a valid answer is kept as pending input
beside the draft (persisted, so a kill loses nothing) and the stored answer is "not recorded".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import flet as ft

from app.domain.guidance import Guidance
from app.services import visits
from app.services.guidance import guidance_now
from app.services.problems import AnswerError
from app.services.typed import TypedAnswer, parse_typed, shown_text
from app.ui.presenters import risk_word
from app.ui.questions import NOTE_FIELDS, QUESTION_BY_PATH, words_for
from app.ui.state.visit_closing import VisitClosing
from app.ui.state.visit_words import amendment_line, last_time_words, signed_line

WEIGHT_PATHS = {"kg": "baby.birth_weight_kg", "lb": "baby.birth_weight_lb"}
WEIGHT = "baby.birth_weight_kg"  # the question; its answer is stored under the unit's path
NOT_SAVED = "This answer is not saved yet: "
NOT_SAVED_STATUS = "Not saved yet: see red"


def not_saved(message: str) -> str:
    return NOT_SAVED + message


@ft.observable
@dataclass
class VisitState(VisitClosing):
    """The open visit: answers by dotted path, pending text, the live review, signed or draft."""

    visit_id: str = ""
    family_id: str = ""
    baby_id: str = ""
    family_name: str = ""
    baby_name: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)  # question path -> text not saved as an answer
    errors: dict[str, str] = field(default_factory=dict)
    weight_unit: str = "kg"
    signed: bool = False
    leaflet_given: bool = False
    amendments: list[str] = field(default_factory=list)
    review: visits.Review | None = None
    saved: str = ""
    last_time: str = ""
    people: list[visits.PersonChoice] = field(default_factory=list)
    signed_note: str = ""
    edits: int = 0  # bumped when a field is left: the screen redraws from what was saved quietly
    _store: Any = field(default=None, repr=False)
    _trail: list[str] = field(default_factory=list, repr=False)
    _focus: str = field(default="", repr=False)
    _typed: dict[str, str] = field(default_factory=dict, repr=False)  # valid text as typed
    _gone: str = field(default="", repr=False)  # the draft just discarded
    _guidance: Guidance | None = field(default=None, repr=False)
    _on_typing: Callable[[], None] = field(default=lambda: None, repr=False)  # typing is activity

    def on_typing(self, listener: Callable[[], None]) -> None:
        """Call `listener` on every key typed into a field (it saves quietly: no change is notified)."""
        self._on_typing = listener

    def _review(self) -> visits.Review:
        """The review of the answers now, worded with the guidance read when the visit opened."""
        return visits.review(self.answers, guidance=self._guidance)

    # ------------------------------------------------------------------ loading
    def open(self, store: Any, visit_id: str) -> None:
        """Load a visit (draft or signed) from the store: nothing typed before is lost."""
        rec = visits.load_visit(store=store, visit_id=visit_id)
        self._store = store
        self._guidance = guidance_now(store=store)  # once per visit, not once per tap
        self.visit_id, self.family_id, self.baby_id = rec.visit_id, rec.family_id, rec.baby_id
        self.family_name, self.baby_name = rec.family_name, rec.baby_name
        self.answers = dict(rec.answers)
        self.notes = dict(rec.notes)
        pending = dict(rec.pending or {})
        in_lb = "baby.birth_weight_lb" in rec.answers or WEIGHT_PATHS["lb"] in pending
        self.weight_unit = "lb" if in_lb else "kg"
        if WEIGHT_PATHS["lb"] in pending:  # pending weight text is kept under its unit's path
            pending[WEIGHT] = pending.pop(WEIGHT_PATHS["lb"])
        self.pending = pending
        self.errors = {p: not_saved(self._pending_problem(p, t)) for p, t in self.pending.items()}
        self.signed, self.leaflet_given = rec.signed, rec.leaflet_given
        self.amendments = [amendment_line(a) for a in rec.amendments]
        reason = visits.signed_reason(store=store, visit_id=visit_id) if rec.signed else ""
        self.signed_note = signed_line(rec, reason)
        self.last_time = last_time_words(rec.last)
        self.people = list(rec.people)
        self.review = self._review()
        self.saved = ""
        self._trail, self._focus, self._typed = [], "", {}

    def _pending_problem(self, path: str, text: str) -> str:
        """Why restored pending text is not an answer (re-read with the question's own rules)."""
        if path.startswith("plan.out_of_routine."):
            return "write the family's own arrangement"
        q = QUESTION_BY_PATH.get(path)
        kind = q.kind if q else "text"
        key = path if path.startswith("notes.") else self.stored_path(path)
        return parse_typed(kind, key, text).problem or "not a valid answer"

    def refresh_people(self) -> None:
        """Re-read the family's people (someone may have been added since the visit opened)."""
        if self._store is not None and self.family_id:
            people = visits.family_people(store=self._store, family_id=self.family_id)
            if people != tuple(self.people):
                self.people = list(people)

    def forget(self) -> None:
        """The store locked: drop the open visit (the address reopens it after unlocking)."""
        self._store = None
        self.visit_id, self.answers, self.notes, self.pending, self.review = "", {}, {}, {}, None
        self.errors, self._typed, self._trail = {}, {}, []

    @property
    def risk_word(self) -> str:
        return risk_word(self.review.risk_level) if self.review else ""

    # ------------------------------------------------------------------ navigation memory
    def note_location(self, here: str) -> None:
        """Remember the screens of this visit in the order they were reached (for Back)."""
        t = self._trail
        if t and t[-1] == here:
            return
        if len(t) >= 2 and t[-2] == here:
            t.pop()
            return
        t.append(here)
        del t[:-30]

    def back_target(self, here: str, parent: str) -> str:
        t = self._trail
        return t[-2] if len(t) >= 2 and t[-1] == here else parent

    def focus_on(self, path: str) -> None:
        """Scroll to this question when its step opens (from the review)."""
        self._focus = path

    def take_focus(self) -> str:
        path, self._focus = self._focus, ""
        return path

    # ------------------------------------------------------------------ reading
    def stored_path(self, path: str) -> str:
        return WEIGHT_PATHS[self.weight_unit] if path == WEIGHT else path

    def value(self, path: str) -> Any:
        if path.startswith("notes."):
            return self.notes.get(path.removeprefix("notes.")) or None
        return self.answers.get(self.stored_path(path))

    def text(self, path: str) -> str:
        """What a text field shows: the pending text, else the answer as it was typed or stored."""
        if path in self.pending:
            return self.pending[path]
        if path in self._typed:
            return self._typed[path]
        return shown_text(self.stored_path(path), self.value(path))

    def words(self, path: str) -> str:
        return words_for(self.stored_path(path), self.value(path))

    # ------------------------------------------------------------------ answering
    def _refused(self, path: str) -> bool:
        if self.signed:
            self.errors = {**self.errors, path: visits.SIGNED_MESSAGE}
        return self.signed

    def answer(self, path: str, value: Any) -> bool:
        """Record one answer (None = not recorded), autosave it, refresh the review."""
        if self._store is None:  # locked (a field left as the store locks): nothing to save into
            return False
        if self._refused(path):
            return False
        stored = self.stored_path(path)
        try:
            visits.save_answer(store=self._store, visit_id=self.visit_id, path=stored, value=value)
        except AnswerError as exc:
            self.errors = {**self.errors, path: exc.message}
            return False
        answers = dict(self.answers)
        if value is None:
            answers.pop(stored, None)
        else:
            answers[stored] = value
        self.answers = answers
        self._forget(path)
        self.review = self._review()
        self.saved = "Saved"
        return True

    def _forget(self, path: str) -> None:
        if path in self.errors:
            self.errors = {p: m for p, m in self.errors.items() if p != path}
        if path in self.pending:
            self.pending = {p: t for p, t in self.pending.items() if p != path}

    def answer_text(self, path: str, text: str, *, final: bool = True) -> bool:
        """A typed answer. Valid: saved as the answer. Not valid: kept as pending text, answer cleared.

        While typing (`final=False`) it is saved quietly (no re-render races the keyboard);
        when the field is left (`final=True`) the screen says what is not saved yet.
        """
        self._on_typing()
        if self._store is None:
            return False
        if path.startswith("notes."):
            return self.note(path.removeprefix("notes."), text, final=final)
        if self.signed:
            if final:
                self._refused(path)
            return False
        q = QUESTION_BY_PATH.get(path)
        parsed: TypedAnswer = parse_typed(q.kind if q else "text", self.stored_path(path), text)
        stored = self.stored_path(path)
        outcome = visits.save_typed(
            store=self._store,
            visit_id=self.visit_id,
            path=stored,
            question=stored if path == WEIGHT else path,
            value=parsed.value,
            pending=text if parsed.problem else None,
            problem=parsed.problem,
            had_answer=stored in self.answers,
            had_pending=path in self.pending,
        )
        problem = outcome.problem
        if not final:
            self._apply_quietly(path, stored, parsed.value if problem is None else None, text, problem)
            return problem is None
        answers = {p: v for p, v in self.answers.items() if p != stored}
        if problem is None and parsed.value is not None:
            answers[stored] = parsed.value
        self.answers = answers
        if problem is None:
            self._forget(path)
            self._typed[path] = text
        else:
            self.pending = {**self.pending, path: text}
            self.errors = {**self.errors, path: not_saved(problem)}
        self.review = self._review()
        self.saved = "Saved" if problem is None else NOT_SAVED_STATUS
        self.edits += 1
        return problem is None

    def _apply_quietly(self, path: str, stored: str, value: Any, text: str, problem: str | None) -> None:
        """Keep the state in line with the disk without notifying (no re-render while typing)."""
        if value is None:
            dict.pop(self.answers, stored, None)
        else:
            dict.__setitem__(self.answers, stored, value)
        if problem is None:
            dict.pop(self.pending, path, None)
            self._typed[path] = text
        else:
            dict.__setitem__(self.pending, path, text)

    def set_weight_unit(self, unit: str) -> None:
        """Switch kg/lb: a weight already recorded is converted, never lost."""
        if unit not in WEIGHT_PATHS:
            raise ValueError("weight unit: must be one of: kg, lb")
        if unit == self.weight_unit:
            return
        old_path, new_path = WEIGHT_PATHS[self.weight_unit], WEIGHT_PATHS[unit]
        old = self.answers.get(old_path)
        self.weight_unit = unit
        self._typed.pop(WEIGHT, None)
        if old is not None and not self.signed:
            converted = visits.convert_weight(old, to=unit)
            visits.save_answers(
                store=self._store, visit_id=self.visit_id, answers={old_path: None, new_path: converted}
            )
            answers = {p: v for p, v in self.answers.items() if p != old_path}
            answers[new_path] = converted
            self.answers = answers
            self.review = self._review()
        elif WEIGHT in self.pending:  # re-check the pending text in the new unit
            visits.set_pending(store=self._store, visit_id=self.visit_id, changes={old_path: None})
            self.answer_text(WEIGHT, self.pending[WEIGHT])

    def toggle(self, path: str, option: str, on: bool) -> bool:
        """Multi-choice answers: add or remove one option; unticking the last = not recorded."""
        current = list(self.answers.get(path) or [])
        if on and option not in current:
            current.append(option)
        elif not on and option in current:
            current.remove(option)
        return self.answer(path, current or None)

    def toggle_person(self, person: visits.PersonChoice, on: bool) -> bool:
        """Who was present: one of the family's people ticked or unticked."""
        current = [p for p in (self.answers.get("visit.present") or []) if p != person.as_answer()]
        if on:
            current.append(person.as_answer())
        return self.answer("visit.present", current or None)

    # ------------------------------------------------------------------ the out-of-routine plan
    def routine_text(self, situation: str) -> str | None:
        """The family's arrangement for a situation (None: not ticked)."""
        key = f"plan.out_of_routine.{situation}"
        if key in self.pending:
            return self.pending[key]
        for e in self.answers.get("plan.out_of_routine") or []:
            if e.get("situation") == situation:
                return str(e.get("arrangement", ""))
        return None

    def set_routine(self, situation: str, arrangement: str | None, *, final: bool = True) -> bool:
        """Tick (arrangement "" or text), untick (None) or type a situation's arrangement."""
        self._on_typing()
        if self._store is None or self._refused("plan.out_of_routine"):
            return False
        outcome = visits.save_routine(
            store=self._store,
            visit_id=self.visit_id,
            entries=self.answers.get("plan.out_of_routine") or [],
            pending={p: t for p, t in self.pending.items() if p.startswith("plan.out_of_routine.")},
            situation=situation,
            arrangement=arrangement,
        )
        key = f"plan.out_of_routine.{situation}"
        if not final:
            if outcome.entries is None:
                dict.pop(self.answers, "plan.out_of_routine", None)
            else:
                dict.__setitem__(self.answers, "plan.out_of_routine", outcome.entries)
            for k in [k for k in self.pending if k.startswith("plan.out_of_routine.")]:
                dict.pop(self.pending, k)
            for k, t in outcome.pending.items():
                dict.__setitem__(self.pending, k, t)
            return outcome.problem is None
        answers = {p: v for p, v in self.answers.items() if p != "plan.out_of_routine"}
        if outcome.entries is not None:
            answers["plan.out_of_routine"] = outcome.entries
        self.answers = answers
        others = {p: t for p, t in self.pending.items() if not p.startswith("plan.out_of_routine.")}
        self.pending = {**others, **outcome.pending}
        errors = {p: m for p, m in self.errors.items() if not p.startswith("plan.out_of_routine.")}
        errors.update({k: not_saved(m) for k, m in outcome.problems.items()})
        self.errors = errors
        self.review = self._review()
        self.saved = "Saved" if not outcome.problems else NOT_SAVED_STATUS
        self.edits += 1
        return key not in outcome.problems

    # ------------------------------------------------------------------ notes
    def note(self, name: str, text: str, *, final: bool = True) -> bool:
        """Notes: what the parents said, observed, agreed; the follow-up date (autosaved)."""
        if name not in NOTE_FIELDS:
            raise ValueError(f"note: must be one of: {', '.join(NOTE_FIELDS)}")
        self._on_typing()
        if self._store is None:
            return False
        key = f"notes.{name}"
        if self.signed:
            if final:
                self.errors = {**self.errors, key: visits.SIGNED_MESSAGE}
            return False
        outcome = visits.save_note(store=self._store, visit_id=self.visit_id, name=name, text=text)
        if not final:
            if outcome.problem is None:
                dict.__setitem__(self.notes, name, outcome.stored)
                dict.pop(self.pending, key, None)
            else:
                dict.__setitem__(self.notes, name, "")
                dict.__setitem__(self.pending, key, text)
            return outcome.problem is None
        self.notes = {**self.notes, name: outcome.stored if outcome.problem is None else ""}
        if outcome.problem is None:
            self._forget(key)
            self._typed[key] = text
        else:
            self.pending = {**self.pending, key: text}
            self.errors = {**self.errors, key: not_saved(outcome.problem)}
        self.saved = "Saved" if outcome.problem is None else NOT_SAVED_STATUS
        self.edits += 1
        return outcome.problem is None
