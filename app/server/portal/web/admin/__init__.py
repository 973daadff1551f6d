"""The admin screens of the portal (route admin/...), for a team administrator only."""

from __future__ import annotations

import flet as ft

ADMIN_HOME = "/admin/users"


def admin_routes() -> list[ft.Route]:
    """The admin screens, as children of the portal's root route."""
    from app.server.portal.web.admin.audit_view import AuditView
    from app.server.portal.web.admin.conflict_view import ConflictView_
    from app.server.portal.web.admin.conflicts_view import ConflictsView
    from app.server.portal.web.admin.devices_view import DevicesView
    from app.server.portal.web.admin.guidance_view import GuidanceView
    from app.server.portal.web.admin.users_view import UsersView

    return [
        ft.Route(path="admin/users", component=UsersView),
        ft.Route(path="admin/devices", component=DevicesView),
        ft.Route(path="admin/conflicts", component=ConflictsView),
        ft.Route(path="admin/conflicts/:cid", component=ConflictView_),
        ft.Route(path="admin/guidance", component=GuidanceView),
        ft.Route(path="admin/audit", component=AuditView),
    ]
