"""What changed between two guidance files: entries added, removed and changed, field by field,
with a word-level diff of each changed text (pure Python: tomllib and difflib)."""

from __future__ import annotations

import difflib
import json
import tomllib
from dataclasses import dataclass
from typing import Any

ENTRY_KINDS = ("factors", "protective", "prompts", "context")
GENERAL = "general"  # the file's top-level settings (version, information line)


@dataclass(frozen=True)
class Piece:
    kind: str  # same, removed or added
    text: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str
    words: tuple[Piece, ...]


@dataclass(frozen=True)
class EntryChange:
    entry: str  # e.g. factors.sofa_or_armchair_sharing, key_messages.2, general
    title: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class GuidanceDiff:
    old: str
    new: str
    added: tuple[tuple[str, str], ...]  # (entry, title)
    removed: tuple[tuple[str, str], ...]
    changed: tuple[EntryChange, ...]

    @property
    def same(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def entries(text: str) -> dict[str, dict[str, str]]:
    """Entry -> field -> text: each coded entry, each key message, each leaflet table, and `general`."""
    raw = tomllib.loads(text)
    out: dict[str, dict[str, str]] = {}
    for key, value in raw.items():
        if key in ENTRY_KINDS and isinstance(value, dict):
            for code, body in value.items():
                fields = body if isinstance(body, dict) else {"value": body}
                out[f"{key}.{code}"] = {k: _text(v) for k, v in fields.items()}
        elif isinstance(value, list) and all(isinstance(v, dict) for v in value):
            for i, body in enumerate(value, start=1):
                out[f"{key}.{i}"] = {k: _text(v) for k, v in body.items()}
        elif isinstance(value, dict):
            out[key] = {k: _text(v) for k, v in value.items()}
        else:
            out.setdefault(GENERAL, {})[key] = _text(value)
    return out


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    a, b = old.split(), new.split()
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", " ".join(b[j1:j2])))
    return tuple(pieces)


def _title(fields: dict[str, str], entry: str) -> str:
    if entry == GENERAL:
        return "the file's settings"
    return fields.get("title") or fields.get("text", "")[:60] or entry


def compare(old_name: str, old_text: str, new_name: str, new_text: str) -> GuidanceDiff:
    old, new = entries(old_text), entries(new_text)
    changed = []
    for entry in sorted(old.keys() & new.keys()):
        a, b = old[entry], new[entry]
        fields = tuple(
            FieldChange(f, a.get(f, ""), b.get(f, ""), word_diff(a.get(f, ""), b.get(f, "")))
            for f in sorted(a.keys() | b.keys())
            if a.get(f) != b.get(f)
        )
        if fields:
            changed.append(EntryChange(entry, _title(b, entry), fields))
    return GuidanceDiff(
        old=old_name,
        new=new_name,
        added=tuple((e, _title(new[e], e)) for e in sorted(new.keys() - old.keys())),
        removed=tuple((e, _title(old[e], e)) for e in sorted(old.keys() - new.keys())),
        changed=tuple(changed),
    )
