"""Typed hooks over Flet's (whose generics mypy cannot infer from a factory)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft


class TypedText(dict[str, str]):
    """A form's typed text: storing a key (every keystroke) counts as activity for the idle lock."""

    def __init__(self, values: dict[str, str], on_typing: Callable[[], None]) -> None:
        super().__init__(values)
        self.on_typing = on_typing

    def __setitem__(self, key: str, value: str) -> None:
        self.on_typing()
        super().__setitem__(key, value)


def use_typed_text(initial: Callable[[], dict[str, str]]) -> dict[str, str]:
    """What is being typed into a screen's fields, kept without re-rendering while typing."""
    from app.ui.context import AppCtx

    app = ft.use_context(AppCtx)
    touch = app.touch if app is not None else (lambda: None)

    def make() -> dict[str, str]:
        return TypedText(initial(), touch)

    # flet's use_state(StateT | Callable[[], StateT]) infers Never from a factory: say what it holds.
    value: dict[str, str] = ft.use_state(make)[0]  # type: ignore[arg-type]
    return value
