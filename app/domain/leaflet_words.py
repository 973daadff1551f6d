"""The leaflet's wording: the guidance's [leaflet] text with the baby's name filled in, plain text
only, and no sentence printed twice."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.guidance import Guidance
from app.domain.leaflet_model import Picture, plain, sentences


class Once:
    """Drops any sentence already printed elsewhere on the sheet (nothing appears twice)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def keep(self, text: str) -> str:
        out = []
        for sentence in sentences(text):
            key = sentence.casefold().rstrip(".!?")
            if key not in self.seen:
                self.seen.add(key)
                out.append(sentence)
        return " ".join(out)


@dataclass(frozen=True, slots=True)
class Words:
    """The [leaflet] wording of the guidance, with the baby's name filled in."""

    g: Guidance
    baby: str

    def __call__(self, key: str, **values: str) -> str:
        text = self.g.leaflet.get(key, "")
        for name, value in {"baby": self.baby, **values}.items():
            text = text.replace("{" + name + "}", value)
        return plain(text)

    def label(self, picture: Picture | None) -> str:
        return self(f"pictures.{picture.value}") if picture else ""


def optional_text(text: str | None) -> str | None:
    """The text as printed, or None when there is none."""
    return plain(text) if text and text.strip() else None


def joined(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def plan_lines(agreed_actions: str | list[str] | None) -> tuple[str, ...]:
    """The agreed actions, one a line, without list marks or empty lines."""
    if agreed_actions is None:
        return ()
    lines = agreed_actions.splitlines() if isinstance(agreed_actions, str) else agreed_actions
    cleaned = (plain(line).lstrip("-•* ").strip() for line in lines)
    return tuple(line for line in cleaned if line)
