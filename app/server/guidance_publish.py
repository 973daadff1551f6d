"""Publishing a guidance file at base: checked by the domain's own rules, stored as a new version."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.guidance_check import check_guidance
from app.domain.problems import Problem
from app.server.audit import audit
from app.server.models import GuidanceVersion, utcnow


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
    checked = check_guidance(text)
    if isinstance(checked, list):
        raise PublishRefused(checked)
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
