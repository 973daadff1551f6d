"""`safesleep serve` and `safesleep server ...`: run and administer the team server."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL, e.g. postgresql+psycopg://user@host/db "
        "(default: SAFESLEEP_SERVER_DB or SQLite in the server home).",
    ),
]

server_app = typer.Typer(help="Administer the team server: teams and devices.", no_args_is_help=True)


def _session(db: str | None) -> Session:
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    from app.server.config import resolve_db_url, safe_url
    from app.server.db import make_engine, upgrade_schema

    url = resolve_db_url(db)
    try:
        upgrade_schema(url)
    except OperationalError as exc:
        fail([f"--db: cannot open {safe_url(url)} ({type(exc.orig).__name__})"])
    return Session(make_engine(url), expire_on_commit=False)


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (keep 127.0.0.1 behind a TLS reverse proxy).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8765,
    workers: Annotated[
        int, typer.Option(help="Worker processes (PostgreSQL recommended for more than one).")
    ] = 1,
    forwarded_allow_ips: Annotated[
        str, typer.Option(help="Proxies trusted for X-Forwarded-For/Proto (comma-separated).")
    ] = "127.0.0.1",
) -> None:
    """Run the team server (schema upgraded on start; API docs at /docs)."""
    import functools

    import uvicorn
    from sqlalchemy.exc import OperationalError
    from uvicorn.supervisors import Multiprocess

    from app.server.asgi import app_for
    from app.server.config import safe_url, server_config
    from app.server.db import upgrade_schema

    config = server_config(db, migrate=False)  # built once; every worker gets this object
    try:
        upgrade_schema(config.url)  # once, before any worker starts
    except OperationalError as exc:
        fail([f"--db: cannot open {safe_url(config.url)} ({type(exc.orig).__name__})"])
    typer.echo(
        f"Safer Sleep Visits team server on http://{host}:{port} "
        f"(database {safe_url(config.url)}); API docs at /docs"
    )
    # uvicorn.run() takes only an import string with workers > 1; its Config takes the factory
    # itself, and spawning pickles the Config (with this ServerConfig) to each worker.
    uv = uvicorn.Config(
        functools.partial(app_for, config),
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        log_level="info",
    )
    if workers > 1:
        Multiprocess(uv, sockets=[uv.bind_socket()]).run()
    else:
        server = uvicorn.Server(uv)
        server.run()
        if not server.started:
            raise typer.Exit(3)


@server_app.command("create-team")
def create_team(name: Annotated[str, typer.Argument(help="Team name.")], db: DbOption = None) -> None:
    """Create a team."""
    from app.server.admin import AdminError
    from app.server.admin import create_team as do_create

    with _session(db) as session:
        try:
            team = do_create(session=session, name=name)
        except AdminError as exc:
            fail([str(exc)])
        session.commit()
        typer.echo(f"Created team {team.name} ({team.id})")


@server_app.command("enrol-device")
def enrol_device(
    team: Annotated[str | None, typer.Option("--team", help="Team name (a shared team device).")] = None,
    user: Annotated[
        str | None, typer.Option("--user", help="Email of the practitioner the device belongs to.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Make a one-time enrolment code (printed alone on the last line)."""
    from app.server.admin import AdminError, create_enrolment_code, team_by_name
    from app.server.models import Team
    from app.server.portal.accounts import AccountError, user_by_email
    from app.server.portal.devices import enrolment_code_for

    if (team is None) == (user is None):
        fail(["--team or --user: give exactly one (--user EMAIL enrols the device to that practitioner)"])
    owner = ""
    with _session(db) as session:
        try:
            if user is not None:
                person = user_by_email(session=session, email=user)
                code, expires = enrolment_code_for(session=session, user=person)
                found = session.get(Team, person.team_id)
                assert found is not None
                owner = f" ({person.email})"
            else:
                found = team_by_name(session=session, name=str(team))
                code, expires = create_enrolment_code(session=session, team_id=found.id)
        except (AdminError, AccountError) as exc:
            fail([str(exc)])
        session.commit()
    typer.echo(
        f"Enrolment code for team {found.name}{owner}, single use, valid until "
        f"{expires:%Y-%m-%d %H:%M} UTC. On the device run:"
    )
    typer.echo("  safesleep device enrol --server URL --code CODE")
    typer.echo(code)


@server_app.command("revoke-device")
def revoke_device(
    device_id: Annotated[str, typer.Argument(help="The device id shown at enrolment.")],
    db: DbOption = None,
) -> None:
    """Revoke a device: its token stops working at once (its records stay on the server)."""
    import uuid

    from app.server.admin import AdminError
    from app.server.admin import revoke_device as do_revoke

    try:
        parsed = uuid.UUID(device_id)
    except ValueError:
        fail([f"DEVICE_ID: {device_id!r} is not a device id (a UUID)"])
    with _session(db) as session:
        try:
            device = do_revoke(session=session, device_id=parsed)
        except AdminError as exc:
            fail([str(exc)])
        session.commit()
        typer.echo(f"Revoked device {device.id} ({device.name})")


@server_app.command("publish-guidance")
def publish_guidance(
    file: Annotated[str, typer.Argument(help="Guidance TOML file (as data/guidance.toml), or - for stdin.")],
    db: DbOption = None,
) -> None:
    """Check a guidance file and publish it as a new version; devices pull it at their next sync."""
    from app.cli.common import read_source
    from app.domain.problems import format_problem
    from app.server.guidance_publish import PublishRefused
    from app.server.guidance_publish import publish_guidance as do_publish

    raw = read_source(file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        fail([f"{file}: not UTF-8 text"])
    with _session(db) as session:
        try:
            done = do_publish(session=session, text=text)
        except PublishRefused as exc:
            fail([format_problem(p, file=file) for p in exc.problems])
        session.commit()
    if done.new:
        typer.echo(f"Published guidance {done.version}; devices receive it at their next sync.")
    else:
        typer.echo(
            f"Guidance {done.version} was already published with exactly this content; nothing changed."
        )


@server_app.command("review-queue")
def review_queue(
    team: Annotated[str, typer.Option("--team", help="Team name.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON list.")] = False,
    db: DbOption = None,
) -> None:
    """The visits in the supervisors' queue (high risk or escalate, amendments applied) and why."""
    import json

    from app.server.admin import AdminError, team_by_name
    from app.server.review import review_queue as queued

    with _session(db) as session:
        try:
            found = team_by_name(session=session, name=team)
        except AdminError as exc:
            fail([str(exc)])
        visits = queued(session=session, team_id=found.id)
    if as_json:
        rows = [
            {
                "visit_id": str(v.visit_id),
                "family_id": v.family_id and str(v.family_id),
                "visit_date": v.visit_date and v.visit_date.isoformat(),
                "risk_level": v.risk_level,
                "escalate": v.escalate,
                "factors": list(v.factors),
            }
            for v in visits
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    if not visits:
        typer.echo(f"No visits waiting for review in team {found.name}.")
    for v in visits:
        why = ", ".join(v.factors) or "no risk factor recorded"
        escalate = "; escalate" if v.escalate else ""
        typer.echo(f"{v.visit_id}  {v.visit_date}  {v.risk_level}{escalate}: {why}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(server_app, name="server")
