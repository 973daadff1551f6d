"""`safesleep demo`, `safesleep visit import|export`, `safesleep family chronology|list`.

All honour SAFESLEEP_HOME (device data folder) and SAFESLEEP_DB_KEY (store key; the store is
created with that key when it does not exist yet).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from app.cli.common import fail, load_visit_file

visit_app = typer.Typer(help="Import, export and amend visits (the visit file).", no_args_is_help=True)
family_app = typer.Typer(help="Families on this device's caseload.", no_args_is_help=True)

PRACTITIONER_OPT = typer.Option("--practitioner", help="Practitioner name for a new store.")
TEAM_OPT = typer.Option("--team", help="Team name for a new store.")


@contextmanager
def _store(practitioner: str = "Demo Practitioner", team: str = "Demo Team") -> Iterator[Any]:
    """The device store from the settings; store errors become clean exit-2 messages."""
    from app.domain.errors import VisitError
    from app.settings import get_settings
    from app.store import RecordError, StoreError, WrongPassphrase, open_from_settings

    home = get_settings().home
    try:
        store = open_from_settings(practitioner_name=practitioner, team_name=team)
    except WrongPassphrase:
        fail([f"SAFESLEEP_DB_KEY: does not unlock the store in {home} (wrong key)"])
    except StoreError as exc:
        fail([str(exc)])
    try:
        yield store
    except (RecordError, VisitError) as exc:
        fail([str(p) for p in exc.problems])
    except StoreError as exc:
        fail([str(exc)])
    finally:
        store.close()


def demo(
    practitioner: Annotated[str, PRACTITIONER_OPT] = "Demo Practitioner",
    team: Annotated[str, TEAM_OPT] = "Demo Team",
) -> None:
    """Load the demo caseload (about 40 invented families) into the device store, once."""
    from app.store import load_demo

    with _store(practitioner, team) as store:
        added = load_demo(store=store)
    if added:
        typer.echo(f"Demo caseload loaded: {added} families in {store.home}")
    else:
        typer.echo(f"Demo caseload already loaded in {store.home}; nothing added")


def import_cmd(
    file: Annotated[str, typer.Argument(help="Visit file (safesleep.visit/2 or /1 JSON), or - for stdin.")],
    family: Annotated[
        str | None, typer.Option("--family", help="Family name or id (created when no family has that name).")
    ] = None,
    sign: Annotated[bool, typer.Option("--sign", help="Sign the visit (immutable).")] = False,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason", help="With --sign: why core questions were not asked (needed if any were not)."
        ),
    ] = None,
) -> None:
    """Store a visit file as a draft (or signed); prints the new visit id."""
    visit = load_visit_file(file)
    from app.store import import_visit

    with _store() as store, store.unit_of_work() as uow:
        detail = import_visit(
            session=uow.session, document=visit, family_name=family, sign=sign, incomplete_reason=reason
        )
        uow.commit()
    typer.echo(str(detail.id))


def _visit_id(text: str) -> Any:
    from uuid import UUID

    try:
        return UUID(text.strip())
    except ValueError:
        fail([f"ID: must be a visit id such as 0190c3a5-7b1e-7c4d-9a2b-3c4d5e6f7a8b, got {text!r}"])


def export_cmd(
    visit_id: Annotated[str, typer.Argument(metavar="ID", help="Visit id.")],
) -> None:
    """Print a visit as safesleep.visit/2 JSON (amendments applied)."""
    from app.store import NotFound, export_visit

    uid = _visit_id(visit_id)
    with _store() as store, store.unit_of_work() as uow:
        try:
            doc = export_visit(session=uow.session, visit_id=uid)
        except NotFound:
            fail([f"ID: no visit {uid} in this store"])
        uow.commit()
    typer.echo(json.dumps(doc, indent=2, ensure_ascii=False))


def _one_family(session: Any, name_or_id: str) -> Any:
    from app.store import find_families

    found = find_families(session=session, name_or_id=name_or_id)
    if not found:
        fail([f"NAME_OR_ID: no family called {name_or_id!r} (try `safesleep family list`)"])
    if len(found) > 1:
        fail(
            [
                f"NAME_OR_ID: {len(found)} families match {name_or_id!r}; give one id:",
                *(f"  {f.id}  {f.name}, {f.postcode}" for f in found),
            ]
        )
    return found[0]


def _chronology_lines(family: Any, babies: list[Any], entries: list[Any]) -> list[str]:
    out = [
        f"{family.name} — {family.address or 'no address'} {family.postcode}".rstrip(),
        f"Family id {family.id}",
    ]
    out += [f"Baby: {b.name}" + (f", born {b.date_of_birth}" if b.date_of_birth else "") for b in babies]
    if not entries:
        out.append("No visits, leaflets or notes yet.")
    for e in entries:
        head = f"{e.date}  {e.kind.upper():<9} {e.summary}  [{e.practitioner_name}]"
        out.append(head)
        if e.factor_titles:
            out.append("            Factors: " + "; ".join(e.factor_titles))
        out += [f"            {line}" for line in e.text.splitlines()]
    return out


def chronology(
    name_or_id: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="Family name or id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
) -> None:
    """Print a family's chronology: visits, amendments, leaflets and notes, oldest first."""
    from app.store import family_chronology, get_family

    with _store() as store, store.session() as session:
        family = _one_family(session, name_or_id)
        detail = get_family(session=session, family_id=family.id)
        entries = family_chronology(session=session, family_id=family.id)
    if as_json:
        typer.echo(json.dumps([e.model_dump(mode="json") for e in entries], indent=2, ensure_ascii=False))
        return
    typer.echo("\n".join(_chronology_lines(detail, detail.babies, entries)))


def list_cmd(
    query: Annotated[str, typer.Argument(help="Surname, baby's name or postcode prefix.")] = "",
    limit: Annotated[int, typer.Option(help="At most this many families.")] = 50,
) -> None:
    """Search the caseload (prints one family a line)."""
    from app.store import search_caseload

    with _store() as store, store.session() as session:
        rows = search_caseload(session=session, query=query, limit=limit)
    for r in rows:
        babies = ", ".join(f"{b.name} ({b.age_text})" for b in r.babies)
        last = (
            f"last visit {r.last_visit_date} {r.last_risk_level}" if r.last_visit_date else "no signed visit"
        )
        due = f", due {r.next_due}" if r.next_due else ""
        drafts = f", {r.drafts} draft(s)" if r.drafts else ""
        typer.echo(f"{r.family_id}  {r.name:<22} {r.postcode:<9} {babies}; {last}{due}{drafts}")


def _set_value(text: str) -> tuple[str, Any]:
    """('sleep.place', 'sofa') from 'sleep.place=sofa'; JSON values (true, 19, ["pillow"]) as JSON."""
    path, sep, raw = text.partition("=")
    if not sep or not path.strip():
        fail([f"--set: must be PATH=VALUE such as sleep.place=sofa, got {text!r}"])
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return path.strip(), (None if raw == "" else value)


def amend_cmd(
    visit_id: Annotated[str, typer.Argument(metavar="ID", help="The signed visit's id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the signed visit is being corrected.")],
    changes: Annotated[
        list[str],
        typer.Option("--set", help="PATH=VALUE as in the visit file, e.g. sleep.place=sofa (repeatable)."),
    ],
) -> None:
    """Correct a signed visit: an amendment with a reason (the signed record stays as it was)."""
    from app.store import NotFound, RecordError, VisitError, amend_visit

    uid = _visit_id(visit_id)
    values = dict(_set_value(c) for c in changes)
    with _store() as store, store.unit_of_work() as uow:
        try:
            amend_visit(
                session=uow.session, visit_id=uid, changes=values, reason=reason, author=store.practitioner.id
            )
        except (RecordError, VisitError) as exc:
            fail([str(p) for p in exc.problems])
        except NotFound:
            fail([f"ID: no visit {uid} in this store"])
        uow.commit()
    typer.echo(f"Amended visit {uid} ({', '.join(values)}); it is sent at the next sync")


def register(app: typer.Typer) -> None:
    app.command()(demo)
    visit_app.command("import")(import_cmd)
    visit_app.command("export")(export_cmd)
    visit_app.command("amend")(amend_cmd)
    family_app.command("chronology")(chronology)
    family_app.command("list")(list_cmd)
    app.add_typer(visit_app, name="visit")
    app.add_typer(family_app, name="family")
