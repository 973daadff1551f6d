"""Typed hooks over Flet's (whose generics mypy cannot infer from a factory)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft


def use_typed_text(initial: Callable[[], dict[str, str]]) -> dict[str, str]:
    """What is being typed into a screen's fields, kept without re-rendering while typing."""
    # flet's use_state(StateT | Callable[[], StateT]) infers Never from a factory: say what it holds.
    value: dict[str, str] = ft.use_state(initial)[0]  # type: ignore[arg-type]
    return value
