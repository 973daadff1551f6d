"""A family's chronology at base: every visit (with who recorded it), amendment, leaflet, note and
supervision of the team, oldest first, with the chronology patterns marked. Each view is audited."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import ChangeLog, Record
from app.server.portal.accounts import Person
from app.server.portal.audit import audit_person
from app.server.portal.devices import device_authors
from app.server.portal.patterns import pattern_text, patterns_of
from app.server.portal.projection import refresh
from app.server.portal.queue import NotFound, names_of
from app.server.portal.tables import VisitFact
from app.server.portal.words import context_words, factor_words

KINDS = ("visit", "amendment", "leaflet", "note", "supervision")


@dataclass(frozen=True)
class Entry:
    date: dt.date
    kind: str
    who: str
    baby: str
    summary: str
    text: str = ""
    pattern: str = ""


def _visit_words(f: VisitFact) -> str:
    parts = [
        f"{f.visit_type.replace('_', ' ')} visit: {f.risk_level} risk" + (", ESCALATE" if f.escalate else "")
    ]
    if f.factors:
        parts.append("factors: " + ", ".join(factor_words(f.factors)))
    if f.context:
        parts.append("context: " + ", ".join(context_words(f.context)))
    if f.sleep_seen is not True:
        parts.append("sleep space not seen")
    return "; ".join(parts)


def family_chronology(
    *, session: Session, person: Person, family_id: uuid.UUID, audit_action: str = "family.chronology_view"
) -> tuple[str, list[Entry]]:
    """(family name, entries oldest first), audited as `audit_action`. Another team's family: NotFound."""
    refresh(session=session, team_id=person.team_id)
    team = person.team_id
    if session.get(Record, (team, "family", family_id)) is None:
        raise NotFound(f"family {family_id}: not found in your team")
    family = names_of(session, team, "family", {family_id}).get(family_id, "(no name)")
    rows = session.execute(
        sa.select(col(Record.entity), col(Record.entity_id), col(ChangeLog.payload), col(ChangeLog.device_id))
        .join(ChangeLog, col(ChangeLog.seq) == col(Record.seq))
        .where(col(Record.team_id) == team, col(Record.family_id) == family_id, col(Record.entity).in_(KINDS))
    ).all()
    facts = {
        f.visit_id: f
        for f in session.execute(
            sa.select(VisitFact).where(col(VisitFact.team_id) == team, col(VisitFact.family_id) == family_id)
        ).scalars()
    }
    babies = names_of(session, team, "baby", {f.baby_id for f in facts.values() if f.baby_id})
    authors = device_authors(session=session, team_id=team)
    entries: list[Entry] = []
    visit_baby: dict[uuid.UUID, str] = {}
    for entity, entity_id, text, device_id in rows:
        p = json.loads(text)
        who = authors.get(device_id) if device_id else None
        if entity == "visit" and entity_id in facts:
            f = facts[entity_id]
            baby = babies.get(f.baby_id, "") if f.baby_id else ""
            visit_baby[entity_id] = baby
            recorded = f.practitioner + (f" (device of {who})" if who and who != f.practitioner else "")
            entries.append(Entry(f.visit_date, "visit", recorded, baby, _visit_words(f)))
        elif entity == "amendment":
            changes = ", ".join(
                f"{k}: {_value(v.get('from'))} → {_value(v.get('to'))}"
                for k, v in (p.get("changes") or {}).items()
            )
            day = str(p.get("created") or "")[:10]
            entries.append(
                Entry(
                    _day(day),
                    "amendment",
                    str(p.get("author_name") or who or ""),
                    "",
                    f"Amendment: {changes}",
                    f"Reason: {p.get('reason', '')}",
                )
            )
        elif entity == "leaflet":
            entries.append(
                Entry(
                    _day(str(p.get("created") or "")[:10]),
                    "leaflet",
                    str(p.get("created_by_name") or who or ""),
                    "",
                    f"Family advice leaflet given ({p.get('paper', 'A4')})",
                )
            )
        elif entity == "note":
            entries.append(
                Entry(
                    _day(str(p.get("created") or "")[:10]),
                    "note",
                    str(p.get("author_name") or who or ""),
                    "",
                    "Case note",
                    str(p.get("text") or ""),
                )
            )
        elif entity == "supervision":
            actions = "; ".join(
                f"{a['text']} ({a['owner']}, due {_day(str(a['due'])):%d/%m/%Y})"
                for a in p.get("actions") or []
            )
            entries.append(
                Entry(
                    _day(str(p.get("date"))),
                    "supervision",
                    str(p.get("supervisor_name") or ""),
                    "",
                    f"Discussed with {p.get('supervisor_name')}: {p.get('decision') or 'no decision yet'}"
                    + (f"; actions: {actions}" if actions else ""),
                    f"Discussion: {p.get('discussion')}" if p.get("discussion") else "",
                )
            )
    by_baby: dict[uuid.UUID, list[VisitFact]] = {}
    for f in sorted(facts.values(), key=lambda f: (f.visit_date, f.seq)):
        if f.baby_id:
            by_baby.setdefault(f.baby_id, []).append(f)
    for baby_id, visits in by_baby.items():
        for p in patterns_of(
            [(v.visit_id, v.visit_date, v.risk_level, v.sleep_seen, v.factors) for v in visits]
        ):
            entries.append(
                Entry(
                    visits[-1].visit_date,
                    "pattern",
                    "",
                    babies.get(baby_id, ""),
                    "PATTERN: " + pattern_text(p.code, p.factor),
                )
            )
    entries.sort(key=lambda e: (e.date, KINDS.index(e.kind) if e.kind in KINDS else 9))
    audit_person(
        session=session,
        action=audit_action,
        team_id=team,
        user_id=person.user_id,
        family_id=family_id,
        entries=len(entries),
    )
    return family, entries


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return dt.date.min


def _value(v: object) -> str:
    """An amended answer in words: codes with spaces, nothing recorded as "not recorded"."""
    if v is None or v == "" or v == []:
        return "not recorded"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list):
        return ", ".join(str(x).replace("_", " ") for x in v)
    return str(v).replace("_", " ")
