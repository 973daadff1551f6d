"""The guidance versions this device holds: the packaged one, and those pulled from base.

New assessments use the newest held (the one published last at base; the packaged guidance until
one is pulled). A signed visit, its amendments and its leaflet reprints use the version the visit
was signed with, so every version a stored visit names is kept (rows are never deleted).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import Column, Text
from sqlmodel import Field, Session, SQLModel, col, select

from app.domain.guidance import Guidance, load_guidance
from app.domain.guidance_check import check_guidance
from app.store.engine import writes
from app.store.errors import RecordError
from app.store.ids import utcnow

VERSION_MAX = 64
_PARSED: dict[str, Guidance] = {}  # by hash: each text is parsed once per process


class GuidanceHeld(SQLModel, table=True):
    """A guidance file received from base (kept whole: a reprint needs its text)."""

    __tablename__ = "guidance_held"

    version: str = Field(primary_key=True, max_length=VERSION_MAX)
    text: str = Field(sa_column=Column(Text, nullable=False))
    hash: str = Field(max_length=80)  # sha256:<hex> of the text
    published: dt.datetime  # when base published it: the newest is the one in force
    received: dt.datetime = Field(default_factory=utcnow)


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@writes
def keep_guidance(*, session: Session, text: str, hash: str, published: dt.datetime) -> str:
    """Keep a guidance file from base (checked by the domain's rules); returns its version.

    RecordError when the text does not match its hash, is not complete guidance, or names a
    version already held with different text (a held version never changes).
    """
    if text_hash(text) != hash:
        raise RecordError(["guidance.hash: does not match the text received; sync again"])
    checked = check_guidance(text)
    if isinstance(checked, list):
        raise RecordError([f"guidance.{p.path}: {p.message}" if p.path else p.message for p in checked])
    if len(checked.version) > VERSION_MAX:
        raise RecordError([f"guidance.guidance_version: must be at most {VERSION_MAX} characters"])
    held = session.get(GuidanceHeld, checked.version)
    if held is not None:
        if held.hash != hash:
            raise RecordError([f"guidance.guidance_version: {checked.version} is held with different text"])
        return checked.version
    session.add(GuidanceHeld(version=checked.version, text=text, hash=hash, published=published))
    _PARSED[hash] = checked
    return checked.version


def _parsed(row: GuidanceHeld) -> Guidance:
    found = _PARSED.get(row.hash)
    if found is None:
        found = _PARSED[row.hash] = check_or_packaged(row.text)
    return found


def check_or_packaged(text: str) -> Guidance:
    """Held text was checked when it arrived; should it not parse now, the packaged guidance."""
    checked = check_guidance(text)
    return load_guidance() if isinstance(checked, list) else checked


def newest_held_version(*, session: Session) -> str | None:
    """The version published last among those held (None: only the packaged guidance)."""
    return session.exec(
        select(GuidanceHeld.version).order_by(col(GuidanceHeld.published).desc()).limit(1)
    ).first()


def guidance_in_force(*, session: Session) -> Guidance:
    """The guidance for a new assessment: the newest held, else the packaged one."""
    row = session.exec(select(GuidanceHeld).order_by(col(GuidanceHeld.published).desc()).limit(1)).first()
    return load_guidance() if row is None else _parsed(row)


def guidance_of(*, session: Session, version: str | None) -> Guidance:
    """The guidance of `version` (a signed visit's): held or packaged; the one in force when unknown."""
    packaged = load_guidance()
    if version is None or version == packaged.version:
        return packaged if version is not None else guidance_in_force(session=session)
    row = session.get(GuidanceHeld, version)
    return guidance_in_force(session=session) if row is None else _parsed(row)


def holds_guidance(*, session: Session, version: str) -> bool:
    """Whether this device can assess with `version` (packaged or held)."""
    return version == load_guidance().version or session.get(GuidanceHeld, version) is not None


def held_versions(*, session: Session) -> list[str]:
    """Every version this device can use, newest first (the packaged one last)."""
    held = list(session.exec(select(GuidanceHeld.version).order_by(col(GuidanceHeld.published).desc())))
    packaged = load_guidance().version
    return held + ([packaged] if packaged not in held else [])
