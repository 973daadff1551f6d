"""Checking a guidance file: the packaged one passes; a gap in the codes the rules use is named."""

from __future__ import annotations

from app.domain.guidance import GUIDANCE_FILE, Guidance
from app.domain.guidance_check import check_guidance
from app.domain.problems import Problem

PACKAGED = GUIDANCE_FILE.read_text(encoding="utf-8")


def test_the_packaged_guidance_passes_the_publish_check():
    checked = check_guidance(PACKAGED)
    assert isinstance(checked, Guidance)


def test_a_missing_prompt_entry_is_named_by_kind_and_code():
    first_prompt = PACKAGED.index("[prompts.")
    code = PACKAGED[first_prompt + len("[prompts.") : PACKAGED.index("]", first_prompt)]
    checked = check_guidance(PACKAGED.replace(f"[prompts.{code}]", f"[prompts.{code}_gone]"))
    assert isinstance(checked, list)
    assert (
        Problem(f"prompts.{code}", "missing: every prompts code the assessment uses needs an entry")
        in checked
    )


def test_a_missing_version_is_a_problem_not_a_crash():
    checked = check_guidance(PACKAGED.replace('guidance_version = "', 'old_version = "', 1))
    assert checked == [Problem("guidance_version", 'missing: give the version as text, e.g. "2027.01-1"')]
