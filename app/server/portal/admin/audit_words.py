"""Audit actions in plain words for the admin's audit log (unknown ones are shown as their code)."""

from __future__ import annotations

ACTION_WORDS = {
    "signin.success": "Signed in",
    "signin.failure": "Wrong password",
    "signin.lockout": "Account locked after wrong passwords",
    "signin.locked": "Sign-in refused: account locked",
    "signin.disabled": "Sign-in refused: account disabled",
    "signout": "Signed out",
    "session.expired": "Session ended after 15 idle minutes",
    "user.add": "Added an account",
    "user.disable": "Disabled an account",
    "user.enable": "Enabled an account",
    "user.reset_password": "Reset a password",
    "enrolment_code.issue": "Issued an enrolment code",
    "enrolment_code.create": "Enrolment code made",
    "device.enrol": "Tablet enrolled",
    "device.revoke": "Revoked a tablet",
    "sync.push": "Tablet sent records",
    "sync.pull": "Tablet received changes",
    "conflicts.view": "Looked at the sync conflicts",
    "conflicts.list": "Tablet listed the sync conflicts",
    "conflict.resolve": "Resolved a sync conflict",
    "guidance.publish": "Published guidance",
    "guidance.publish_again": "Published guidance again (unchanged)",
    "audit.view": "Looked at the audit log",
    "review_queue.view": "Looked at the review queue",
    "supervision.record": "Recorded supervision",
    "supervision.action_done": "Marked an action done",
    "family.chronology_view": "Looked at a family's chronology",
    "family.chronology_print": "Printed a family's chronology",
    "family.search": "Searched the families",
    "families.list": "Tablet listed the families",
    "families.chronology": "Tablet read a family's chronology",
    "figures.view": "Looked at the team figures",
    "leaflets.batch_print": "Printed leaflets",
    "team.create": "Team created",
}


def action_words(action: str) -> str:
    return ACTION_WORDS.get(action, action)
