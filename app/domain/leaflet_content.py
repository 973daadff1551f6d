"""What the family advice leaflet may print: built from a visit and its assessment.

Holds ONLY family-safe content. The family context (domestic abuse, mental health, substance
misuse, unidentified adults, social care, a previous infant death, advice declined, a planned
change of routine) and every practitioner note stay out: the sheet stays in the home.

One message per risk: a factor that is the reason another applies is merged into it (born early +
sharing a bed with a baby born early = one item), and no sentence is printed twice.
The wording helpers are in leaflet_words.py, the linked pages in leaflet_pages.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.assessment import Assessment, Factor, RiskLevel, Severity
from app.domain.guidance import Guidance, load_guidance
from app.domain.leaflet_model import (
    MOST_IMPORTANT_MAX,
    BedSharingBlock,
    ChangeItem,
    Contact,
    LeafletContent,
    LeafletItem,
    LinkedPage,
    NightPlan,
    Paper,
    Picture,
    first_name,
    plain,
    sentences,
)
from app.domain.leaflet_pages import family_page, linked_pages
from app.domain.leaflet_words import Once, Words, joined, optional_text, plan_lines
from app.domain.visit import Visit

__all__ = [
    "MOST_IMPORTANT_MAX",
    "BedSharingBlock",
    "ChangeItem",
    "Contact",
    "LeafletContent",
    "LeafletItem",
    "LinkedPage",
    "NightPlan",
    "Paper",
    "Picture",
    "first_name",
    "leaflet_content",
    "sentences",
]


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
    "swaddled": Picture.swaddle,
    "head_covered": Picture.head_uncovered,
    "baby_unwell": Picture.baby_check,
    "bed_sharing_with_others": Picture.no_others_in_bed,
    "bed_sharing_multiples": Picture.twins,
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

# The only prompts whose family advice is printed (every other prompt is for the practitioner).
# Each joins the change it belongs to when that is on the sheet (one message per risk), or else
# stands under "extra care" with its picture.
PROMPTS_JOINING: dict[str, str] = {
    "stop_smoking_support": "smoking",
    "sling_safety": "unsafe_sleep_place",
    "twins_sleep_advice": "bed_sharing_multiples",
}
PROMPT_PICTURES = {"sling_safety": Picture.sling, "twins_sleep_advice": Picture.twins}
# Printed for EVERY family (never only when recorded), so the sheet does not hint at the context.
PLAN_AHEAD_CODE = "out_of_routine_plan"


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
    visit: Visit, assessment: Assessment, g: Guidance, words: Words, once: Once
) -> BedSharingBlock | None:
    """Per the prompt: "not safe for <baby> because ..." with where to sleep instead, or the checklist."""
    reasons = bed_sharing_reasons(visit, assessment.codes)
    listed = any(code in assessment.codes for code in BED_SHARING_DANGERS)
    if (listed or BED_SHARING_ITEM in assessment.prompts) and reasons:
        text = words(
            "bed_sharing_not_safe", reasons=joined([words(f"bed_sharing_reasons.{r}") for r in reasons])
        )
        entry = g.entries.get(BED_SHARING_ITEM)
        instead = " ".join(sentences(entry.family_advice)[1:]) if entry else ""
        lines = tuple(s for s in [once.keep(instead or words("sleep_instead"))] if s)
        picture = Picture.no_bed_sharing
        source = family_page(entry.sources) if entry else ""
        return BedSharingBlock(False, once.keep(text), lines, picture, words.label(picture), source, listed)
    entry = g.entries.get(BED_SHARING_SAFER)
    if BED_SHARING_SAFER not in assessment.prompts or entry is None or not entry.family_advice:
        return None
    first, *rest = (once.keep(s) for s in sentences(entry.family_advice))
    picture = Picture.safer_bed
    return BedSharingBlock(
        True,
        first,
        tuple(s for s in rest if s),
        picture,
        words.label(picture),
        family_page(entry.sources),
        False,
    )


def _change(factor: Factor, words: Words, once: Once) -> ChangeItem:
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
        family_page(factor.sources or (factor.source_url,)),
    )


def ordered_factors(assessment: Assessment) -> list[Factor]:
    """The factors, high severity first (otherwise in the rules' order)."""
    return sorted(assessment.factors, key=lambda f: f.severity is not Severity.high)


def _changes(
    assessment: Assessment, block: BedSharingBlock | None, g: Guidance, words: Words, once: Once
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
                        block.source_url or family_page(f.sources or (f.source_url,)),
                    )
                )
            continue
        out.append(_change(f, words, once))
    return tuple(_with_prompts(item, assessment, g, once) for item in out)


def _with_prompts(item: ChangeItem, assessment: Assessment, g: Guidance, once: Once) -> ChangeItem:
    """The change with the family advice of the prompts that belong to it added to its detail."""
    extra = [
        once.keep(g[p].family_advice)
        for p, into in PROMPTS_JOINING.items()
        if into == item.code and p in assessment.prompts and p in g.entries
    ]
    if not any(extra):
        return item
    detail = " ".join(t for t in (item.detail, *extra) if t)
    return replace(item, detail=detail)


def _extra_care(
    assessment: Assessment, changes: tuple[ChangeItem, ...], g: Guidance, words: Words, once: Once
) -> tuple[LeafletItem, ...]:
    """Born early or small (unless merged into bed-sharing), and twins or sling advice with no change
    of their own to join."""
    out = []
    for f in assessment.factors:
        if f.code in EXTRA_CARE_CODES and MERGED_INTO[f.code] not in assessment.codes:
            text = once.keep(f.advice)
            if text:
                out.append(LeafletItem(f.title, text, Picture.extra_care, words.label(Picture.extra_care)))
    listed = {code for c in changes for code in c.codes}
    for code, picture in PROMPT_PICTURES.items():
        if code in assessment.prompts and code in g.entries and PROMPTS_JOINING[code] not in listed:
            text = once.keep(g[code].family_advice)
            if text:
                out.append(LeafletItem(g[code].title, text, picture, words.label(picture)))
    return tuple(out)


def _key_messages(
    g: Guidance, shown: set[Picture | None], words: Words, once: Once
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


def _plan_ahead(g: Guidance, words: Words, once: Once) -> LeafletItem | None:
    """Planning ahead for nights away, visitors and celebrations: given to EVERY family."""
    if PLAN_AHEAD_CODE not in g.entries or not g[PLAN_AHEAD_CODE].family_advice:
        return None
    text = once.keep(g[PLAN_AHEAD_CODE].family_advice)
    return LeafletItem("", text, Picture.plan_ahead, words.label(Picture.plan_ahead)) if text else None


def _nights(visit: Visit, words: Words) -> tuple[NightPlan, ...]:
    """The family's own plans for nights out of routine, as they agreed them, in their words."""
    out = []
    for entry in visit.plan.out_of_routine or ():
        situation = entry.situation.value
        heading = words(f"situations.{situation}") or situation.replace("_", " ").capitalize()
        arrangement = plain(entry.arrangement)
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
    words = Words(g, baby or "your baby")
    once = Once()
    reassurance = words("nothing_to_change") if assessment.risk_level is RiskLevel.low else None
    protective = tuple(
        LeafletItem(g[code].title, once.keep(g[code].family_advice))
        for code in assessment.protective
        if g[code].family_advice
    )
    bed_sharing = _bed_sharing(visit, assessment, g, words, once)
    changes = _changes(assessment, bed_sharing, g, words, once)
    extra_care = _extra_care(assessment, changes, g, words, once)
    shown = {c.picture for c in changes} | {bed_sharing.picture if bed_sharing else None}
    plan_ahead = _plan_ahead(g, words, once)
    messages = _key_messages(g, shown, words, once)
    # The pages behind the most important things first, then the Trust's safer sleep advice.
    cited = [(c.source_url, c.title) for c in changes[:MOST_IMPORTANT_MAX]]
    cited += [(bed_sharing.source_url, "Sharing a bed")] if bed_sharing else []
    cited += [
        (family_page((m.source_url,)), words.label(Picture(m.picture)) if m.picture else "")
        for m in g.key_messages
    ]
    cited += [(c.source_url, c.title) for c in changes[MOST_IMPORTANT_MAX:]]
    cited += [(family_page(g[code].sources), g[code].title) for code in assessment.protective]
    return LeafletContent(
        baby_name=baby,
        visit_date=visit.visit.date,
        contact=Contact(
            practitioner_name=optional_text(visit.practitioner.name),
            practitioner_phone=optional_text(visit.practitioner.phone),
            team_name=optional_text(team_name),
            team_phone=optional_text(team_phone),
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
        plan=plan_lines(agreed_actions),
        follow_up_date=follow_up_date,
        linked_pages=linked_pages(cited),
        scan_hint=words("scan_hint"),
        guidance_version=assessment.guidance_version,
        generated_on=generated_on,
    )
