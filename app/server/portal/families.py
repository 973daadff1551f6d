"""Finding a family of the team at base: by name (family, carers, babies), NHS number or postcode.

Names match whatever the punctuation, spacing and case ("OBrien" finds O'Brien, "obrien" too);
an NHS number or a postcode matches whatever its spacing. A loose SQL filter narrows the team's
records first; the exact match is made here, on the stored payloads. Each search is audited with
its counts and the kind of search only (never what was typed).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.server.models import ChangeLog, Record
from app.server.portal.accounts import Person
from app.server.portal.audit import audit_person
from app.server.portal.tables import VisitFact

LIMIT = 50
MIN_NAME = 2
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?([0-9][A-Z]{2})?$")  # a full postcode or its outward part


class SearchProblem(ValueError):
    """What is wrong with the search text (names the field and what is allowed)."""


@dataclass(frozen=True)
class FamilyHit:
    family_id: uuid.UUID
    name: str
    postcode: str
    babies: tuple[str, ...]
    last_visit: dt.date | None
    matched: str  # "name", "NHS number" or "postcode"


def fold(text: str) -> str:
    """Letters and digits only, lower case, accents kept as their base letter ("O'Brien" -> "obrien")."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if c.isalnum()).casefold()


def kind_of(query: str) -> tuple[str, str]:
    """(kind, key) of a search: an NHS number (10 digits), a postcode, or a name."""
    key = fold(query)
    if len(key) < MIN_NAME:
        raise SearchProblem(
            "Search: type at least 2 letters of a name, a 10-digit NHS number or a postcode (e.g. SO14 7DU)"
        )
    if key.isdigit():
        if len(key) != 10:
            raise SearchProblem(f"Search: an NHS number has 10 digits; {query.strip()!r} has {len(key)}")
        return "NHS number", key
    if POSTCODE.match(key.upper()):
        return "postcode", key
    return "name", key


def _loose(key: str) -> str:
    """A LIKE pattern every stored text holding `key` (with any punctuation between) matches."""
    return "%" + "%".join(key) + "%"


def _names(p: dict[str, Any]) -> list[str]:
    names = [str(p.get("name") or ""), str(p.get("surname") or "")]
    names += [str(c.get("name") or "") for c in p.get("carers") or [] if isinstance(c, dict)]
    return names


def _nhs(p: dict[str, Any]) -> list[str]:
    return [fold(str(c.get("nhs_number") or "")) for c in p.get("carers") or [] if isinstance(c, dict)]


def _payloads(session: Session, team_id: uuid.UUID, entity: str, key: str) -> list[tuple[uuid.UUID, Any]]:
    """(record family id, payload) of the team's current `entity` records that may hold `key`."""
    q = (
        sa.select(col(Record.family_id), col(Record.entity_id), col(ChangeLog.payload))
        .join(ChangeLog, col(ChangeLog.seq) == col(Record.seq))
        .where(
            col(Record.team_id) == team_id,
            col(Record.entity) == entity,
            # the same conditions on the change log let the database read only this entity's
            # rows of it (index team_id, entity, ...) before matching text, never every visit
            col(ChangeLog.team_id) == team_id,
            col(ChangeLog.entity) == entity,
        )
    )
    # Only ASCII letters narrow safely: a stored name may write the others differently.
    loose = "".join(c for c in key if c.isascii())
    if loose:
        q = q.where(col(ChangeLog.payload).ilike(_loose(loose)))
    rows = session.execute(q).all()
    return [(family_id or entity_id, json.loads(text)) for family_id, entity_id, text in rows]


def search_families(*, session: Session, person: Person, query: str) -> list[FamilyHit]:
    """The team's families matching `query` (at most LIMIT, by name); SearchProblem for bad input."""
    kind, key = kind_of(query)
    found: dict[uuid.UUID, dict[str, Any]] = {}
    if kind == "name":
        for fid, p in _payloads(session, person.team_id, "family", key):
            if any(key in fold(n) for n in _names(p)):
                found[fid] = p
        baby_families = {
            fid
            for fid, p in _payloads(session, person.team_id, "baby", key)
            if key in fold(str(p.get("name")))
        }
    else:
        for fid, p in _payloads(session, person.team_id, "family", key):
            if (kind == "postcode" and fold(str(p.get("postcode") or "")).startswith(key)) or (
                kind == "NHS number" and key in _nhs(p)
            ):
                found[fid] = p
        baby_families = set()
    missing = baby_families - set(found)
    if missing:
        for fid, p in _families(session, person.team_id, missing).items():
            found[fid] = p
    hits = _hits(session, person.team_id, found, kind)
    audit_person(
        session=session,
        action="family.search",
        team_id=person.team_id,
        user_id=person.user_id,
        kind=kind,
        hits=len(hits),
    )
    return hits


def _families(session: Session, team_id: uuid.UUID, ids: set[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = session.execute(
        sa.select(col(Record.entity_id), col(ChangeLog.payload))
        .join(ChangeLog, col(ChangeLog.seq) == col(Record.seq))
        .where(
            col(Record.team_id) == team_id,
            col(Record.entity) == "family",
            col(Record.entity_id).in_(sorted(ids)),
        )
    ).all()
    return {fid: json.loads(text) for fid, text in rows}


def _hits(session: Session, team_id: uuid.UUID, found: dict[uuid.UUID, Any], kind: str) -> list[FamilyHit]:
    ids = sorted(found, key=lambda f: (fold(str(found[f].get("name") or "")), str(f)))[:LIMIT]
    if not ids:
        return []
    babies: dict[uuid.UUID, list[str]] = {}
    for fid, text in session.execute(
        sa.select(col(Record.family_id), col(ChangeLog.payload))
        .join(ChangeLog, col(ChangeLog.seq) == col(Record.seq))
        .where(col(Record.team_id) == team_id, col(Record.entity) == "baby", col(Record.family_id).in_(ids))
    ).all():
        if fid is not None:
            babies.setdefault(fid, []).append(str(json.loads(text).get("name") or "(no name)"))
    last = dict(
        session.execute(
            sa.select(col(VisitFact.family_id), sa.func.max(col(VisitFact.visit_date)))
            .where(col(VisitFact.team_id) == team_id, col(VisitFact.family_id).in_(ids))
            .group_by(col(VisitFact.family_id))
        ).all()
    )
    return [
        FamilyHit(
            family_id=fid,
            name=str(found[fid].get("name") or "(no name)"),
            postcode=str(found[fid].get("postcode") or ""),
            babies=tuple(sorted(babies.get(fid, []))),
            last_visit=last.get(fid),
            matched=kind,
        )
        for fid in ids
    ]
