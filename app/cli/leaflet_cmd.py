"""`safesleep leaflet FILE...`: the family advice leaflet of one or many visit files, as PDF."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import EXIT_INVALID, CommandFailed, fail, load_visit_file

if TYPE_CHECKING:
    from app.domain.visit import Visit
    from app.services.leaflets import LeafletTeam

# The names come from app.domain.leaflet_content.Paper (imported only when a leaflet is made, so
# `safesleep --help` stays fast); a test checks this help text lists exactly those names.
PAPER_HELP = "a4|letter|phone"
EXIT_NOT_WRITTEN = 1


def _paper(value: str) -> str:
    from app.domain.leaflet_content import Paper

    try:
        return Paper.parse(value).value
    except ValueError:
        raise typer.BadParameter(f"must be one of {', '.join(Paper)} (got {value!r})") from None


def _follow_up(value: str | None) -> str | None:
    """Check --follow-up is a date (the command converts it)."""
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"must be a date as YYYY-MM-DD (got {value!r})") from None
    return value


def default_output(source: str) -> Path:
    """Where the leaflet of `source` goes without -o: next to it, as `<stem>-leaflet.pdf`."""
    path = Path(source)
    return path.with_name(f"{path.stem}-leaflet.pdf")


def _batch_outputs(files: list[str], out_dir: Path) -> list[Path]:
    """One output per input in `out_dir`; a repeated stem gets -2, -3 ... so nothing is overwritten."""
    used: dict[str, int] = {}
    outputs = []
    for name in files:
        stem = Path(name).stem
        used[stem] = used.get(stem, 0) + 1
        suffix = f"-{used[stem]}" if used[stem] > 1 else ""
        outputs.append(out_dir / f"{stem}{suffix}-leaflet.pdf")
    return outputs


def leaflet_pdf(
    visit: Visit, *, paper: str, plan: list[str] | None, follow_up: date | None, team: LeafletTeam
) -> bytes:
    """The leaflet of one parsed visit, as PDF bytes (the same service the app uses)."""
    from app.services.leaflets import visit_leaflet_pdf

    return visit_leaflet_pdf(visit, paper=paper, agreed_actions=plan, follow_up_date=follow_up, team=team)


def _write(path: Path, pdf: bytes) -> None:
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        fail([f"{path}: cannot be written ({exc.strerror})"], code=EXIT_NOT_WRITTEN)


def _one(
    source: str,
    output: Path | None,
    *,
    paper: str,
    plan: list[str] | None,
    follow_up: date | None,
    team: LeafletTeam,
) -> None:
    if output is None and source == "-":
        fail(["-o/--output: needed when the visit comes from stdin (use -o - for stdout)"])
    pdf = leaflet_pdf(load_visit_file(source), paper=paper, plan=plan, follow_up=follow_up, team=team)
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
        return
    target = output or default_output(source)
    _write(target, pdf)
    typer.echo(f"Wrote {target}")


def _many(
    files: list[str],
    out_dir: Path | None,
    *,
    paper: str,
    plan: list[str] | None,
    follow_up: date | None,
    team: LeafletTeam,
) -> None:
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail([f"--out-dir {out_dir}: cannot be created ({exc.strerror})"], code=EXIT_NOT_WRITTEN)
        targets = _batch_outputs(files, out_dir)
    else:
        targets = [default_output(name) for name in files]
    failed = 0
    with typer.progressbar(
        list(zip(files, targets, strict=True)), label="Rendering leaflets", file=sys.stderr
    ) as bar:
        for source, target in bar:
            try:
                visit = load_visit_file(source)
                _write(target, leaflet_pdf(visit, paper=paper, plan=plan, follow_up=follow_up, team=team))
            except CommandFailed:  # the problems are already on stderr
                failed += 1
    written = len(files) - failed
    where = f" in {out_dir}" if out_dir is not None else ""
    typer.echo(f"Wrote {written} of {len(files)} leaflets{where}")
    if failed:
        fail([f"{failed} of {len(files)} files failed: see the lines above"], code=EXIT_INVALID)


def _from_store(
    visit_id: str,
    output: Path | None,
    *,
    paper: str,
    plan: list[str] | None,
    follow_up: date | None,
    team_name: str | None,
    team_phone: str | None,
) -> None:
    """Render the leaflet of a visit in the device store and record that it was given."""
    from uuid import UUID

    try:
        vid = UUID(visit_id)
    except ValueError:
        fail([f"--visit: must be a visit id (a UUID such as 01934b6e-...), got {visit_id!r}"])
    from app.services.leaflets import LeafletTeam, device_team, leaflet_pdf, record_leaflet
    from app.settings import get_settings
    from app.store import open_from_settings, store_exists
    from app.store.errors import NotFound, StoreError

    home = get_settings().home
    if not store_exists(home=home):
        fail([f"--visit: no device store in {home} (SAFESLEEP_HOME)"])
    try:
        store = open_from_settings()
    except StoreError as exc:
        fail([f"store: {exc}"])
    try:
        device = device_team(store=store)
        team = LeafletTeam(team_name or device.name, team_phone or device.phone)
        pdf = leaflet_pdf(
            store=store,
            visit_id=str(vid),
            paper=paper,
            agreed_actions=plan,
            follow_up_date=follow_up,
            team=team,
        )
        if output is not None and str(output) == "-":
            sys.stdout.buffer.write(pdf)
            sys.stdout.buffer.flush()
        else:
            target = output or Path(f"{vid}-leaflet.pdf")
            _write(target, pdf)
            typer.echo(f"Wrote {target}")
        record_leaflet(store=store, visit_id=str(vid), pdf=pdf, paper=paper)
    except NotFound:
        fail([f"--visit {vid}: no such visit in this store"])
    finally:
        store.close()


def leaflet(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Visit files (safesleep.visit JSON, /1 or /2); - for stdin.",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="The PDF to write (one FILE only); - for stdout. "
            "Default: FILE's folder, <stem>-leaflet.pdf.",
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", help="Folder for the leaflets of many files (<stem>-leaflet.pdf each)."),
    ] = None,
    paper: Annotated[
        str,
        typer.Option(
            "--paper",
            help="Paper: a4, letter, or phone (a narrow single-column page to send to a phone).",
            callback=_paper,
            metavar=PAPER_HELP,
        ),
    ] = "a4",
    plan: Annotated[
        list[str] | None,
        typer.Option("--plan", help="One point of the plan agreed with the family (repeat for more)."),
    ] = None,
    follow_up: Annotated[
        str | None,
        typer.Option("--follow-up", help="Date of the next visit, YYYY-MM-DD.", callback=_follow_up),
    ] = None,
    team_name: Annotated[
        str | None,
        typer.Option(
            "--team", help="Team name for the contact box (with --visit: default the device's team)."
        ),
    ] = None,
    team_phone: Annotated[
        str | None,
        typer.Option(
            "--team-phone",
            help="Team phone for the contact box (with --visit: default the one set in Settings).",
        ),
    ] = None,
    visit_id: Annotated[
        str | None,
        typer.Option(
            "--visit",
            help="Render from the device store (SAFESLEEP_HOME, SAFESLEEP_DB_KEY) and "
            "record the leaflet against that visit; plan and next visit come from the visit notes.",
            metavar="ID",
        ),
    ] = None,
) -> None:
    """Print-ready family advice leaflet (PDF) for one visit file, or many with --out-dir."""
    next_visit = date.fromisoformat(follow_up) if follow_up else None
    sources = files or []
    if visit_id is not None:
        if sources or out_dir is not None:
            fail(["--visit: give either --visit ID or visit FILEs, not both"])
        _from_store(
            visit_id,
            output,
            paper=paper,
            plan=plan,
            follow_up=next_visit,
            team_name=team_name,
            team_phone=team_phone,
        )
        return
    from app.services.leaflets import LeafletTeam

    team = LeafletTeam(team_name, team_phone)
    if not sources:
        fail(["FILE: give at least one visit file (or --visit ID)"])
    if output is not None and (len(sources) > 1 or out_dir is not None):
        fail(["-o/--output: only with one FILE; use --out-dir DIR for many"])
    if out_dir is None and len(sources) == 1:
        _one(sources[0], output, paper=paper, plan=plan, follow_up=next_visit, team=team)
        return
    if "-" in sources:
        fail(["FILE: - (stdin) only works with one FILE"])
    _many(sources, out_dir, paper=paper, plan=plan, follow_up=next_visit, team=team)


def register(app: typer.Typer) -> None:
    app.command()(leaflet)
