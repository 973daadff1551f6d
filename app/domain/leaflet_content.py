"""What the family advice leaflet may print: built from a visit and its assessment.

Holds ONLY family-safe content. The family context (domestic abuse, mental health, substance
misuse, unidentified adults, a planned change of routine) and every practitioner note stay out:
the sheet stays in the home.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from app.domain.assessment import Assessment, RiskLevel, Severity
from app.domain.guidance import Guidance, load_guidance
from app.domain.visit import Visit

# Practitioner-only prompts are never printed. `out_of_routine_plan` is printed as a key message
# for EVERY family (never only when recorded), so the sheet does not hint at the recorded context.
PLAN_AHEAD_CODE = "out_of_routine_plan"
BED_SHARING_CODE = "bed_sharing_safety_advice"

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
    """A heading and its plain-English text for the family."""

    title: str
    text: str


@dataclass(frozen=True, slots=True)
class LeafletFactor:
    """One thing to change: the risk factor's family advice and where it comes from."""

    code: str
    high: bool
    title: str
    advice: str
    source_url: str


@dataclass(frozen=True, slots=True)
class LinkedPage:
    url: str
    label: str


@dataclass(frozen=True, slots=True)
class LeafletContent:
    """Everything the leaflet prints, and nothing else."""

    baby_name: str | None
    protective: tuple[LeafletItem, ...]
    factors: tuple[LeafletFactor, ...]
    bed_sharing: LeafletItem | None
    key_messages: tuple[str, ...]
    plan: tuple[str, ...]
    follow_up_date: date | None
    practitioner_name: str | None
    practitioner_phone: str | None
    information_line: str
    information_line_name: str
    linked_pages: tuple[LinkedPage, ...]
    guidance_version: str
    generated_on: date
    reassure: bool = False  # "nothing needs to change" may be printed only for a low-risk visit

    @property
    def title(self) -> str:
        return f"Safer sleep for {self.baby_name or 'your baby'}"

    @property
    def baby_words(self) -> str:
        """The baby's first name, or "your baby"."""
        return self.baby_name or "your baby"


def _plain(text: str) -> str:
    return " ".join(text.split())


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


def leaflet_content(
    visit: Visit,
    assessment: Assessment,
    *,
    agreed_actions: str | list[str] | None = None,
    follow_up_date: date | None = None,
    generated_on: date,
    guidance: Guidance | None = None,
) -> LeafletContent:
    """The family-safe content of the leaflet for one assessed visit."""
    g = guidance or load_guidance()
    protective = tuple(
        LeafletItem(g[code].title, _plain(g[code].family_advice))
        for code in assessment.protective
        if g[code].family_advice
    )
    ordered = sorted(assessment.factors, key=lambda f: f.severity is not Severity.high)
    factors = tuple(
        LeafletFactor(f.code, f.severity is Severity.high, f.title, _plain(f.advice), f.source_url)
        for f in ordered
    )
    bed_sharing = None
    if BED_SHARING_CODE in assessment.prompts and g[BED_SHARING_CODE].family_advice:
        bed_sharing = LeafletItem("Sharing a bed with your baby", _plain(g[BED_SHARING_CODE].family_advice))
    messages = [_plain(m.text) for m in g.key_messages]
    if PLAN_AHEAD_CODE in g.entries and g[PLAN_AHEAD_CODE].family_advice:
        messages.append(_plain(g[PLAN_AHEAD_CODE].family_advice))
    urls = (
        [m.source_url for m in g.key_messages]
        + [g[code].source_url for code in assessment.protective]
        + [f.source_url for f in factors]
        + ([g[BED_SHARING_CODE].source_url] if bed_sharing else [])
    )
    return LeafletContent(
        baby_name=first_name(visit.baby.name),
        protective=protective,
        factors=factors,
        bed_sharing=bed_sharing,
        key_messages=tuple(messages),
        plan=_plan_lines(agreed_actions),
        follow_up_date=follow_up_date,
        practitioner_name=_optional(visit.practitioner.name),
        practitioner_phone=_optional(visit.practitioner.phone),
        information_line=g.information_line,
        information_line_name=g.information_line_name,
        linked_pages=_linked_pages(urls),
        guidance_version=assessment.guidance_version,
        generated_on=generated_on,
        reassure=assessment.risk_level is RiskLevel.low,
    )
