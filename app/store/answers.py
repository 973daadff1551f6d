"""Editing a visit document one dotted path at a time: the domain's functions (app.domain.amendments)."""

from __future__ import annotations

from app.domain.amendments import NOTE_FIELDS, get_answer, json_value, split_path, with_answer

__all__ = ["NOTE_FIELDS", "get_answer", "json_value", "split_path", "with_answer"]
