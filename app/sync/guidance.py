"""Fetching guidance from base at sync: the newest published, and any version a pulled visit names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from app.protocol.wire import GuidanceDocument
from app.store import RecordError, Store, holds_guidance, keep_guidance, newest_held_version
from app.sync.client import ServerClient
from app.sync.errors import ServerRefused

NAMING = ("visit", "amendment")  # the entities whose payload names a guidance_version


def fetch_newest(store: Store, client: ServerClient, problems: list[str]) -> str | None:
    """Keep the newest guidance published at base unless held already; the version kept, if new."""
    with store.session() as s:
        held = newest_held_version(session=s)
    try:
        answer = client.guidance_latest(held)
    except ServerRefused as exc:  # an older server without guidance: assess with what is held
        problems.append(f"guidance: {exc}")
        return None
    document = answer.get("guidance")
    return None if not document else _keep(store, document, problems)


def versions_named(changes: Iterable[dict[str, Any]]) -> set[str]:
    """The guidance versions that pulled visits and amendments were assessed with."""
    out = set()
    for change in changes:
        payload = change.get("payload")
        if change.get("entity") in NAMING and isinstance(payload, dict):
            version = payload.get("guidance_version")
            if isinstance(version, str) and 0 < len(version) <= 64:
                out.add(version)
    return out


def fetch_missing(store: Store, client: ServerClient, versions: set[str], problems: list[str]) -> list[str]:
    """Fetch each of `versions` this device does not hold (so reprints find their text)."""
    with store.session() as s:
        missing = sorted(v for v in versions if not holds_guidance(session=s, version=v))
    kept = []
    for version in missing:
        try:
            document = client.guidance_version(version)
        except ServerRefused as exc:
            problems.append(f"guidance {version}: {exc}")
            continue
        if (done := _keep(store, document, problems)) is not None:
            kept.append(done)
    return kept


def _keep(store: Store, raw: dict[str, Any], problems: list[str]) -> str | None:
    try:
        document = GuidanceDocument.model_validate(raw)
    except ValidationError:
        problems.append("guidance: the team server sent guidance this device cannot read")
        return None
    try:
        with store.unit_of_work() as uow:
            version = keep_guidance(
                session=uow.session, text=document.text, hash=document.hash, published=document.published
            )
            uow.commit()
    except RecordError as exc:
        problems.append(f"guidance {document.version}: not used ({exc})")
        return None
    return version
