"""State of the Guidance versions screen: the versions, a file to publish and its problems, a comparison."""

from __future__ import annotations

from dataclasses import dataclass, field

import flet as ft

from app.domain.problems import Problem
from app.server.guidance_publish import PublishRefused
from app.server.portal.admin.guidance import VersionRow
from app.server.portal.admin.guidance_diff import GuidanceDiff
from app.server.portal.admin.service import Admin
from app.server.portal.queue import NotFound
from app.server.portal.web.admin.common import attempt
from app.server.portal.web.state import AuthState

SHOWN_PROBLEMS = 30


def problem_words(p: Problem) -> str:
    """A checker problem by entry and field, e.g. "Entry factors.sofa, field title: missing"."""
    parts = p.path.split(".") if p.path else []
    if not parts:
        return f"File: {p.message}"
    if len(parts) == 1:
        return f"Field {parts[0]}: {p.message}"
    entry, rest = ".".join(parts[:2]), ".".join(parts[2:])
    return f"Entry {entry}" + (f", field {rest}" if rest else "") + f": {p.message}"


@ft.observable
@dataclass
class GuidanceState:
    auth: AuthState
    versions: list[VersionRow] = field(default_factory=list)
    missing: str = ""
    loaded: str = ""  # the name of a file read from the admin's computer
    loaded_text: str = ""
    problems: list[str] = field(default_factory=list)
    done: str = ""
    old: str = ""
    new: str = ""
    diff: GuidanceDiff | None = None
    diff_problem: str = ""

    @property
    def admin(self) -> Admin:
        return Admin(self.auth.portal)

    def load(self) -> None:
        got = attempt(self.auth, self.admin.guidance_versions)
        self.missing = got.missing
        if got.value is not None:
            self.versions = got.value
            names = [v.version for v in self.versions]
            self.new = self.new if self.new in names else names[0]
            self.old = self.old if self.old in names else names[min(1, len(names) - 1)]

    def loaded_file(self, name: str, data: bytes | None) -> None:
        self.done, self.problems = "", []
        try:
            self.loaded_text, self.loaded = (data or b"").decode("utf-8"), name
        except UnicodeDecodeError:
            self.loaded_text, self.loaded = "", ""
            self.problems = [f"File: {name} is not UTF-8 text; save it as UTF-8 and choose it again"]

    def publish(self, pasted: str) -> None:
        text = self.loaded_text if self.loaded else pasted
        self.done, self.problems = "", []
        if not text.strip():
            self.problems = ["File: choose a guidance file, or paste its text"]
            return
        try:
            done = self.auth.call(lambda t: self.admin.publish_guidance(t, text))
        except PublishRefused as refused:
            words = [problem_words(p) for p in refused.problems]
            more = len(words) - SHOWN_PROBLEMS
            self.problems = words[:SHOWN_PROBLEMS] + ([f"… and {more} more"] if more > 0 else [])
            return
        except NotFound as exc:
            self.missing = str(exc)
            return
        if done is not None:
            self.done = (
                f"Published guidance {done.version}: tablets receive it at their next sync."
                if done.new
                else f"Guidance {done.version} was already published with exactly this text; nothing changed."
            )
            self.loaded, self.loaded_text, self.new = "", "", done.version
            self.load()

    def choose(self, which: str, version: str) -> None:
        setattr(self, which, version)
        self.diff = None

    def compare(self) -> None:
        got = attempt(self.auth, lambda t: self.admin.guidance_diff(t, self.old, self.new))
        self.diff, self.diff_problem = got.value, got.missing or got.problem
