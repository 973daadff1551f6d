"""Admin, Guidance versions: publishing a file checked by the CLI's rules (problems by entry and
field), the published versions, and what changed between two (entries and a word diff)."""

from __future__ import annotations

import re

import pytest

from app.server.guidance_publish import PublishRefused
from app.server.portal.admin.guidance import PACKAGED, packaged_text
from app.server.portal.admin.guidance_diff import Piece, compare
from app.server.portal.queue import NotFound
from tests.portal.admin_helpers import admin_of, audited, user_id
from tests.portal.helpers import PortalTeam

OLD_SOFA = "It is one of the most dangerous places to fall asleep together"
NEW_SOFA = "It is one of the riskiest places to fall asleep together"


def changed_guidance(version: str) -> str:
    text = packaged_text()
    assert OLD_SOFA in text
    text = re.sub(r'^guidance_version = ".*"$', f'guidance_version = "{version}"', text, count=1, flags=re.M)
    text = text.replace(OLD_SOFA, NEW_SOFA)
    return (
        text
        + '\n[factors.baby_in_a_swing]\ntitle = "A baby asleep in a swing"\n'
        + (
            'family_advice = "Move your baby to their cot."\npractitioner_note = "Seen at visit."\n'
            'sources = ["https://www.lullabytrust.org.uk/"]\n'
        )
    )


def test_a_published_file_is_listed_newest_first_with_the_packaged_one_last(team: PortalTeam):
    admin, token = admin_of(team)
    version = f"2099.{team.name}"
    done = admin.publish_guidance(token, changed_guidance(version))
    assert done.version == version and done.new
    again = admin.publish_guidance(token, changed_guidance(version))
    assert not again.new
    rows = admin.guidance_versions(token)
    assert rows[0].version == version and rows[0].newest and rows[0].published is not None
    assert rows[-1].version == PACKAGED and rows[-1].published is None and not rows[-1].newest
    assert rows[0].entries == rows[-1].entries + 1
    assert [a for a, d in audited(team, user_id(team, "admin"), "guidance.")] == [
        "guidance.publish",
        "guidance.publish_again",
    ]


def test_what_changed_names_added_and_changed_entries_with_the_words_that_changed(team: PortalTeam):
    admin, token = admin_of(team)
    version = f"2099.diff.{team.name}"
    admin.publish_guidance(token, changed_guidance(version))
    diff = admin.guidance_diff(token, PACKAGED, version)
    assert diff.added == (("factors.baby_in_a_swing", "A baby asleep in a swing"),) and diff.removed == ()
    changed = {c.entry: c for c in diff.changed}
    assert set(changed) == {"general", "factors.sofa_or_armchair_sharing"}
    [field] = changed["factors.sofa_or_armchair_sharing"].fields
    assert field.field == "family_advice"
    assert [p for p in field.words if p.kind != "same"] == [
        Piece("removed", "most dangerous"),
        Piece("added", "riskiest"),
    ]
    assert [f.field for f in changed["general"].fields] == ["guidance_version"]
    back = admin.guidance_diff(token, version, PACKAGED)
    assert back.removed == diff.added and back.added == ()
    assert admin.guidance_diff(token, version, version).same


def test_a_removed_entry_is_listed_as_removed():
    old = 'guidance_version = "1"\n[factors.a]\ntitle = "A"\n[factors.b]\ntitle = "B"\n'
    new = 'guidance_version = "2"\n[factors.a]\ntitle = "A"\n'
    assert compare("1", old, "2", new).removed == (("factors.b", "B"),)


def test_a_file_with_problems_is_refused_naming_each_entry_and_field_and_nothing_is_published(
    team: PortalTeam,
):
    admin, token = admin_of(team)
    before = admin.guidance_versions(token)
    broken = re.sub(
        r"^\[factors\.airbed_sharing\]\n(.*\n)*?(?=\[)", "", changed_guidance("2099.bad"), count=1, flags=re.M
    )
    with pytest.raises(PublishRefused) as refused:
        admin.publish_guidance(token, broken)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("factors.airbed_sharing", "missing: every factors code the assessment uses needs an entry")
    ]
    with pytest.raises(PublishRefused) as refused:
        admin.publish_guidance(token, 'guidance_version = "x"\n[factors\n')
    assert refused.value.problems[0].message.startswith("not a valid TOML file")
    assert admin.guidance_versions(token) == before


@pytest.mark.parametrize("role", ["supervisor", "practitioner"])
def test_a_supervisor_or_practitioner_gets_not_found_from_every_guidance_action(team: PortalTeam, role: str):
    admin, token = admin_of(team, role)
    with pytest.raises(NotFound):
        admin.guidance_versions(token)
    with pytest.raises(NotFound):
        admin.publish_guidance(token, changed_guidance("2099.nope"))
    with pytest.raises(NotFound):
        admin.guidance_diff(token, PACKAGED, PACKAGED)
    assert "2099.nope" not in {v.version for v in admin_of(team)[0].guidance_versions(admin_of(team)[1])}


def test_an_unknown_version_is_not_found(team: PortalTeam):
    admin, token = admin_of(team)
    with pytest.raises(NotFound, match="guidance version 'nope': not published here"):
        admin.guidance_diff(token, PACKAGED, "nope")
