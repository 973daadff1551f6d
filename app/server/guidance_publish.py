"""Publishing a guidance file at base: checked by the domain's own rules, stored as a new version."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.guidance_check import check_guidance
from app.domain.problems import Problem
from app.protocol.limits import GUIDANCE_BYTES_MAX
from app.protocol.wire import GuidanceDocument, GuidanceLatest
from app.server.audit import audit
from app.server.models import GuidanceVersion, utcnow

VERSION_MAX = 40  # the guidance_version column


class PublishRefused(ValueError):
    """The file cannot be published; `problems` says what to correct."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Published:
    version: str
    new: bool  # False when exactly this file was already published


def publish_guidance(*, session: Session, text: str) -> Published:
    """Store `text` as a guidance version (the caller commits); the same version may not change."""
    if len(text.encode("utf-8")) > GUIDANCE_BYTES_MAX:
        raise PublishRefused([Problem("", f"must be at most {GUIDANCE_BYTES_MAX // 1024} kB")])
    checked = check_guidance(text)
    if isinstance(checked, list):
        raise PublishRefused(checked)
    if len(checked.version) > VERSION_MAX:
        raise PublishRefused([Problem("guidance_version", f"must be at most {VERSION_MAX} characters")])
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    existing = session.get(GuidanceVersion, checked.version)
    if existing is not None:
        if existing.hash != digest:
            raise PublishRefused(
                [
                    Problem(
                        "guidance_version",
                        f"{checked.version} is already published with different content; "
                        "give the changed file a new guidance_version",
                    )
                ]
            )
        return Published(checked.version, new=False)
    session.add(GuidanceVersion(version=checked.version, text=text, hash=digest, published=utcnow()))
    audit(session=session, action="guidance.publish", team_id=None, device_id=None)
    return Published(checked.version, new=True)


def newest_guidance(session: Session) -> GuidanceVersion | None:
    """The guidance version published last, if any."""
    return session.scalars(
        sa.select(GuidanceVersion).order_by(GuidanceVersion.published.desc()).limit(1)  # type: ignore[attr-defined]
    ).first()


def latest_guidance(*, session: Session, since_version: str | None) -> GuidanceLatest:
    """What a device needs: the newest version, with its text unless the device holds it already."""
    newest = newest_guidance(session)
    if newest is None:
        return GuidanceLatest(version=None)
    if newest.version == since_version:
        return GuidanceLatest(version=newest.version)
    return GuidanceLatest(version=newest.version, guidance=_document(newest))


def guidance_document(*, session: Session, version: str) -> GuidanceDocument | None:
    """One published version as devices receive it (None when never published here)."""
    row = session.get(GuidanceVersion, version)
    return None if row is None else _document(row)


def _document(row: GuidanceVersion) -> GuidanceDocument:
    published = row.published if row.published.tzinfo else row.published.replace(tzinfo=dt.UTC)  # SQLite
    return GuidanceDocument(
        version=row.version, hash="sha256:" + row.hash, published=published, text=row.text
    )


def published_text(*, session: Session, version: str) -> str | None:
    """The text of a published version (None when it was never published here)."""
    row = session.get(GuidanceVersion, version)
    return None if row is None else row.text
