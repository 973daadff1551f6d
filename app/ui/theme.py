"""Every colour the app uses, in one place (risk is always colour PLUS a word and an icon)."""

from __future__ import annotations

BRAND = "#1A4D8F"
DANGER = "#B3261E"
WARNING = "#8A5300"
GOOD = "#1B6B3A"
NEUTRAL = "#5F6368"
TEXT = "#1F1F1F"
ERROR_TEXT = DANGER

RISK_COLOURS = {"high": DANGER, "increased": WARNING, "incomplete": NEUTRAL, "low": GOOD}

# tone -> (background, foreground)
TONES = {
    "warning": ("#FFF4E5", WARNING),
    "danger": ("#FDECEA", DANGER),
    "info": ("#E8F0FE", BRAND),
    "good": ("#E7F4EC", GOOD),
}
