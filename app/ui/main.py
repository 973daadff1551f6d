"""Serve the Flet web app (offline: no CDN) on this machine."""

from __future__ import annotations

import flet as ft

from app.domain.guidance import load_guidance


def main(page: ft.Page) -> None:
    page.title = "Safer Sleep Visits"
    g = load_guidance()
    page.add(
        ft.SafeArea(
            ft.Column(
                [
                    ft.Text("Safer Sleep Visits", size=28, weight=ft.FontWeight.BOLD),
                    ft.Text("Safer-sleep visits for health visitors, offline."),
                    ft.Text(f"Guidance version {g.version}"),
                ]
            )
        )
    )


def serve(*, host: str = "127.0.0.1", port: int = 8550) -> None:
    """Serve the web client and block."""
    ft.run(main, view=ft.AppView.WEB_BROWSER, host=host, port=port, no_cdn=True)
