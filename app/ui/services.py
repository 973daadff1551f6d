"""The ONLY place the UI touches the store, the domain and the leaflet.

Answers are flat dotted paths ({"sleep.place": "sofa"}); results come back as small frozen
dataclasses in the words the screens show. No Flet here: unit tests call it directly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from app.domain import VISIT_FORMAT, Problem, VisitError, assess, load_guidance, parse_visit
from app.domain.assessment import DISCLAIMER

RISK_WORDS = {"high": "High", "incomplete": "Incomplete", "increased": "Increased", "low": "Low"}
# Incomplete is grey, never green: nothing reassures where nothing was asked.
RISK_COLOURS = {"high": "#B3261E", "incomplete": "#5F6368", "increased": "#8A5300", "low": "#1B6B3A"}


def risk_word(level: str, incomplete: int | None = None) -> str:
    """The risk level in words; an incomplete visit says how many core questions were not asked."""
    if level == "incomplete" and incomplete is not None:
        return f"Incomplete — {incomplete} core question{'' if incomplete == 1 else 's'} not asked"
    return RISK_WORDS[level]


QUESTION_WORDS: dict[str, str] = {}  # filled lazily from app.ui.questions


@dataclass(frozen=True, slots=True)
class FactorLine:
    code: str
    severity: str
    title: str
    advice: str
    practitioner_note: str
    source_url: str


@dataclass(frozen=True, slots=True)
class PromptLine:
    code: str
    title: str
    text: str
    prominent: bool


@dataclass(frozen=True, slots=True)
class Review:
    """What the review screen shows for one visit."""

    risk_level: str
    risk_word: str
    escalate: bool
    factors: tuple[FactorLine, ...]
    protective: tuple[str, ...]
    context: tuple[str, ...]
    prompts: tuple[PromptLine, ...]
    unanswered: tuple[str, ...]
    guidance_version: str
    disclaimer: str = DISCLAIMER


def document(answers: dict[str, Any]) -> dict[str, Any]:
    """A `safesleep.visit/1` dict from flat answers such as {"sleep.place": "sofa"}."""
    doc: dict[str, Any] = {"format": VISIT_FORMAT}
    for path, value in answers.items():
        if value is None or path.startswith("notes."):
            continue
        section, name = path.split(".", 1)
        doc.setdefault(section, {})[name] = value
    return doc


def flatten(doc: dict[str, Any]) -> dict[str, Any]:
    """Flat answers from a `safesleep.visit/1` dict (the inverse of `document`)."""
    out: dict[str, Any] = {}
    for section, body in doc.items():
        if isinstance(body, dict):
            for name, value in body.items():
                out[f"{section}.{name}"] = value
    return out


def problems_for(answers: dict[str, Any]) -> dict[str, str]:
    """Validation problems of these answers, by dotted path ({} when the visit is valid)."""
    try:
        parse_visit(document(answers))
    except VisitError as exc:
        out: dict[str, str] = {}
        for problem in exc.problems:
            out.setdefault(".".join(problem.path.split(".")[:2]), problem.message)
        return out
    return {}


def _question_words(path: str) -> str:
    if not QUESTION_WORDS:
        from app.ui.questions import QUESTION_BY_PATH

        QUESTION_WORDS.update({p: q.label for p, q in QUESTION_BY_PATH.items()})
        QUESTION_WORDS["baby.birth_weight_kg"] = "Birth weight"
        QUESTION_WORDS["visit.date"] = "Visit date"
    return QUESTION_WORDS.get(path, path)


def review(answers: dict[str, Any]) -> Review:
    """The assessment of the answers recorded so far (invalid answers are left out)."""
    clean = {p: v for p, v in answers.items() if p not in problems_for(answers)}
    visit = parse_visit(document(clean))
    a = assess(visit)
    g = load_guidance()
    prompts = tuple(
        PromptLine(
            code,
            g[code].title,
            g[code].practitioner_note,
            prominent=code
            in ("discuss_with_supervisor", "ask_to_see_sleep_space", "be_curious_about_adults"),
        )
        for code in a.prompts
    )
    return Review(
        risk_level=a.risk_level.value,
        risk_word=risk_word(a.risk_level.value, len(a.incomplete)),
        escalate=a.escalate,
        factors=tuple(
            FactorLine(f.code, f.severity.value, f.title, f.advice, f.practitioner_note, f.source_url)
            for f in a.factors
        ),
        protective=tuple(g[c].title for c in a.protective),
        context=tuple(g[c].title for c in a.context),
        prompts=prompts,
        unanswered=tuple(_question_words(p) for p in a.unanswered),
        guidance_version=a.guidance_version,
    )


# ---------------------------------------------------------------- the store, for the screens
SIGNED_MESSAGE = "This visit is signed and read-only: record an amendment with a reason"
SERVER_ADDRESS_KEY = "server_url"
KG_PER_LB = 0.45359237


class WrongPassphrase(Exception):
    """The passphrase does not open the store."""


class AnswerError(ValueError):
    """An answer that cannot be saved; `path` is the field, `message` what is allowed."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path, self.message = path, message


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    family_id: str
    family_name: str
    postcode: str
    baby_id: str | None
    baby_name: str
    baby_age: str
    last_visit: str
    risk_level: str | None
    risk_word: str | None
    draft_visit_id: str | None
    due: str


@dataclass(frozen=True, slots=True)
class BabyLine:
    baby_id: str
    name: str
    born: str
    age: str
    gestation: str
    weight: str


@dataclass(frozen=True, slots=True)
class ChronologyLine:
    date: str
    kind: str
    summary: str
    text: str
    risk_level: str | None
    risk_word: str | None
    visit_id: str | None


@dataclass(frozen=True, slots=True)
class FamilyCard:
    family_id: str
    name: str
    address: str
    postcode: str
    carers: tuple[str, ...]
    other_adults: tuple[str, ...]
    babies: tuple[BabyLine, ...]
    chronology: tuple[ChronologyLine, ...]
    drafts: tuple[tuple[str, str], ...]  # (visit id, words)


@dataclass(frozen=True, slots=True)
class VisitRecord:
    visit_id: str
    family_id: str
    family_name: str
    baby_name: str
    answers: dict[str, Any]
    notes: dict[str, str]
    signed: bool
    leaflet_given: bool
    amendments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AppSettings:
    practitioner: str
    team: str
    server_address: str


def _uuid(value: str) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def store_exists(*, home: Path) -> bool:
    from app.store import store_exists as exists

    return exists(home=home)


def create(*, home: Path, passphrase: str, practitioner: str, team: str, demo: bool) -> Any:
    """Create the encrypted store (and the demo caseload when asked)."""
    from app.store import create_store, load_demo

    store = create_store(home=home, passphrase=passphrase, practitioner_name=practitioner, team_name=team)
    if demo:
        load_demo(store=store)
    return store


def unlock(*, home: Path, passphrase: str) -> Any:
    from app.store import open_store
    from app.store.errors import WrongPassphrase as StoreWrong

    try:
        return open_store(home=home, passphrase=passphrase)
    except StoreWrong:
        raise WrongPassphrase("wrong passphrase") from None


def close(*, store: Any) -> None:
    store.close()


def get_settings(*, store: Any) -> AppSettings:
    from app.store import get_sync_value

    with store.session() as s:
        address = get_sync_value(session=s, key=SERVER_ADDRESS_KEY) or ""
    return AppSettings(store.practitioner.name, store.team.name, address)


def save_server_address(*, store: Any, address: str) -> None:
    from app.store import set_sync_value

    with store.session() as s:
        set_sync_value(session=s, key=SERVER_ADDRESS_KEY, value=address or None)


def _age_words(born: dt.date | None) -> str:
    """'3 months old', from the store's wording of ages."""
    from app.store.caseload import age_text

    text = age_text(born)
    if not text:
        return "age not recorded"
    return text if text == "not born yet" else f"{text} old"


def _day(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%-d %b %Y") if isinstance(value, dt.date) else str(value)


SEARCH_LIMIT = 50


def search(*, store: Any, query: str, limit: int = SEARCH_LIMIT) -> list[CaseloadRow]:
    """Caseload rows matching a surname, household name, baby's name or postcode prefix."""
    from app.store import list_drafts, search_caseload

    with store.session() as s:
        rows = search_caseload(session=s, query=query, limit=limit)
        drafts: dict[str, str] = {}
        if any(r.drafts for r in rows):
            for d in list_drafts(session=s):
                drafts.setdefault(str(d.family_id), str(d.id))
    out = []
    today = dt.date.today()
    for r in rows:
        baby = r.babies[0] if r.babies else None
        due = ""
        if r.next_due is not None:
            due = "Visit overdue" if r.next_due < today else f"Visit due {_day(r.next_due)}"
        level = r.last_risk_level
        out.append(
            CaseloadRow(
                family_id=str(r.family_id),
                family_name=r.name,
                postcode=r.postcode,
                baby_id=str(baby.id) if baby else None,
                baby_name=baby.name if baby else "",
                baby_age=(baby.age_text or _age_words(baby.date_of_birth)) if baby else "",
                last_visit=_day(r.last_visit_date),
                risk_level=level,
                risk_word=RISK_WORDS.get(level) if level else None,
                draft_visit_id=drafts.get(str(r.family_id)) if r.drafts else None,
                due=due,
            )
        )
    return out


def _person(p: dict[str, Any]) -> str:
    extra = [p.get("relationship") or ""]
    if "lives_in" in p:
        extra.append("lives in" if p.get("lives_in") else "visits")
    if p.get("notes"):
        extra.append(p["notes"])
    return f"{p.get('name', '')} ({', '.join(x for x in extra if x)})"


def family(*, store: Any, family_id: str) -> FamilyCard:
    """A household: carers, other adults, babies, drafts and the chronology (oldest first)."""
    from app.store import family_chronology, get_family, list_drafts

    fid = _uuid(family_id)
    with store.session() as s:
        f = get_family(session=s, family_id=fid)
        chron = family_chronology(session=s, family_id=fid)
        drafts = list_drafts(session=s, family_id=fid)
    babies = tuple(
        BabyLine(
            str(b.id),
            b.name,
            _day(b.date_of_birth),
            _age_words(b.date_of_birth),
            f"{b.gestation_weeks}+{b.gestation_days or 0} weeks"
            if b.gestation_weeks
            else "gestation not recorded",
            f"{b.birth_weight_kg:g} kg" if b.birth_weight_kg else "weight not recorded",
        )
        for b in f.babies
    )
    lines = tuple(
        ChronologyLine(
            _day(c.date),
            c.kind,
            c.summary,
            c.text or "",
            c.risk_level,
            RISK_WORDS.get(c.risk_level) if c.risk_level else None,
            str(c.visit_id) if c.visit_id else None,
        )
        for c in chron
    )
    return FamilyCard(
        family_id=str(f.id),
        name=f.name,
        address=f.address,
        postcode=f.postcode,
        carers=tuple(_person(c) for c in f.carers),
        other_adults=tuple(_person(a) for a in f.other_adults),
        babies=babies,
        chronology=lines,
        drafts=tuple((str(d.id), f"Draft started {_day(getattr(d, 'created', None))}") for d in drafts),
    )


def create_family(
    *, store: Any, name: str, surname: str, postcode: str, address: str, baby_name: str, baby_born: str
) -> str:
    """Add a household with its baby; RecordError lines become AnswerError for the field."""
    from app.store import add_baby
    from app.store import create_family as store_create
    from app.store.errors import RecordError

    try:
        born = dt.date.fromisoformat(baby_born) if baby_born.strip() else None
    except ValueError:
        raise AnswerError("baby.date_of_birth", "must be a date written YYYY-MM-DD") from None
    try:
        with store.session() as s:
            f = store_create(
                session=s, data={"name": name, "surname": surname, "postcode": postcode, "address": address}
            )
        if baby_name.strip():
            with store.session() as s:
                add_baby(session=s, family_id=f.id, data={"name": baby_name.strip(), "date_of_birth": born})
    except RecordError as exc:
        path, _, message = exc.problems[0].partition(": ")
        raise AnswerError(path, message) from None
    return str(f.id)


def start_visit(*, store: Any, family_id: str, baby_id: str | None) -> str:
    """A new draft visit for a baby, dated today; returns its id."""
    from app.store import start_visit as store_start

    if baby_id is None:
        raise AnswerError("baby", "add a baby to this family before starting a visit")
    with store.session() as s:
        v = store_start(
            session=s,
            baby_id=_uuid(baby_id),
            practitioner_id=store.practitioner.id,
            visit_date=dt.date.today(),
            visit_type="new_birth",
        )
    return str(v.id)


def load_visit(*, store: Any, visit_id: str) -> VisitRecord:
    """A visit as the screens need it (amendments applied to a signed visit)."""
    from app.store import get_family, get_visit

    with store.session() as s:
        v = get_visit(session=s, visit_id=_uuid(visit_id))
        f = get_family(session=s, family_id=v.family_id)
    shown = v.current if v.status == "signed" else v.visit
    answers = flatten(shown.to_document())
    notes = {
        "parents_said": v.parents_said or "",
        "observed": v.observed or "",
        "agreed_actions": v.agreed_actions or "",
        "follow_up": v.follow_up_date.isoformat() if v.follow_up_date else "",
    }
    amendments = tuple(
        f"{_day(a.created)}: {', '.join(a.changes)} — {a.reason} ({a.author_name})" for a in v.amendments
    )
    return VisitRecord(
        visit_id=str(v.id),
        family_id=str(v.family_id),
        family_name=f.name,
        baby_name=shown.baby.name or "",
        answers=answers,
        notes=notes,
        signed=v.status == "signed",
        leaflet_given=bool(v.leaflets),
        amendments=amendments,
    )


def check_answer(*, answers: dict[str, Any], path: str, value: Any) -> str | None:
    """The domain's problem with this answer, given the others (None when it is fine)."""
    trial = {p: v for p, v in answers.items() if p != path}
    if value is not None:
        trial[path] = value
    problems = problems_for(trial)
    if path in problems:
        return problems[path]
    before = problems_for(answers)
    new = {p: m for p, m in problems.items() if p not in before}
    return next(iter(new.values()), None) if new else None


def _as_problem(item: Problem | str) -> Problem:
    """A Problem; the store's RecordError still carries `path: message` lines."""
    if isinstance(item, Problem):
        return item
    path, _, message = item.partition(": ")
    return Problem(path, message) if message else Problem("", item)


def _visit_error(path: str, exc: Exception) -> AnswerError:
    problems = [_as_problem(p) for p in getattr(exc, "problems", None) or [str(exc)]]
    for problem in problems:
        if ".".join(problem.path.split(".")[:2]) == path:
            return AnswerError(path, problem.message)
    return AnswerError(path, problems[0].message)


def save_answer(*, store: Any, visit_id: str, path: str, value: Any) -> None:
    """Autosave one answer to the draft (committed before it returns)."""
    from app.store import save_answer as store_save
    from app.store.errors import VisitSigned

    if path.startswith("notes."):
        raise AnswerError(path, "notes are saved with save_notes")
    try:
        with store.session() as s:
            store_save(session=s, visit_id=_uuid(visit_id), path=path, value=value)
    except VisitSigned:
        raise AnswerError(path, SIGNED_MESSAGE) from None
    except VisitError as exc:
        raise _visit_error(path, exc) from None


def save_notes(*, store: Any, visit_id: str, notes: dict[str, str]) -> None:
    """Autosave the notes (what was said, observed, agreed; follow-up date)."""
    from app.store import save_notes as store_notes
    from app.store.errors import RecordError, VisitSigned

    follow = (notes.get("follow_up") or "").strip()
    try:
        follow_date = dt.date.fromisoformat(follow) if follow else None
    except ValueError:
        raise AnswerError("notes.follow_up", "must be a date written YYYY-MM-DD") from None
    try:
        with store.session() as s:
            store_notes(
                session=s,
                visit_id=_uuid(visit_id),
                parents_said=notes.get("parents_said", ""),
                observed=notes.get("observed", ""),
                agreed_actions=notes.get("agreed_actions", ""),
                follow_up_date=follow_date,
            )
    except VisitSigned:
        raise AnswerError("notes", SIGNED_MESSAGE) from None
    except RecordError as exc:
        raise _visit_error("notes", exc) from None


def sign(*, store: Any, visit_id: str) -> None:
    from app.store import sign_visit

    with store.session() as s:
        sign_visit(session=s, visit_id=_uuid(visit_id), signed_by=store.practitioner.id)


def amend(*, store: Any, visit_id: str, reason: str, changes: dict[str, Any]) -> None:
    """Correct a signed visit: an amendment with a reason (the signed record stays)."""
    from app.store import amend_visit
    from app.store.errors import RecordError

    path = next(iter(changes), "amendment")
    try:
        with store.session() as s:
            amend_visit(
                session=s,
                visit_id=_uuid(visit_id),
                changes=changes,
                reason=reason,
                author=store.practitioner.id,
            )
    except (VisitError, RecordError) as exc:
        raise _visit_error(path, exc) from None


def convert_weight(value: float, *, to: str) -> float:
    """A birth weight in the other unit, rounded for display (kg: 2 dp, lb: 2 dp)."""
    return round(value / KG_PER_LB, 2) if to == "lb" else round(value * KG_PER_LB, 2)


def leaflet_pdf(*, store: Any, visit_id: str, paper: str = "A4") -> bytes:
    """The family advice leaflet for this visit, as PDF bytes (family-safe content only)."""
    from app.domain.leaflet_content import leaflet_content
    from app.leaflet import render
    from app.store import get_visit

    with store.session() as s:
        v = get_visit(session=s, visit_id=_uuid(visit_id))
    visit = v.current if v.status == "signed" else v.visit
    content = leaflet_content(
        visit,
        assess(visit),
        agreed_actions=v.agreed_actions or None,
        follow_up_date=v.follow_up_date,
        generated_on=dt.date.today(),
    )
    return render(content, paper=paper)


def record_leaflet(*, store: Any, visit_id: str, pdf: bytes, paper: str = "A4") -> None:
    """Record that this leaflet was given to the family."""
    from app.store import record_leaflet as store_record

    digest = "sha256:" + hashlib.sha256(pdf).hexdigest()
    with store.session() as s:
        store_record(
            session=s, visit_id=_uuid(visit_id), content_hash=digest, paper=paper, actor=store.practitioner.id
        )


def guidance_about() -> tuple[str, list[tuple[str, str]]]:
    """The guidance version and its sources (title, address) for the About section."""
    g = load_guidance()
    seen: dict[str, str] = {}
    for e in g.entries.values():
        seen.setdefault(e.source_url, e.title)
    for m in g.key_messages:
        seen.setdefault(m.source_url, m.text)
    return g.version, [(url, url) for url in seen]


def sync_available() -> bool:
    """Whether this build has the sync client (app.sync.sync_now)."""
    try:
        from app import sync
    except ImportError:
        return False
    return hasattr(sync, "sync_now")


def sync_now(*, store: Any, on_progress: Any) -> str:
    """Run one sync with the base server; a one-line summary, or SyncFailed with the reason.

    `on_progress(fraction)` gets 0..1, or None while the total is not known yet.
    """
    from app.sync import SyncError
    from app.sync import sync_now as run

    def progress(stage: str, done: int, total: int) -> None:
        share = (done / total if total else 0.0) * 0.5
        on_progress((0.5 if stage == "pull" else 0.0) + share if total else None)

    try:
        summary = run(store=store, on_progress=progress)
    except SyncError as exc:
        raise SyncFailed(str(exc)) from None
    return "Synced: " + ", ".join(line.strip() for line in summary.lines())


class SyncFailed(Exception):
    """Sync could not finish (nothing on the device was lost); the message says why."""
