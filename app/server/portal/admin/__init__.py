"""Admin at base: the team's people, devices, sync conflicts, guidance versions and audit log.

Only a person with role `admin` gets anything here; anyone else, and any id from another team,
gets `NotFound`, exactly as a missing record would.
"""

from __future__ import annotations

from app.server.portal.accounts import Person
from app.server.portal.queue import NotFound

NOT_ADMIN = "Not found: there is no such screen for your account."


def require_admin(person: Person) -> None:
    """Refuse everyone but a team administrator (as "not found", so nothing is given away)."""
    if not person.is_admin:
        raise NotFound(NOT_ADMIN)
