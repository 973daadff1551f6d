"""What the family advice leaflet may print: built from a visit and its assessment.

Holds ONLY family-safe content. The family context (domestic abuse, mental health, substance
misuse, unidentified adults, social care, a previous infant death, advice declined, a planned
change of routine) and every practitioner note stay out: the sheet stays in the home.

One message per risk: a factor that is the reason another applies is merged into it (born early +
sharing a bed with a baby born early = one item), and no sentence is printed twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any
from urllib.parse import urlparse

from app.domain.assessment import Assessment, Factor, RiskLevel, Severity
from app.domain.guidance import Guidance, load_guidance
from app.domain.visit import Visit


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


FACTOR_PICTURES: dict[str, Picture] = {
    "sofa_or_armchair_sharing": Picture.no_sofa,
    "airbed_sharing": Picture.no_airbed,
    "not_on_back": Picture.back_to_sleep,
    "smoking": Picture.smoke_free,
    "items_in_sleep_space": Picture.clear_cot,
    "unsuitable_mattress": Picture.clear_cot,
    "room_temperature": Picture.room_temperature,
    "not_room_sharing": Picture.same_room,
    "unsafe_sleep_place": Picture.car_seat,
    "premature": Picture.extra_care,
    "low_birth_weight": Picture.extra_care,
}
# Bed-sharing factors whose reason is a danger: printed as ONE "sharing a bed is not safe" item.
BED_SHARING_DANGERS: dict[str, str] = {  # factor code -> its reason in [leaflet.bed_sharing_reasons]
    "bed_sharing_premature": "premature",
    "bed_sharing_low_birth_weight": "low_birth_weight",
    "bed_sharing_with_smoker": "smoker",
    "bed_sharing_after_alcohol_or_drugs": "alcohol_or_drugs",
    "bed_sharing_extreme_tiredness": "extreme_tiredness",
}
# A factor that is the reason another applies is merged into that other one.
MERGED_INTO = {"premature": "bed_sharing_premature", "low_birth_weight": "bed_sharing_low_birth_weight"}
EXTRA_CARE_CODES = ("premature", "low_birth_weight")  # "extra care", never "things to change"
BED_SHARING_ITEM = "bed_sharing_not_safe"
BED_SHARING_SAFER = "bed_sharing_safety_advice"
MOST_IMPORTANT_MAX = 3

# Prompts whose family advice is printed for EVERY family (never only when recorded), so the sheet
# does not hint at the recorded context.
PLAN_AHEAD_CODE = "out_of_routine_plan"

# Friendly names for the pages the QR codes link to; other pages are named by their host.
PAGE_LABELS: dict[str, str] = {
    "https://www.lullabytrust.org.uk/safer-sleep-advice/": "Safer sleep advice",
    "https://www.lullabytrust.org.uk/baby-safety/safer-sleep-information/room-temperature/": "Room temperature",  # noqa: E501
    "https://www.nice.org.uk/guidance/ng194/chapter/Recommendations": "Postnatal care (NICE)",
}
# Pages written for professionals about safeguarding reviews: never linked from a family sheet.
UNLINKED_HOSTS = frozenset({"www.gov.uk"})


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


def _plain(text: str) -> str:
    return " ".join(text.split())


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def sentences(text: str) -> list[str]:
    """`text` split into its sentences (a full stop, ! or ? then a capital starts a new one)."""
    return [s for s in _SENTENCE_END.split(_plain(text)) if s]


def first_name(name: str | None) -> str | None:
    """The first word of the baby's recorded name, or None when none was given."""
    words = (name or "").split()
    return words[0] if words else None


def _plan_lines(agreed_actions: str | list[str] | None) -> tuple[str, ...]:
    if agreed_actions is None:
        return ()
    lines = agreed_actions.splitlines() if isinstance(agreed_actions, str) else agreed_actions
    cleaned = (_plain(line).lstrip("-•* ").strip() for line in lines)
    return tuple(line for line in cleaned if line)


def page_label(url: str) -> str:
    return PAGE_LABELS.get(url) or urlparse(url).netloc.removeprefix("www.") or url


def _linked_pages(urls: list[str]) -> tuple[LinkedPage, ...]:
    seen: dict[str, None] = {}
    for url in urls:
        if url and urlparse(url).netloc not in UNLINKED_HOSTS:
            seen.setdefault(url, None)
    return tuple(LinkedPage(url, page_label(url)) for url in seen)


def _optional(text: str | None) -> str | None:
    return _plain(text) if text and text.strip() else None


def _joined(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


class _Once:
    """Drops any sentence already printed elsewhere on the sheet (nothing appears twice)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def keep(self, text: str) -> str:
        out = []
        for sentence in sentences(text):
            key = sentence.casefold().rstrip(".!?")
            if key not in self.seen:
                self.seen.add(key)
                out.append(sentence)
        return " ".join(out)


@dataclass(frozen=True, slots=True)
class _Words:
    """The [leaflet] wording of the guidance, with the baby's name filled in."""

    g: Guidance
    baby: str

    def __call__(self, key: str, **values: str) -> str:
        text = self.g.leaflet.get(key, "")
        for name, value in {"baby": self.baby, **values}.items():
            text = text.replace("{" + name + "}", value)
        return _plain(text)

    def label(self, picture: Picture | None) -> str:
        return self(f"pictures.{picture.value}") if picture else ""


def bed_sharing_reasons(visit: Visit, codes: frozenset[str]) -> list[str]:
    """The reason keys that make bed-sharing dangerous for this baby, most personal first."""
    c = visit.carers
    reasons = []
    premature, small = "premature" in codes, "low_birth_weight" in codes
    if premature and small:
        reasons.append("premature_and_low_birth_weight")
    elif premature or small:
        reasons.append("premature" if premature else "low_birth_weight")
    if c.smoker_in_household is True:
        reasons.append("smoker")
    if c.alcohol is True or c.drugs is True or c.sedating_medication is True:
        reasons.append("alcohol_or_drugs")
    if c.extreme_tiredness is True:
        reasons.append("extreme_tiredness")
    return reasons


def _bed_sharing(
    visit: Visit, assessment: Assessment, g: Guidance, words: _Words, once: _Once
) -> BedSharingBlock | None:
    reasons = bed_sharing_reasons(visit, assessment.codes)
    listed = any(code in assessment.codes for code in BED_SHARING_DANGERS)
    not_safe = listed or "bed_sharing_not_safe" in assessment.prompts
    if not_safe and reasons:
        text = words(
            "bed_sharing_not_safe", reasons=_joined([words(f"bed_sharing_reasons.{r}") for r in reasons])
        )
        lines = tuple(s for s in [once.keep(words("sleep_instead"))] if s)
        picture = Picture.no_bed_sharing
        source = g["bed_sharing_not_safe"].source_url if "bed_sharing_not_safe" in g.entries else ""
        return BedSharingBlock(False, once.keep(text), lines, picture, words.label(picture), source, listed)
    if BED_SHARING_SAFER not in assessment.prompts or not g[BED_SHARING_SAFER].family_advice:
        return None
    checklist = tuple(s for s in (once.keep(s) for s in sentences(g[BED_SHARING_SAFER].family_advice)) if s)
    picture = Picture.safer_bed
    return BedSharingBlock(
        True,
        words("safer_bed_sharing_intro"),
        checklist,
        picture,
        words.label(picture),
        g[BED_SHARING_SAFER].source_url,
        False,
    )


def _change(factor: Factor, words: _Words, once: _Once) -> ChangeItem:
    first, *rest = sentences(factor.advice) or [""]
    picture = FACTOR_PICTURES.get(factor.code)
    return ChangeItem(
        (factor.code,),
        factor.severity is Severity.high,
        factor.title,
        once.keep(first),
        once.keep(" ".join(rest)),
        picture,
        words.label(picture),
        factor.source_url,
    )


def ordered_factors(assessment: Assessment) -> list[Factor]:
    """The factors, high severity first (otherwise in the rules' order)."""
    return sorted(assessment.factors, key=lambda f: f.severity is not Severity.high)


def _changes(
    assessment: Assessment, block: BedSharingBlock | None, words: _Words, once: _Once
) -> tuple[ChangeItem, ...]:
    """One item per risk, high first (the merged bed-sharing item where its first factor was)."""
    out: list[ChangeItem] = []
    for f in ordered_factors(assessment):
        if f.code in EXTRA_CARE_CODES:
            continue
        if f.code in BED_SHARING_DANGERS:
            if (
                block is not None
                and block.listed_as_change
                and not any(i.code == BED_SHARING_ITEM for i in out)
            ):
                merged = tuple(c for c in BED_SHARING_DANGERS if c in assessment.codes)
                merged += tuple(c for c, into in MERGED_INTO.items() if into in assessment.codes)
                out.append(
                    ChangeItem(
                        (BED_SHARING_ITEM, *merged),
                        True,
                        "Sharing a bed",
                        block.headline,
                        " ".join(block.lines),
                        block.picture,
                        block.picture_label,
                        block.source_url or f.source_url,
                    )
                )
            continue
        out.append(_change(f, words, once))
    return tuple(out)


def _extra_care(assessment: Assessment, words: _Words, once: _Once) -> tuple[LeafletItem, ...]:
    out = []
    for f in assessment.factors:
        if f.code in EXTRA_CARE_CODES and MERGED_INTO[f.code] not in assessment.codes:
            text = once.keep(f.advice)
            if text:
                out.append(LeafletItem(f.title, text, Picture.extra_care, words.label(Picture.extra_care)))
    return tuple(out)


def _key_messages(
    g: Guidance, shown: set[Picture | None], words: _Words, once: _Once
) -> tuple[LeafletItem, ...]:
    """The messages for every baby, less those a personal item above already gives."""
    out = []
    for m in g.key_messages:
        picture = Picture(m.picture) if m.picture in Picture.__members__ else None
        if picture is not None and picture in shown:
            continue
        text = once.keep(m.text)
        if text:
            out.append(LeafletItem("", text, picture, words.label(picture)))
    return tuple(out)


def _plan_ahead(g: Guidance, words: _Words, once: _Once) -> LeafletItem | None:
    """Planning ahead for nights away, visitors and celebrations: given to EVERY family."""
    if PLAN_AHEAD_CODE not in g.entries or not g[PLAN_AHEAD_CODE].family_advice:
        return None
    text = once.keep(g[PLAN_AHEAD_CODE].family_advice)
    return LeafletItem("", text, Picture.plan_ahead, words.label(Picture.plan_ahead)) if text else None


def _nights(visit: Visit, words: _Words) -> tuple[NightPlan, ...]:
    """The family's own plans for nights out of routine, as they agreed them."""
    plan: Any = getattr(visit, "plan", None)  # visit v2
    entries = getattr(plan, "out_of_routine", None) or ()
    out = []
    for entry in entries:
        situation = str(getattr(entry.situation, "value", entry.situation))
        heading = words(f"situations.{situation}") or situation.replace("_", " ").capitalize()
        arrangement = _plain(entry.arrangement)
        if arrangement:
            out.append(NightPlan(heading, arrangement))
    return tuple(out)


def leaflet_content(
    visit: Visit,
    assessment: Assessment,
    *,
    agreed_actions: str | list[str] | None = None,
    follow_up_date: date | None = None,
    generated_on: date,
    team_name: str | None = None,
    team_phone: str | None = None,
    guidance: Guidance | None = None,
) -> LeafletContent:
    """The family-safe content of the leaflet for one assessed visit."""
    g = guidance or load_guidance()
    baby = first_name(visit.baby.name)
    words = _Words(g, baby or "your baby")
    once = _Once()
    reassurance = words("nothing_to_change") if assessment.risk_level is RiskLevel.low else None
    protective = tuple(
        LeafletItem(g[code].title, once.keep(g[code].family_advice))
        for code in assessment.protective
        if g[code].family_advice
    )
    bed_sharing = _bed_sharing(visit, assessment, g, words, once)
    changes = _changes(assessment, bed_sharing, words, once)
    extra_care = _extra_care(assessment, words, once)
    shown = {c.picture for c in changes} | {bed_sharing.picture if bed_sharing else None}
    plan_ahead = _plan_ahead(g, words, once)
    messages = _key_messages(g, shown, words, once)
    urls = (
        [m.source_url for m in g.key_messages]
        + [g[code].source_url for code in assessment.protective]
        + [f.source_url for f in ordered_factors(assessment)]
        + ([bed_sharing.source_url] if bed_sharing else [])
    )
    return LeafletContent(
        baby_name=baby,
        visit_date=visit.visit.date,
        contact=Contact(
            practitioner_name=_optional(visit.practitioner.name),
            practitioner_phone=_optional(visit.practitioner.phone),
            team_name=_optional(team_name),
            team_phone=_optional(team_phone),
            information_line=g.information_line,
            information_line_name=g.information_line_name,
        ),
        reassurance=reassurance,
        protective=protective,
        changes=changes,
        extra_care=extra_care,
        bed_sharing=bed_sharing,
        nights=_nights(visit, words),
        plan_ahead=plan_ahead,
        key_messages=messages,
        plan=_plan_lines(agreed_actions),
        follow_up_date=follow_up_date,
        linked_pages=_linked_pages(urls),
        guidance_version=assessment.guidance_version,
        generated_on=generated_on,
    )
