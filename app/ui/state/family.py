"""The family screen's state: the household card, and adding or changing its people."""

from __future__ import annotations

from dataclasses import dataclass, field

import flet as ft

from app.services import families
from app.services.families import FamilyCard, Person, PersonInput, PersonKind
from app.services.problems import FormProblems
from app.ui.state.sync import StoreSource


@ft.observable
@dataclass
class FamilyState:
    source: StoreSource
    family_id: str = ""
    card: FamilyCard | None = None
    errors: dict[str, str] = field(default_factory=dict)
    message: str = ""

    def open(self, family_id: str) -> None:
        """Load the household (again, after a change): babies, people, drafts, chronology."""
        card = families.family(store=self.source.store, family_id=family_id)
        self.family_id, self.card = family_id, card
        self.errors = {}

    def person(self, kind: PersonKind, index: int) -> Person | None:
        if self.card is None:
            return None
        people = self.card.carers if kind == "carer" else self.card.other_adults
        return people[index] if 0 <= index < len(people) else None

    def save_person(self, kind: PersonKind, typed: PersonInput, index: int | None = None) -> bool:
        """Add or change a carer or another adult; each problem is shown next to its field."""
        try:
            saved = families.save_person(
                store=self.source.store, family_id=self.family_id, kind=kind, typed=typed, index=index
            )
        except FormProblems as exc:
            self.errors = dict(exc.problems)
            return False
        self.open(self.family_id)
        self.message = f"{saved.name} {'added' if index is None else 'saved'}"
        return True

    def clear_message(self) -> None:
        self.message, self.errors = "", {}

    def forget(self) -> None:
        self.family_id, self.card, self.errors, self.message = "", None, {}, ""
