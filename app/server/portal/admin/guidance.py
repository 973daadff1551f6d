"""Guidance versions at base, for an administrator: the published versions, publishing a file
(checked by the same rules as `safesleep server publish-guidance`), and what changed between two."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlmodel import col

from app.domain.guidance import GUIDANCE_FILE
from app.server.guidance_publish import Published, publish_guidance
from app.server.models import GuidanceVersion
from app.server.portal.accounts import Person
from app.server.portal.admin import require_admin
from app.server.portal.admin.guidance_diff import GuidanceDiff, compare, entries
from app.server.portal.audit import audit_person
from app.server.portal.queue import NotFound

PACKAGED = "packaged"  # the guidance file the server was installed with (data/guidance.toml)


@dataclass(frozen=True)
class VersionRow:
    version: str
    published: dt.datetime | None  # None: the packaged file
    entries: int
    newest: bool


def packaged_text() -> str:
    return GUIDANCE_FILE.read_text(encoding="utf-8")


def versions(*, session: Session, person: Person) -> list[VersionRow]:
    """Published versions, newest first, then the packaged file (the base devices start from)."""
    require_admin(person)
    rows = session.execute(
        sa.select(
            col(GuidanceVersion.version), col(GuidanceVersion.published), col(GuidanceVersion.text)
        ).order_by(col(GuidanceVersion.published).desc())
    ).all()
    out = [VersionRow(v, p, len(entries(t)) - 1, i == 0) for i, (v, p, t) in enumerate(rows)]
    return [*out, VersionRow(PACKAGED, None, len(entries(packaged_text())) - 1, not out)]


def publish(*, session: Session, person: Person, text: str) -> Published:
    """Check and publish `text` (PublishRefused lists every problem by entry and field)."""
    require_admin(person)
    done = publish_guidance(session=session, text=text)
    audit_person(
        session=session,
        action="guidance.publish" if done.new else "guidance.publish_again",
        team_id=person.team_id,
        user_id=person.user_id,
        version=done.version,
    )
    return done


def _text(session: Session, version: str) -> str:
    if version == PACKAGED:
        return packaged_text()
    row = session.get(GuidanceVersion, version)
    if row is None:
        raise NotFound(f"guidance version {version!r}: not published here")
    return row.text


def difference(*, session: Session, person: Person, old: str, new: str) -> GuidanceDiff:
    require_admin(person)
    return compare(old, _text(session, old), new, _text(session, new))
