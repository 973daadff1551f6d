"""Whether a step's questions go below the fold: a layout estimate, so the hint shows before any scroll."""

from __future__ import annotations

import math

from app.domain.values import Situation
from app.ui.questions import Question, Step
from app.ui.views.answers import LONG_WORDS

TILE, GAP, LABEL, HINT, FIELD, NOTES, SPACING = 58, 8, 30, 22, 64, 110, 16
SITUATIONS = len(Situation)
HEADER, CHROME = 200, 56 + 94  # progress, status, heading, intro; app bar and bottom bar


def content_width(width: float) -> float:
    """page_body's column: full width on phones, 10/12 from 768 px, 8/12 from 992 px (less padding)."""
    share = 8 / 12 if width >= 992 else 10 / 12 if width >= 768 else 1.0
    return width * share - 32


def _columns(q: Question, width: float) -> int:
    long = any(len(w) > LONG_WORDS for _, w in q.options)
    if width >= 768:
        return 3
    if long:
        return 2 if width >= 576 else 1
    return 2


def question_height(q: Question, width: float) -> float:
    extra = HINT if q.hint and q.kind in ("yes_no", "choice", "multi") else 0
    if q.kind == "yes_no":
        body: float = TILE
    elif q.kind in ("choice", "multi"):
        rows = math.ceil((len(q.options) + 1) / _columns(q, width))
        body = rows * TILE + (rows - 1) * GAP + (HINT if q.kind == "multi" else 0)
    elif q.kind == "routine":
        body = SITUATIONS * (TILE + GAP)
    elif q.kind == "people":
        body = 3 * (TILE + GAP)
    elif q.kind == "text":
        return NOTES
    else:
        return FIELD
    return LABEL + extra + body


def below_the_fold(step: Step, width: float, height: float) -> bool:
    """True when the step's questions are taller than the space between the bars."""
    if width <= 0 or height <= 0:
        return len(step.questions) >= 3
    w = content_width(width)
    total = HEADER + sum(question_height(q, w) + SPACING for q in step.questions)
    return total > height - CHROME
