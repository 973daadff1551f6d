"""Why a sync stopped, in words a practitioner can act on. The outbox is always left intact."""

from __future__ import annotations


class SyncError(Exception):
    """Sync could not finish; nothing already stored on the device was lost."""


class NotEnrolled(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "this device is not enrolled with a team server yet: run "
            "`safesleep device enrol --server URL --code CODE`"
        )


class ServerUnreachable(SyncError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(
            f"cannot reach the team server at {url} ({reason}); your records stay "
            "on this device and will be sent next time"
        )


class DeviceRevoked(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "this device has been revoked by the team server; your records stay on "
            "this device: ask your administrator to enrol it again"
        )


class AlreadyEnrolled(SyncError):
    def __init__(self, team: str, reasons: list[str] | None = None) -> None:
        if reasons:
            text = (
                f"this device belongs to {team} and still has work for it ({'; '.join(reasons)}); "
                "finish that with that team's server first, then reset the device"
            )
        else:
            text = (
                f"this device already belongs to {team}; to move it to another team, reset it "
                f"(`safesleep device enrol --reset ...`): its link to {team}'s server and {team}'s "
                "families and visits are removed from this device"
            )
        super().__init__(text)


class ServerRefused(SyncError):
    """The server answered with an error (the message gives its reason)."""
