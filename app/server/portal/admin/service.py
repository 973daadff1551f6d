"""The admin screens' unit of work: each call checks the session and the role, does one thing, commits."""

from __future__ import annotations

import uuid

from app.server.guidance_publish import Published
from app.server.portal.admin import audit_log, conflicts, devices, guidance
from app.server.portal.admin import users as people
from app.server.portal.admin.audit_log import AuditFilter, AuditLine
from app.server.portal.admin.conflicts import ConflictView
from app.server.portal.admin.devices import Code, DeviceLine
from app.server.portal.admin.guidance import VersionRow
from app.server.portal.admin.guidance_diff import GuidanceDiff
from app.server.portal.admin.users import Issued, UserRow
from app.server.portal.service import Portal


class Admin:
    """What the admin screens do, through the portal's one-transaction-per-call `run`."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal

    # people -----------------------------------------------------------------------------------

    def users(self, token: str | None) -> list[UserRow]:
        return self.portal.run(token, lambda s, p: people.team_users(session=s, person=p))

    def add_user(self, token: str | None, email: str, role: str, name: str = "") -> Issued:
        return self.portal.run(
            token, lambda s, p: people.add_team_user(session=s, person=p, email=email, role=role, name=name)
        )

    def set_enabled(self, token: str | None, user_id: uuid.UUID, enabled: bool) -> str:
        return self.portal.run(
            token, lambda s, p: people.set_enabled(session=s, person=p, user_id=user_id, enabled=enabled)
        )

    def reset_password(self, token: str | None, user_id: uuid.UUID) -> Issued:
        return self.portal.run(
            token, lambda s, p: people.reset_team_password(session=s, person=p, user_id=user_id)
        )

    # devices ----------------------------------------------------------------------------------

    def devices(self, token: str | None) -> list[DeviceLine]:
        return self.portal.run(token, lambda s, p: devices.team_devices(session=s, person=p))

    def practitioners(self, token: str | None) -> list[tuple[uuid.UUID, str, str]]:
        return self.portal.run(token, lambda s, p: devices.practitioners(session=s, person=p))

    def issue_code(self, token: str | None, user_id: uuid.UUID) -> Code:
        return self.portal.run(token, lambda s, p: devices.issue_code(session=s, person=p, user_id=user_id))

    def revoke(self, token: str | None, device_id: uuid.UUID) -> str:
        return self.portal.run(token, lambda s, p: devices.revoke(session=s, person=p, device_id=device_id))

    # sync conflicts ---------------------------------------------------------------------------

    def conflicts(self, token: str | None) -> tuple[list[ConflictView], list[ConflictView]]:
        return self.portal.run(token, lambda s, p: conflicts.team_conflicts(session=s, person=p))

    def conflict(self, token: str | None, conflict_id: uuid.UUID) -> ConflictView:
        return self.portal.run(
            token, lambda s, p: conflicts.one_conflict(session=s, person=p, conflict_id=conflict_id)
        )

    def keep(self, token: str | None, conflict_id: uuid.UUID, side: str) -> ConflictView:
        return self.portal.run(
            token,
            lambda s, p: conflicts.keep_value(
                session=s, person=p, conflict_id=conflict_id, side=side, guidance=self.portal.guidance
            ),
        )

    # guidance versions ------------------------------------------------------------------------

    def guidance_versions(self, token: str | None) -> list[VersionRow]:
        return self.portal.run(token, lambda s, p: guidance.versions(session=s, person=p))

    def publish_guidance(self, token: str | None, text: str) -> Published:
        return self.portal.run(token, lambda s, p: guidance.publish(session=s, person=p, text=text))

    def guidance_diff(self, token: str | None, old: str, new: str) -> GuidanceDiff:
        return self.portal.run(token, lambda s, p: guidance.difference(session=s, person=p, old=old, new=new))

    # audit log --------------------------------------------------------------------------------

    def audit_log(self, token: str | None, flt: AuditFilter) -> tuple[list[AuditLine], int]:
        return self.portal.run(token, lambda s, p: audit_log.audit_log(session=s, person=p, flt=flt))

    def audit_actions(self, token: str | None) -> list[str]:
        return self.portal.run(token, lambda s, p: audit_log.team_actions(session=s, person=p))
