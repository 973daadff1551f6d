"""`safesleep server add-user | reset-password | disable-user | enable-user`: people of the portal."""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli.common import fail
from app.cli.server_cmd import DbOption, _session, server_app


def _new_password() -> str:
    """SAFESLEEP_NEW_PASSWORD (for scripts), else asked twice without echo."""
    from app.settings import get_settings

    get_settings.cache_clear()
    given = get_settings().new_password
    if given is not None:
        return given.get_secret_value()
    return str(typer.prompt("New password", hide_input=True, confirmation_prompt=True))


def add_user(
    email: Annotated[str, typer.Argument(help="The person's email: they sign in with it.")],
    team: Annotated[str, typer.Option("--team", help="Team name.")],
    role: Annotated[str, typer.Option("--role", help="practitioner, supervisor or admin.")],
    name: Annotated[str | None, typer.Option("--name", help="Name shown in records.")] = None,
    db: DbOption = None,
) -> None:
    """Add a person who signs in to the base portal (password from a prompt or SAFESLEEP_NEW_PASSWORD)."""
    from app.server.admin import AdminError, team_by_name
    from app.server.portal.accounts import ROLES, AccountError
    from app.server.portal.accounts import add_user as do_add

    if role not in ROLES:
        fail([f"--role: {role!r} is not allowed; use one of: {', '.join(ROLES)}"])
    with _session(db) as session:
        try:
            found = team_by_name(session=session, name=team)
            user = do_add(
                session=session, email=email, team_id=found.id, role=role, password=_new_password(), name=name
            )
        except (AdminError, AccountError) as exc:
            fail([str(exc)])
        session.commit()
        typer.echo(f"Added {user.role} {user.email} ({user.name}) to team {found.name}")


def reset_password(
    email: Annotated[str, typer.Argument(help="The account's email.")], db: DbOption = None
) -> None:
    """Set a new password (unlocks the account and ends its sessions)."""
    from app.server.portal.accounts import AccountError, user_by_email
    from app.server.portal.accounts import reset_password as do_reset

    with _session(db) as session:
        try:
            user = user_by_email(session=session, email=email)
            do_reset(session=session, user=user, password=_new_password())
        except AccountError as exc:
            fail([str(exc)])
        session.commit()
        typer.echo(f"Password reset for {user.email}")


def _switch(email: str, db: str | None, *, enable: bool) -> None:
    """Disable or enable the account of `email` (the same account functions as the portal)."""
    from app.server.portal import accounts

    with _session(db) as session:
        try:
            user = accounts.user_by_email(session=session, email=email)
        except accounts.AccountError as exc:
            fail([str(exc)])
        (accounts.enable_user if enable else accounts.disable_user)(session=session, user=user)
        session.commit()
        typer.echo(f"{'Enabled' if enable else 'Disabled'} {user.email}")


def disable_user(
    email: Annotated[str, typer.Argument(help="The account's email.")], db: DbOption = None
) -> None:
    """Stop an account signing in; its records and audit stay."""
    _switch(email, db, enable=False)


def enable_user(
    email: Annotated[str, typer.Argument(help="The account's email.")], db: DbOption = None
) -> None:
    """Let a disabled account sign in again (with its old password; reset it if that is lost)."""
    _switch(email, db, enable=True)


def register(app: typer.Typer) -> None:
    """Add the people commands to the `server` group."""
    server_app.command("add-user")(add_user)
    server_app.command("reset-password")(reset_password)
    server_app.command("disable-user")(disable_user)
    server_app.command("enable-user")(enable_user)
