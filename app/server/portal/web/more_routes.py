"""The portal's record and printing screens beyond the queue: families search and batch leaflets."""

from __future__ import annotations

import flet as ft


def records_routes() -> list[ft.Route]:
    """Families (each family's chronology under it, so Back returns to the search) and printing."""
    from app.server.portal.web.views.families import FamiliesView
    from app.server.portal.web.views.family import FamilyView
    from app.server.portal.web.views.printing import PrintingView

    return [
        ft.Route(
            path="families", component=FamiliesView, children=[ft.Route(path=":fid", component=FamilyView)]
        ),
        ft.Route(path="print", component=PrintingView),
    ]
