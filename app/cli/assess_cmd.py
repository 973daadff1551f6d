"""`safesleep assess FILE`: the risk summary of one visit file."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from app.cli.common import load_visit_file

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


def assess(
    file: Annotated[str, typer.Argument(help="Visit file (safesleep.visit/2 or /1 JSON), or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the assessment as JSON.")] = False,
) -> None:
    """Assess a visit file against the safer-sleep rules."""
    from app.domain.assessment import DISCLAIMER
    from app.domain.assessment import assess as run_assessment
    from app.domain.guidance import load_guidance

    visit = load_visit_file(file)
    result = run_assessment(visit)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
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
    typer.echo("\n".join(out))


def register(app: typer.Typer) -> None:
    app.command()(assess)
