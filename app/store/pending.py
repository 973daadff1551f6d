"""Pending input: text typed on a draft that is not (yet) a valid answer, kept beside the draft.

While pending text exists for a question, the stored answer for it is "not recorded": setting
pending input clears the answer in the same transaction, so the record never holds a different
value from what the screen shows. A valid answer saved later replaces the pending text.
Repositories: these functions never commit (the caller's unit of work does).
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, select

from app.domain.guide import answer_paths
from app.domain.visit import VISIT_FORMAT
from app.store.answers import NOTE_FIELDS, split_path, with_answer
from app.store.engine import writes
from app.store.errors import RecordError
from app.store.ids import utcnow
from app.store.models import TEXT_MAX, PendingInput
from app.store.visits import _draft as draft_row
from app.store.visits import drop_pending, pending_of

REQUIRED = ("visit.date", "visit.type")  # every visit has them: never left unsaved


class PendingInputPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    visit_id: UUID
    path: str
    raw_text: str
    updated: dt.datetime


def _question_paths(path: str) -> tuple[str, ...]:
    section, field = split_path(path, notes=True)
    if section == "notes":
        return (path,)
    return answer_paths(f"{section}.{field}")


@writes
def set_pending_input(*, session: Session, visit_id: UUID, path: str, raw_text: str) -> PendingInputPublic:
    """Keep `raw_text` for `path` and clear that question's stored answer (not recorded)."""
    row = draft_row(session, visit_id)
    paths = _question_paths(path)
    if path in REQUIRED:
        raise RecordError([f"{path}: every visit has a date and a type; it cannot be left unsaved"])
    if not isinstance(raw_text, str):
        raise RecordError([f"{path}: pending input must be text"])
    if len(raw_text) > TEXT_MAX:
        raise RecordError([f"{path}: must be at most {TEXT_MAX} characters"])
    if path.startswith("notes."):
        name = path.removeprefix("notes.")
        if name == "follow_up_date":
            row.follow_up_date = None
        elif name in NOTE_FIELDS:
            setattr(row, name, "")
    else:
        answers = dict(row.answers) or {"format": VISIT_FORMAT}
        for p in paths:
            answers = with_answer(answers, p, None)
        row.answers = answers
    row.updated = utcnow()
    session.add(row)
    pending = session.get(PendingInput, (visit_id, path))
    if pending is None:
        pending = PendingInput(visit_id=visit_id, path=path, raw_text=raw_text, updated=row.updated)
    pending.raw_text, pending.updated = raw_text, row.updated
    session.add(pending)
    session.flush()
    return PendingInputPublic.model_validate(pending)


@writes
def clear_pending_input(*, session: Session, visit_id: UUID, path: str) -> None:
    """Forget the pending text of a question (its answer stays as stored)."""
    draft_row(session, visit_id)
    drop_pending(session, visit_id, _question_paths(path))


def list_pending_input(*, session: Session, visit_id: UUID) -> list[PendingInputPublic]:
    """The pending text of a visit, by path (oldest first)."""
    rows = session.exec(
        select(PendingInput)
        .where(col(PendingInput.visit_id) == visit_id)
        .order_by(col(PendingInput.updated), col(PendingInput.path))
    )
    return [PendingInputPublic.model_validate(r) for r in rows]


@writes
def keep_pending_input(*, session: Session, visit_id: UUID, path: str, raw_text: str) -> None:
    """Keep `raw_text` for `path` (any key the visit screens use) without touching the answers.

    For a service that clears the answer itself in the same unit of work (see app/services/visit_answers.py).
    """
    row = draft_row(session, visit_id)
    pending = session.get(PendingInput, (visit_id, path))
    if pending is None:
        pending = PendingInput(visit_id=visit_id, path=path, raw_text=raw_text)
    pending.raw_text, pending.updated = raw_text, utcnow()
    session.add(pending)
    row.updated = pending.updated
    session.add(row)


def pending_texts(*, session: Session, visit_id: UUID) -> dict[str, str]:
    """{path: raw text} of a visit's pending input."""
    return pending_of(session, visit_id)


@writes
def forget_pending_input(*, session: Session, visit_id: UUID, paths: tuple[str, ...] | None = None) -> None:
    """Drop a visit's pending input (only for `paths` when given), answers untouched."""
    drop_pending(session, visit_id, paths)
