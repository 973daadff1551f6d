"""The visit screens' shared start: the open visit from the address; Back goes where you came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import flet as ft

from app.ui.context import AppCtx, VisitCtx
from app.ui.state import AppState, VisitState
from app.ui.views.app_bar import lock_action


@dataclass(frozen=True, slots=True)
class OpenVisit:
    """What every visit screen needs: the session's state, the ids in the address, its own path."""

    app: AppState
    visit: VisitState
    page: ft.Page
    family_id: str
    visit_id: str
    route: str  # this view's own path: its unique key on the navigator's stack
    back_to: str  # the screen this one was reached from (else its parent screen)

    @property
    def base(self) -> str:
        return f"/family/{self.family_id}/visit/{self.visit_id}"

    @property
    def family(self) -> str:
        return f"/family/{self.family_id}"

    def go(self, target: str) -> None:
        self.page.navigate(target)

    def back(self) -> None:
        self.page.navigate(self.back_to)


def use_open_visit(*, under_review: bool = False) -> OpenVisit:
    """Load the visit named in the address (if the session does not hold it yet) and note the trail.

    Back goes to the screen this one was reached from; opened directly, to its parent screen
    (the review for screens `under_review`, else the family).
    """
    app = cast(AppState, ft.use_context(AppCtx))
    visit = cast(VisitState, ft.use_context(VisitCtx))
    params = ft.use_route_params()
    route = ft.use_view_path() or ft.context.page.route
    here = ft.use_route_location() or route
    fid, vid = params.get("fid", ""), params.get("vid", "")
    is_open = app.phase == "open"  # locking re-renders the screens once more, with the store closed
    if is_open and vid and visit.visit_id != vid and not visit.gone(vid):
        visit.open(app.store, vid)
    on_top = here == route
    if on_top and is_open:
        visit.note_location(here)
        app.touch()  # moving between a visit's screens is use, even with nothing answered
    parent = f"/family/{fid}/visit/{vid}/review" if under_review else f"/family/{fid}"
    back_to = visit.back_target(here, parent) if on_top else route
    return OpenVisit(app, visit, ft.context.page, fid, vid, route, back_to)


def back_button(ov: OpenVisit) -> ft.Control:
    """The AppBar's back arrow: to the screen you came from, never a blank one."""
    return ft.Semantics(
        label="Back",
        button=True,
        identifier=f"back {ov.route}",  # which screen's Back it is (tests tap the top screen's)
        content=ft.IconButton(icon=ft.Icons.ARROW_BACK, on_click=lambda e: ov.back()),
    )


def visit_appbar(ov: OpenVisit, title: str, *, actions: list[ft.Control] | None = None) -> ft.AppBar:
    return ft.AppBar(
        leading=back_button(ov),
        automatically_imply_leading=False,
        title=ft.Text(title, overflow=ft.TextOverflow.ELLIPSIS),
        actions=[*(actions or []), lock_action(ov.app)],
    )


def visit_start(family_id: str, visit_id: str) -> str:
    """Where a started (or continued) visit opens: its first step."""
    from app.ui.questions import STEP_SLUGS

    return f"/family/{family_id}/visit/{visit_id}/step/{STEP_SLUGS[0]}"
