"""`safesleep server enable-user` in a real process: a disabled account signs in again."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.server.admin import create_team
from app.server.db import make_engine, upgrade_schema
from app.server.portal.accounts import SignInRefused, add_user, disable_user
from app.server.portal.service import Portal
from tests.portal.test_users_cli import _cli

pytestmark = pytest.mark.slow
PASSWORD = "a long enough password"


def test_a_disabled_account_is_enabled_from_the_command_line(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'server.db'}"
    upgrade_schema(db)
    engine = make_engine(db)
    with Session(engine) as s:
        team = create_team(session=s, name="North")
        user = add_user(
            session=s, email="sup@example.org", team_id=team.id, role="supervisor", password=PASSWORD
        )
        disable_user(session=s, user=user)
        s.commit()
    portal = Portal(engine)
    with pytest.raises(SignInRefused, match="disabled"):
        portal.sign_in("sup@example.org", PASSWORD)
    unknown = _cli(db, "server", "enable-user", "nobody@example.org")
    assert unknown.returncode == 2 and "EMAIL: no account for nobody@example.org" in unknown.stderr
    done = _cli(db, "server", "enable-user", "SUP@example.org")
    assert done.returncode == 0 and "Enabled sup@example.org" in done.stdout
    assert portal.sign_in("sup@example.org", PASSWORD)
    engine.dispose()
