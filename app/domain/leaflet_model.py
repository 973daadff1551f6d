"""The family leaflet's content model: plain, family-safe data the renderer prints, and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

MOST_IMPORTANT_MAX = 3


class Paper(StrEnum):
    """The leaflet's paper sizes: the one list the CLI, the app and the server offer."""

    a4 = "a4"
    letter = "letter"
    phone = "phone"  # a narrow single-column page, read on a phone without zooming

    @property
    def label(self) -> str:
        """How people and the device store name it: "A4", "Letter", "Phone"."""
        return {"a4": "A4", "letter": "Letter", "phone": "Phone"}[self.value]

    @classmethod
    def parse(cls, value: str) -> Paper:
        """`value` in any case; ValueError naming the choices otherwise."""
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise ValueError(f"paper: must be one of {', '.join(cls)} (got {value!r})") from None


class Picture(StrEnum):
    """The leaflet's pictograms (drawn by app.leaflet.pictograms); labels live in guidance.toml."""

    back_to_sleep = "back_to_sleep"
    clear_cot = "clear_cot"
    same_room = "same_room"
    smoke_free = "smoke_free"
    no_sofa = "no_sofa"
    no_airbed = "no_airbed"
    room_temperature = "room_temperature"
    car_seat = "car_seat"
    sling = "sling"
    no_bed_sharing = "no_bed_sharing"
    safer_bed = "safer_bed"
    extra_care = "extra_care"
    plan_ahead = "plan_ahead"
    twins = "twins"
    swaddle = "swaddle"
    head_uncovered = "head_uncovered"
    baby_check = "baby_check"
    no_others_in_bed = "no_others_in_bed"


@dataclass(frozen=True, slots=True)
class LeafletItem:
    """A heading and its plain-English text for the family, with its picture if it has one."""

    title: str
    text: str
    picture: Picture | None = None
    picture_label: str = ""


@dataclass(frozen=True, slots=True)
class ChangeItem:
    """One thing to change: one sentence to act on, the rest of the advice, and a picture."""

    codes: tuple[str, ...]  # the factors this one message stands for
    high: bool
    title: str
    headline: str
    detail: str
    picture: Picture | None
    picture_label: str
    source_url: str

    @property
    def code(self) -> str:
        return self.codes[0]

    @property
    def text(self) -> str:
        return f"{self.headline} {self.detail}".strip()


@dataclass(frozen=True, slots=True)
class BedSharingBlock:
    """Either "sharing a bed is not safe for <baby> because ..." or the safer bed-sharing checklist."""

    safe_to_discuss: bool  # True: the safer bed-sharing checklist; False: not safe for this baby
    headline: str
    lines: tuple[str, ...]  # the checklist (safer) or where baby sleeps instead (not safe)
    picture: Picture
    picture_label: str
    source_url: str
    listed_as_change: bool  # the family shares a bed: printed among the things to change


@dataclass(frozen=True, slots=True)
class NightPlan:
    """One out-of-routine situation the family expects, with their own arrangement, in their words."""

    situation: str  # the situation's heading, e.g. "A night away from home"
    arrangement: str


@dataclass(frozen=True, slots=True)
class Contact:
    practitioner_name: str | None
    practitioner_phone: str | None
    team_name: str | None
    team_phone: str | None
    information_line: str
    information_line_name: str


@dataclass(frozen=True, slots=True)
class LinkedPage:
    url: str
    label: str


@dataclass(frozen=True, slots=True)
class LeafletContent:
    """Everything the leaflet prints, and nothing else."""

    baby_name: str | None
    visit_date: date | None
    contact: Contact
    reassurance: str | None  # only when the risk level is low
    protective: tuple[LeafletItem, ...]
    changes: tuple[ChangeItem, ...]  # one per risk, most serious first
    extra_care: tuple[LeafletItem, ...]
    bed_sharing: BedSharingBlock | None
    nights: tuple[NightPlan, ...]  # "Your plan for nights that are different"
    plan_ahead: LeafletItem | None  # the advice for every family on planning ahead
    key_messages: tuple[LeafletItem, ...]
    plan: tuple[str, ...]
    follow_up_date: date | None
    linked_pages: tuple[LinkedPage, ...]
    scan_hint: str  # how to open the linked pages from paper
    guidance_version: str
    generated_on: date

    @property
    def title(self) -> str:
        return f"Safer sleep for {self.baby_words}"

    @property
    def baby_words(self) -> str:
        """The baby's first name, or "your baby"."""
        return self.baby_name or "your baby"

    @property
    def most_important(self) -> tuple[ChangeItem, ...]:
        return self.changes[:MOST_IMPORTANT_MAX]

    @property
    def more_changes(self) -> tuple[ChangeItem, ...]:
        return self.changes[MOST_IMPORTANT_MAX:]

    @property
    def practitioner_name(self) -> str | None:
        return self.contact.practitioner_name

    @property
    def practitioner_phone(self) -> str | None:
        return self.contact.practitioner_phone


def plain(text: str) -> str:
    """`text` with every run of whitespace as one space."""
    return " ".join(text.split())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def sentences(text: str) -> list[str]:
    """`text` split into its sentences (a full stop, ! or ? then a capital starts a new one)."""
    return [s for s in _SENTENCE_END.split(plain(text)) if s]


def first_name(name: str | None) -> str | None:
    """The first word of the baby's recorded name, or None when none was given."""
    words = (name or "").split()
    return words[0] if words else None
