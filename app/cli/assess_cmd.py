"""`safesleep assess FILE`: the risk summary of one visit file.

Typer-free at import: `register` builds the Typer command, and app/cli/__init__.py calls
`assess` directly for the plain forms (`assess FILE [--json]`) without loading Typer.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from app.cli.common import echo, load_visit_file

if TYPE_CHECKING:
    import typer

LEVEL_WORDS = {
    "high": "HIGH RISK",
    "increased": "INCREASED RISK",
    "low": "LOW RISK (no risk factors recorded)",
}


def level_words(level: str, incomplete: int) -> str:
    """The risk level in words; an incomplete visit says how many core questions were not asked."""
    if level == "incomplete":
        return f"INCOMPLETE: {incomplete} core question{'' if incomplete == 1 else 's'} not asked"
    return LEVEL_WORDS[level]


def assess(file: str, *, as_json: bool = False) -> None:
    """Print the assessment of the visit file `file` (- for stdin), as text or as JSON."""
    from app.domain.assessment import DISCLAIMER
    from app.domain.assessment import assess as run_assessment
    from app.domain.guidance import load_guidance

    visit = load_visit_file(file)
    result = run_assessment(visit)
    if as_json:
        echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        return
    guidance = load_guidance()
    out = [f"Risk level: {level_words(result.risk_level.value, len(result.incomplete))}"]
    if result.escalate:
        out.append("ESCALATE: discuss this visit with your supervisor or safeguarding lead.")
    out.append("")
    if result.factors:
        out.append("Risk factors:")
        for f in result.factors:
            out += [
                f"  [{f.severity.value}] {f.title} ({f.code})",
                f"      Advice: {' '.join(f.advice.split())}",
                f"      Source: {f.source_url}",
            ]
    else:
        out.append("Risk factors: none recorded")
    if result.context:
        out.append(
            "Family context (never printed for the family): "
            + ", ".join(guidance[c].title for c in result.context)
        )
    if result.protective:
        out.append("Protective: " + ", ".join(guidance[c].title for c in result.protective))
    if result.prompts:
        out.append("Prompts:")
        out += [
            f"  - {guidance[p].title}: {' '.join(guidance[p].practitioner_note.split())}"
            for p in result.prompts
        ]
    if result.incomplete:
        out.append("Core questions not asked: " + ", ".join(result.incomplete))
    if result.unanswered:
        out.append("Not recorded: " + ", ".join(result.unanswered))
    out += ["", f"Guidance version {result.guidance_version}. {DISCLAIMER}"]
    echo("\n".join(out))


def register(app: typer.Typer) -> None:
    import typer

    def command(
        file: str = typer.Argument(help="Visit file (safesleep.visit/2 or /1 JSON), or - for stdin."),
        as_json: bool = typer.Option(False, "--json", help="Print the assessment as JSON."),
    ) -> None:
        """Assess a visit file against the safer-sleep rules."""
        assess(file, as_json=as_json)

    app.command("assess")(command)
