"""Typed contexts handing each browser session's state to the screens (and subscribing them to it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import flet as ft

from app.ui.state import AppState, CaseloadState, FamilyState, SyncState, VisitState

T = TypeVar("T")
PdfLink = Callable[[bytes, str], str]  # (pdf, file name) -> URL of a short-lived token

AppCtx: ft.ContextProvider[AppState | None] = ft.create_context(None)
CaseloadCtx: ft.ContextProvider[CaseloadState | None] = ft.create_context(None)
FamilyCtx: ft.ContextProvider[FamilyState | None] = ft.create_context(None)
SyncCtx: ft.ContextProvider[SyncState | None] = ft.create_context(None)
VisitCtx: ft.ContextProvider[VisitState | None] = ft.create_context(None)
PdfCtx: ft.ContextProvider[PdfLink | None] = ft.create_context(None)


def _need(value: T | None, name: str) -> T:
    if value is None:
        raise RuntimeError(f"{name}: used outside the App component")
    return value


def use_app() -> AppState:
    return _need(ft.use_context(AppCtx), "use_app")


def use_caseload() -> CaseloadState:
    return _need(ft.use_context(CaseloadCtx), "use_caseload")


def use_family() -> FamilyState:
    return _need(ft.use_context(FamilyCtx), "use_family")


def use_sync() -> SyncState:
    return _need(ft.use_context(SyncCtx), "use_sync")


def use_visit() -> VisitState:
    return _need(ft.use_context(VisitCtx), "use_visit")


def use_pdf_link() -> PdfLink:
    return _need(ft.use_context(PdfCtx), "use_pdf_link")
