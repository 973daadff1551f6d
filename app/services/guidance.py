"""The guidance in use: its version and its sources."""

from __future__ import annotations

from app.domain import load_guidance


def guidance_about() -> tuple[str, list[str]]:
    """The guidance version and the address of each of its sources (for the About section)."""
    g = load_guidance()
    seen: dict[str, None] = {}
    for e in g.entries.values():
        seen.setdefault(e.source_url)
    for m in g.key_messages:
        seen.setdefault(m.source_url)
    return g.version, list(seen)
