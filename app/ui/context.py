"""Contexts that hand each browser session's state to the screens (and subscribe them to it)."""

from __future__ import annotations

import flet as ft

AppCtx = ft.create_context(None)
CaseloadCtx = ft.create_context(None)
VisitCtx = ft.create_context(None)
PdfCtx = ft.create_context(None)  # callable(bytes, name) -> URL of a short-lived token
