"""One visit being recorded: every answer is validated and autosaved to the draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import flet as ft

from app.services import leaflets, visits
from app.services.problems import AnswerError
from app.ui.questions import NOTE_FIELDS, QUESTION_BY_PATH

WEIGHT_PATHS = {"kg": "baby.birth_weight_kg", "lb": "baby.birth_weight_lb"}


def _parse_number(text: str, *, whole: bool) -> Any:
    """The number typed, or the text itself so the domain names the field and range."""
    try:
        return int(text) if whole else float(text)
    except ValueError:
        return text


@ft.observable
@dataclass
class VisitState:
    """The open visit: answers by dotted path, the live review, signed or draft."""

    visit_id: str = ""
    family_id: str = ""
    family_name: str = ""
    baby_name: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)  # exactly what was typed, as shown
    errors: dict[str, str] = field(default_factory=dict)
    weight_unit: str = "kg"
    signed: bool = False
    leaflet_given: bool = False
    amendments: list[visits.Amendment] = field(default_factory=list)
    review: visits.Review | None = None
    saved: str = ""
    _store: Any = field(default=None, repr=False)

    # ------------------------------------------------------------------ loading
    def open(self, store: Any, visit_id: str) -> None:
        """Load a visit (draft or signed) from the store: nothing typed before is lost."""
        rec = visits.load_visit(store=store, visit_id=visit_id)
        self._store = store
        self.visit_id, self.family_id = rec.visit_id, rec.family_id
        self.family_name, self.baby_name = rec.family_name, rec.baby_name
        self.answers = dict(rec.answers)
        self.notes = dict(rec.notes)
        self.raw, self.errors = {}, {}
        self.weight_unit = "lb" if "baby.birth_weight_lb" in rec.answers else "kg"
        self.signed, self.leaflet_given = rec.signed, rec.leaflet_given
        self.amendments = list(rec.amendments)
        self.review = visits.review(self.answers)
        self.saved = ""

    # ------------------------------------------------------------------ answering
    def value(self, path: str) -> Any:
        if path == "baby.birth_weight":
            return self.answers.get(WEIGHT_PATHS[self.weight_unit])
        return self.answers.get(path)

    def text(self, path: str) -> str:
        """What a text field shows: the typed text if invalid, else the saved answer."""
        if path in self.raw:
            return self.raw[path]
        if path.startswith("notes."):
            return self.notes.get(path.removeprefix("notes."), "")
        value = self.value(path)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer() and path != "baby.birth_weight":
            return str(int(value))
        return str(value)

    def answer(self, path: str, value: Any) -> bool:
        """Record one answer (None = not recorded), autosave it, refresh the review."""
        if self.signed:
            self.errors = {**self.errors, path: visits.SIGNED_MESSAGE}
            return False
        try:
            visits.save_answer(store=self._store, visit_id=self.visit_id, path=path, value=value)
        except AnswerError as exc:
            self.errors = {**self.errors, path: exc.message}
            return False
        answers = dict(self.answers)
        if value is None:
            answers.pop(path, None)
        else:
            answers[path] = value
        self.answers = answers
        self.errors = {p: m for p, m in self.errors.items() if p != path}
        self.raw = {p: t for p, t in self.raw.items() if p != path}
        self.review = visits.review(self.answers)
        self.saved = "Saved"
        return True

    def answer_text(self, path: str, text: str, *, final: bool = True) -> bool:
        """A typed answer: numbers and dates are parsed; an empty field is "not recorded".

        While typing (`final=False`) an invalid value is kept on screen without an error;
        when the field is left (`final=True`) the error is shown next to it.
        """
        typed, text = text, text.strip()
        if path.startswith("notes."):
            return self.note(path.removeprefix("notes."), typed, final=final)
        if path == "baby.birth_weight":
            path = WEIGHT_PATHS[self.weight_unit]
            shown = "baby.birth_weight"
        else:
            shown = path
        q = QUESTION_BY_PATH.get(shown)
        kind = q.kind if q else "text"
        value: Any = None
        if text:
            value = (
                _parse_number(text, whole=kind == "integer")
                if kind in ("integer", "number", "weight")
                else text
            )
        problem = visits.check_answer(answers=self.answers, path=path, value=value)
        if not final:
            # While typing nothing observable changes (no re-render races the keyboard),
            # but a valid answer is saved at once: killing the app loses nothing typed.
            dict.__setitem__(self.raw, shown, typed)
            return problem is None and self._save_quietly(path, value)
        if problem:
            self.raw = {**self.raw, shown: typed}
            self.errors = {**self.errors, shown: problem}
            return False
        ok = self.answer(path, value)
        if ok:
            self.errors = {p: m for p, m in self.errors.items() if p != shown}
            self.raw = {**self.raw, shown: typed}  # keep exactly what is typed on screen
        return ok

    def _save_quietly(self, path: str, value: Any) -> bool:
        if self.signed:
            return False
        try:
            visits.save_answer(store=self._store, visit_id=self.visit_id, path=path, value=value)
        except AnswerError:
            return False
        if value is None:
            dict.pop(self.answers, path, None)
        else:
            dict.__setitem__(self.answers, path, value)
        return True

    def set_weight_unit(self, unit: str) -> None:
        """Switch kg/lb: a weight already recorded is converted, never lost."""
        if unit not in WEIGHT_PATHS:
            raise ValueError("weight unit: must be one of: kg, lb")
        if unit == self.weight_unit:
            return
        old_path, new_path = WEIGHT_PATHS[self.weight_unit], WEIGHT_PATHS[unit]
        old = self.answers.get(old_path)
        self.weight_unit = unit
        if old is not None and not self.signed:
            converted = visits.convert_weight(old, to=unit)
            self.answer(old_path, None)
            self.answer(new_path, converted)

    def toggle(self, path: str, option: str, on: bool) -> bool:
        """Multi-choice answers: add or remove one option; unticking the last = not recorded."""
        current = list(self.answers.get(path) or [])
        if on and option not in current:
            current.append(option)
        elif not on and option in current:
            current.remove(option)
        return self.answer(path, current or None)

    def note(self, name: str, text: str, *, final: bool = True) -> bool:
        """Notes: what the parents said, observed, agreed, follow-up date (autosaved)."""
        if name not in NOTE_FIELDS:
            raise ValueError(f"note: must be one of: {', '.join(NOTE_FIELDS)}")
        key = f"notes.{name}"
        if self.signed:
            if final:
                self.errors = {**self.errors, key: visits.SIGNED_MESSAGE}
            return False
        notes = {**self.notes, name: text}
        try:
            visits.save_notes(store=self._store, visit_id=self.visit_id, notes=notes)
        except AnswerError as exc:
            if final:
                self.raw = {**self.raw, key: text}
                self.errors = {**self.errors, key: exc.message}
            else:
                dict.__setitem__(self.raw, key, text)
            return False
        if not final:
            dict.__setitem__(self.notes, name, text)
            dict.__setitem__(self.raw, key, text)
            return True
        self.notes = notes
        self.errors = {p: m for p, m in self.errors.items() if p != key}
        self.raw = {**self.raw, key: text}
        self.saved = "Saved"
        return True

    # ------------------------------------------------------------------ closing
    def sign(self, reason: str = "") -> bool:
        """Sign the visit; core questions not asked need a reason (e.g. "parent declined to answer")."""
        if self.signed:
            return False
        if self.errors:
            self.saved = "Correct the answers marked in red before signing"
            return False
        try:
            visits.sign(store=self._store, visit_id=self.visit_id, incomplete_reason=reason.strip() or None)
        except AnswerError as exc:
            self.errors = {**self.errors, exc.path: exc.message}
            self.saved = f"Not signed: {exc.message}"
            return False
        self.signed = True
        self.saved = "Signed"
        return True

    def amend(self, *, reason: str, path: str, value: Any) -> bool:
        """A correction to a signed visit: an amendment with a reason."""
        if not reason.strip():
            self.errors = {**self.errors, "amend.reason": "Reason: say why the visit is amended"}
            return False
        try:
            visits.amend(
                store=self._store, visit_id=self.visit_id, reason=reason.strip(), changes={path: value}
            )
        except AnswerError as exc:
            self.errors = {**self.errors, "amend.value": exc.message}
            return False
        self.open(self._store, self.visit_id)
        return True

    def record_leaflet(self, pdf: bytes) -> None:
        """Record that this leaflet (these bytes) was given to the family."""
        leaflets.record_leaflet(store=self._store, visit_id=self.visit_id, pdf=pdf)
        self.leaflet_given = True
