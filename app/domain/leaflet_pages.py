"""The pages the leaflet links by QR code: family pages only, each once, a few, with friendly names."""

from __future__ import annotations

from urllib.parse import urlparse

from app.domain.leaflet_model import LinkedPage

# Friendly names for the pages the QR codes link to; other pages are named by their host.
PAGE_LABELS: dict[str, str] = {
    "https://www.lullabytrust.org.uk/safer-sleep-advice/": "Safer sleep advice",
    "https://www.lullabytrust.org.uk/baby-safety/safer-sleep-information/room-temperature/": "Room temperature",  # noqa: E501
    "https://www.nice.org.uk/guidance/ng194/chapter/Recommendations": "Postnatal care (NICE)",
}
# The sheet links only pages written for families (The Lullaby Trust's sites): never the NICE or
# safeguarding-review pages written for professionals, even where they are the guidance's source.
FAMILY_HOSTS = frozenset(
    {"www.lullabytrust.org.uk", "lullabytrust.org.uk", "www.littlelullaby.org.uk", "littlelullaby.org.uk"}
)
MAX_LINKS = 4  # a few pages to look at, not a reading list


def family_page(sources: tuple[str, ...]) -> str:
    """The first of `sources` written for families, or "" when none is."""
    return next((url for url in sources if urlparse(url).netloc in FAMILY_HOSTS), "")


def page_label(url: str, title: str = "") -> str:
    """A friendly name for a linked page: a known page's name, the title citing it, or its host."""
    return PAGE_LABELS.get(url) or title or urlparse(url).netloc.removeprefix("www.") or url


def linked_pages(cited: list[tuple[str, str]]) -> tuple[LinkedPage, ...]:
    """The pages cited, once each in order, as (address, title of what cites it first)."""
    seen: dict[str, str] = {}
    for url, title in cited:
        if url and urlparse(url).netloc in FAMILY_HOSTS:
            seen.setdefault(url, title)
    pages = [LinkedPage(url, page_label(url, title)) for url, title in seen.items()]
    return tuple(pages[:MAX_LINKS])
