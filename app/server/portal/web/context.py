"""Contexts handing each browser session's portal state to the screens."""

from __future__ import annotations

import flet as ft

AuthCtx = ft.create_context(None)
QueueCtx = ft.create_context(None)
ItemCtx = ft.create_context(None)
MoreCtx = ft.create_context(None)  # families, figures, admin and printing (state_more.PortalMore)
PdfCtx = ft.create_context(None)  # callable(bytes, name) -> URL of a short-lived token
