"""The guidance in use on this device: its version and its sources."""

from __future__ import annotations

from app.domain import load_guidance
from app.domain.guidance import Guidance
from app.store import Store, guidance_in_force


def guidance_now(*, store: Store) -> Guidance:
    """The guidance new assessments use on this device (the newest it holds from base)."""
    with store.session() as s:
        return guidance_in_force(session=s)


def guidance_about(*, store: Store | None = None) -> tuple[str, list[str]]:
    """The guidance version in use and the address of each of its sources (for the About section)."""
    g = load_guidance() if store is None else guidance_now(store=store)
    seen: dict[str, None] = {}
    for e in g.entries.values():
        seen.setdefault(e.source_url)
    for m in g.key_messages:
        seen.setdefault(m.source_url)
    return g.version, list(seen)
