"""A device of one team is never silently enrolled into another: it must be reset, with nothing
left to send."""

from __future__ import annotations

import pytest

from app.sync import AlreadyEnrolled, enrol_device
from tests.server.helpers import new_team
from tests.sync.helpers import Team, add_family


def test_enrolling_an_enrolled_device_is_refused_unless_reset_with_an_empty_outbox(team: Team) -> None:
    a = team.device("a")
    add_family(a, "Pending")  # not synced yet: in the outbox
    _, other_code = new_team(team.db_url)
    with pytest.raises(AlreadyEnrolled, match="already belongs"):
        enrol_device(store=a, server_url=team.url, code=other_code, device_name="a")
    with pytest.raises(AlreadyEnrolled, match="still has"):
        enrol_device(store=a, server_url=team.url, code=other_code, device_name="a", reset=True)
