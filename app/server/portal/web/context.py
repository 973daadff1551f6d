"""Typed contexts handing each browser session's portal state to the screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import flet as ft

if TYPE_CHECKING:
    from app.server.portal.web.state import AuthState, ItemState, QueueState

AuthCtx = ft.create_context(cast("AuthState", None))
QueueCtx = ft.create_context(cast("QueueState", None))
ItemCtx = ft.create_context(cast("ItemState", None))
MoreCtx = ft.create_context(cast(Any, None))  # the figures screen (state_more.FiguresState)
ChronCtx = ft.create_context(cast(Any, None))  # the family chronology (state_more.ChronologyState)
PdfCtx = ft.create_context(cast("Callable[[bytes, str], str]", None))  # PDF bytes, name -> short-lived URL
PrintCtx = ft.create_context(cast("Callable[[Callable[[], bytes], str], str]", None))  # make-PDF, name -> URL
