"""Admin, Devices: the team's devices with owner and last sync; an enrolment code for a
practitioner as text and QR; a revoked device's push is refused. Admins of the same team only."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid

import pytest
import segno
from PIL import Image

from app.server.portal.accounts import AccountError
from app.server.portal.queue import NotFound
from tests.portal.admin_helpers import admin_of, audited, user_id
from tests.portal.helpers import PortalTeam
from tests.server.helpers import family, op


def _modules(png: bytes, border: int = 4, scale: int = 8) -> list[list[bool]]:
    """The dark/light modules of a QR image (one sample in the middle of each module)."""
    img = Image.open(io.BytesIO(png)).convert("L")
    size = img.width // scale - 2 * border
    return [
        [
            img.getpixel(((border + x) * scale + scale // 2, (border + y) * scale + scale // 2)) == 0
            for x in range(size)
        ]
        for y in range(size)
    ]


def test_the_team_devices_show_their_owner_and_last_sync(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    admin, token = admin_of(team)
    [tablet] = admin.devices(token)
    assert (tablet.name, tablet.owner, tablet.last_sync, tablet.revoked_at) == (
        "tablet",
        team.emails["practitioner"],
        None,
        None,
    )
    before = dt.datetime.now(dt.UTC)
    team.push(op("family", family(), id=uuid.uuid4()))
    [tablet] = admin.devices(token)
    assert tablet.last_sync is not None
    assert tablet.last_sync.replace(tzinfo=tablet.last_sync.tzinfo or dt.UTC) >= before - dt.timedelta(
        seconds=1
    )
    assert other.emails["practitioner"] not in {d.owner for d in admin.devices(token)}


def test_an_enrolment_code_for_a_practitioner_is_text_and_the_same_code_as_qr_and_enrols_to_them(
    team: PortalTeam,
):
    admin, token = admin_of(team)
    email = team.add("practitioner")
    [(pid, listed_email, _)] = [p for p in admin.practitioners(token) if p[1] == email]
    issued = admin.issue_code(token, pid)
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", issued.code) and issued.email == listed_email
    left = issued.expires - dt.datetime.now(dt.UTC)
    assert dt.timedelta(minutes=14) < left <= dt.timedelta(minutes=15)
    assert issued.qr_png.startswith(b"\x89PNG")
    expected = [[bool(v) for v in row] for row in segno.make(issued.code, error="m").matrix]
    assert _modules(issued.qr_png) == expected
    got = team.client.post("/enrol", json={"code": issued.code, "device_name": "second tablet"})
    assert got.status_code == 200, got.text
    assert {d.name: d.owner for d in admin.devices(token)}["second tablet"] == email
    assert ("enrolment_code.issue", {}) in audited(team, user_id(team, "admin"), "enrolment_code.")


def test_a_code_is_refused_for_a_supervisor_or_a_disabled_practitioner_naming_why(team: PortalTeam):
    admin, token = admin_of(team)
    with pytest.raises(
        AccountError, match=r"practitioner: .* is a supervisor; devices are enrolled to practitioners"
    ):
        admin.issue_code(token, user_id(team, "supervisor"))
    admin.set_enabled(token, user_id(team, "practitioner"), False)
    with pytest.raises(AccountError, match=r"practitioner: .* is disabled; enable the account first"):
        admin.issue_code(token, user_id(team, "practitioner"))
    assert team.emails["practitioner"] not in {p[1] for p in admin.practitioners(token)}


def test_a_revoked_device_can_no_longer_push(team: PortalTeam):
    admin, token = admin_of(team)
    [tablet] = admin.devices(token)
    assert admin.revoke(token, tablet.id) == "tablet"
    [tablet] = admin.devices(token)
    assert tablet.revoked_at is not None
    refused = team.client.post(
        "/sync/push",
        headers=team.headers,
        json={"batch_id": str(uuid.uuid4()), "ops": [op("family", family(), id=uuid.uuid4())]},
    )
    assert refused.status_code == 403 and refused.json()["error"] == "device_revoked"
    assert team.client.get("/sync/pull", headers=team.headers).status_code == 403
    assert ("device.revoke", {}) in audited(team, user_id(team, "admin"), "device.")


def test_another_teams_device_or_practitioner_is_not_found(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    admin, token = admin_of(team)
    their_admin, their_token = admin_of(other)
    [theirs] = their_admin.devices(their_token)
    with pytest.raises(NotFound):
        admin.revoke(token, theirs.id)
    with pytest.raises(NotFound):
        admin.issue_code(token, user_id(other, "practitioner"))
    assert their_admin.devices(their_token)[0].revoked_at is None


@pytest.mark.parametrize("role", ["supervisor", "practitioner"])
def test_a_supervisor_or_practitioner_gets_not_found_from_every_device_action(team: PortalTeam, role: str):
    admin, token = admin_of(team, role)
    [tablet] = admin_of(team)[0].devices(admin_of(team)[1])
    for call in (
        lambda: admin.devices(token),
        lambda: admin.practitioners(token),
        lambda: admin.issue_code(token, user_id(team, "practitioner")),
        lambda: admin.revoke(token, tablet.id),
    ):
        with pytest.raises(NotFound):
            call()
