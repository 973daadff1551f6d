"""The guidance versions a device holds: checked on arrival, never changed, the newest in force."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import app.store as st
from app.domain.guidance import load_guidance
from app.store.guidance import text_hash
from tests.server.guidance import PACKAGED, version_of
from tests.store.writing import writing

DAY = dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)


def keep(store: st.Store, text: str, *, published: dt.datetime = DAY, digest: str | None = None) -> str:
    with writing(store) as s:
        return st.keep_guidance(session=s, text=text, hash=digest or text_hash(text), published=published)


def test_the_packaged_guidance_is_in_force_until_a_version_is_received(store: st.Store):
    with store.session() as s:
        assert st.guidance_in_force(session=s) is load_guidance()
        assert st.held_versions(session=s) == [load_guidance().version]
        assert st.newest_held_version(session=s) is None


def test_the_version_published_last_is_in_force_and_every_version_stays_usable(store: st.Store):
    keep(store, version_of(PACKAGED, "2027.02-1"), published=DAY + dt.timedelta(days=30))
    keep(store, version_of(PACKAGED, "2027.01-1"), published=DAY)  # arrives later, published earlier
    with store.session() as s:
        assert st.guidance_in_force(session=s).version == "2027.02-1"
        assert st.guidance_of(session=s, version="2027.01-1").version == "2027.01-1"
        assert st.guidance_of(session=s, version=load_guidance().version) is load_guidance()
        assert st.guidance_of(session=s, version="1999.01-1").version == "2027.02-1"  # unknown: in force
        assert st.held_versions(session=s) == ["2027.02-1", "2027.01-1", load_guidance().version]


def test_a_text_that_does_not_match_its_hash_is_refused_and_nothing_is_kept(store: st.Store):
    text = version_of(PACKAGED, "2027.03-1")
    with pytest.raises(st.RecordError, match=re.escape("guidance.hash: does not match")):
        keep(store, text, digest=text_hash(text + " "))
    with store.session() as s:
        assert st.newest_held_version(session=s) is None


def test_incomplete_guidance_is_refused_naming_the_entry(store: st.Store):
    text = version_of(PACKAGED, "2027.04-1").replace("[protective.dummy]", "[protective.dummy_gone]")
    with pytest.raises(st.RecordError, match=re.escape("guidance.protective.dummy: missing")):
        keep(store, text)


def test_a_held_version_never_changes(store: st.Store):
    keep(store, version_of(PACKAGED, "2027.05-1"))
    assert keep(store, version_of(PACKAGED, "2027.05-1")) == "2027.05-1"  # the same text again: fine
    with pytest.raises(st.RecordError, match=re.escape("2027.05-1 is held with different text")):
        keep(store, version_of(PACKAGED, "2027.05-1") + "\n# changed\n")
