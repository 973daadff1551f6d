"""`safesleep device enrol` and `safesleep sync`: this device and the team server."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import fail

if TYPE_CHECKING:
    from app.store import Store

EXIT_SYNC_FAILED = 3

device_app = typer.Typer(help="This device's link to the team server.", no_args_is_help=True)


def _open_store() -> Store:
    from app.store import StoreError, open_from_settings

    try:
        return open_from_settings()
    except StoreError as exc:
        fail([str(exc)])


@device_app.command("enrol")
def enrol(
    server: Annotated[str, typer.Option("--server", help="Team server URL, e.g. https://sync.example.org")],
    code: Annotated[str, typer.Option("--code", help="One-time code from `safesleep server enrol-device`.")],
    name: Annotated[
        str | None,
        typer.Option("--name", help="Device name shown to the administrator (default: host name)."),
    ] = None,
    reset: Annotated[
        bool,
        typer.Option(
            "--reset", help="Move a device that belongs to a team to another (needs an empty outbox)."
        ),
    ] = False,
) -> None:
    """Enrol this device with a team server (the token is kept in the encrypted store)."""
    from app.sync import SyncError, enrol_device

    if not server.startswith(("http://", "https://")):
        fail([f"--server: must start with https:// (or http:// for a local test server), got {server!r}"])
    store = _open_store()
    try:
        body = enrol_device(
            store=store, server_url=server, code=code, device_name=name or socket.gethostname(), reset=reset
        )
    except SyncError as exc:
        fail([f"enrolment failed: {exc}"], code=EXIT_SYNC_FAILED)
    finally:
        store.close()
    typer.echo(f"Enrolled in team {body['team_name']} as device {body['device_id']}")


def sync(
    batch_size: Annotated[int, typer.Option(min=1, max=1000, help="Ops per push batch.")] = 500,
    pull_limit: Annotated[int, typer.Option(min=1, max=5000, help="Changes per pull page.")] = 500,
) -> None:
    """Push everything pending to the team server, then pull the team's changes."""
    from app.sync import SyncError, sync_now

    store = _open_store()

    def progress(stage: str, done: int, total: int) -> None:
        typer.echo(f"{stage}: {done}/{total}" if total else f"{stage}: {done}", err=True)

    try:
        summary = sync_now(store=store, on_progress=progress, batch_size=batch_size, pull_limit=pull_limit)
    except SyncError as exc:
        fail([f"sync failed: {exc}"], code=EXIT_SYNC_FAILED)
    finally:
        store.close()
    typer.echo("Sync complete.")
    for line in summary.lines():
        typer.echo(line)


def register(app: typer.Typer) -> None:
    app.add_typer(device_app, name="device")
    app.command("sync")(sync)
