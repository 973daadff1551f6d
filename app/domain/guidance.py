"""Guidance content (titles, advice, sources) loaded from `data/guidance.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path


def package_folder(name: str) -> Path:
    """Where the data package `name` lives, installed or editable (importlib.resources costs more to load)."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the data package {name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


# data/ at the top of the repository, shipped as the package `app.data` (see setup.py).
DATA_DIR = package_folder("app.data")
GUIDANCE_FILE = DATA_DIR / "guidance.toml"
KINDS = ("factors", "protective", "prompts", "context")


@dataclass(frozen=True, slots=True)
class GuidanceEntry:
    """One code's guidance: what the family reads and what the practitioner reads."""

    code: str
    kind: str
    title: str
    family_advice: str
    practitioner_note: str
    sources: tuple[str, ...]

    @property
    def source_url(self) -> str:
        """The main source (the first listed)."""
        return self.sources[0]


@dataclass(frozen=True, slots=True)
class KeyMessage:
    text: str
    source_url: str
    picture: str = ""  # the leaflet pictogram that shows this message (names in leaflet_content.Picture)


@dataclass(frozen=True, slots=True, eq=False)
class Guidance:
    """A version of the guidance content; compared and hashed by identity."""

    version: str
    information_line: str
    information_line_name: str
    entries: dict[str, GuidanceEntry]
    key_messages: tuple[KeyMessage, ...]
    # Family-facing wording the leaflet builds around the entries: the [leaflet] table, one level
    # of sub-tables flattened to dotted keys ("bed_sharing_reasons.premature").
    leaflet: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, code: str) -> GuidanceEntry:
        return self.entries[code]

    def of_kind(self, kind: str) -> list[GuidanceEntry]:
        return [e for e in self.entries.values() if e.kind == kind]


def parse_guidance(text: str) -> Guidance:
    """Build guidance from TOML text; raises ValueError naming the entry and field."""
    raw = tomllib.loads(text)
    entries: dict[str, GuidanceEntry] = {}
    for kind in KINDS:
        for code, body in raw.get(kind, {}).items():
            missing = [f for f in ("title", "practitioner_note") if not body.get(f)]
            sources = _sources(body)
            if not sources:
                missing.append("sources")
            if missing:
                raise ValueError(f"{kind}.{code}: missing {', '.join(missing)}")
            if bad := [u for u in sources if not u.startswith("https://")]:
                raise ValueError(f"{kind}.{code}: sources must be https addresses, not {', '.join(bad)}")
            if code in entries:
                raise ValueError(f"{kind}.{code}: code already used in {entries[code].kind}")
            entries[code] = GuidanceEntry(
                code=code,
                kind=kind,
                title=body["title"],
                family_advice=body.get("family_advice", ""),
                practitioner_note=body["practitioner_note"],
                sources=sources,
            )
    messages = tuple(
        KeyMessage(m["text"], m["source_url"], m.get("picture", "")) for m in raw.get("key_messages", [])
    )
    return Guidance(
        version=str(raw["guidance_version"]),
        information_line=raw.get("information_line", ""),
        information_line_name=raw.get("information_line_name", ""),
        entries=entries,
        key_messages=messages,
        leaflet=_flat_leaflet(raw.get("leaflet", {})),
    )


def _sources(body: dict[str, object]) -> tuple[str, ...]:
    """`sources = [...]` (one or more addresses); an older `source_url = "..."` is read as one."""
    raw = body.get("sources", [body["source_url"]] if body.get("source_url") else [])
    return tuple(str(u) for u in raw) if isinstance(raw, list) else ()


def _flat_leaflet(table: dict[str, object]) -> dict[str, str]:
    """The [leaflet] wording with sub-tables flattened to dotted keys; every value must be text."""
    out: dict[str, str] = {}
    for key, value in table.items():
        items = value.items() if isinstance(value, dict) else [("", value)]
        for sub, text in items:
            name = f"{key}.{sub}" if sub else key
            if not isinstance(text, str):
                raise ValueError(f"leaflet.{name}: must be text")
            out[name] = text
    return out


@cache
def load_guidance(path: Path = GUIDANCE_FILE) -> Guidance:
    """The guidance in force (cached per file)."""
    return parse_guidance(path.read_text(encoding="utf-8"))
