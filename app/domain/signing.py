"""The invariant of signing: a visit with core questions not asked is signed only with a reason."""

from __future__ import annotations

from app.domain.assessment import Assessment
from app.domain.problems import Problem

INCOMPLETE_REASON_CHARS = (1, 500)
REASON_EXAMPLE = "parent declined to answer"


def sign_problems(assessment: Assessment, incomplete_reason: str | None) -> list[Problem]:
    """What stops this visit being signed ([] when it may be signed)."""
    reason = (incomplete_reason or "").strip()
    if len(reason) > INCOMPLETE_REASON_CHARS[1]:
        return [Problem("incomplete_reason", f"must be at most {INCOMPLETE_REASON_CHARS[1]} characters")]
    if assessment.incomplete and not reason:
        n = len(assessment.incomplete)
        return [
            Problem(
                "incomplete_reason",
                f"required: {n} core question{'' if n == 1 else 's'} not asked "
                f"({', '.join(assessment.incomplete)}); say why, for example {REASON_EXAMPLE!r}",
            )
        ]
    return []


def recorded_reason(assessment: Assessment, incomplete_reason: str | None) -> str | None:
    """The reason as stored with the signature: only for an incomplete visit, trimmed."""
    reason = (incomplete_reason or "").strip()
    return reason if assessment.incomplete and reason else None
