"""The server assesses a record with the guidance version it names, once published at base."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.guidance import load_guidance
from app.server.db import make_engine, upgrade_schema
from app.server.guidance_publish import latest_guidance, publish_guidance
from app.server.guidance_store import GuidanceCache
from tests.server.guidance import PACKAGED, version_of


def test_a_version_published_by_another_process_is_read_from_the_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    upgrade_schema(url)
    engine = make_engine(url)
    cache = GuidanceCache(engine)
    assert cache.get("2027.06-1") is load_guidance()  # not published: the packaged guidance
    with Session(engine) as s:
        publish_guidance(session=s, text=version_of(PACKAGED, "2027.06-1"))
        s.commit()
    cache._missed.clear()  # as after MISS_SECONDS
    assert cache.get("2027.06-1").version == "2027.06-1"
    assert cache.get(None) is load_guidance()
    with Session(engine) as s:
        latest = latest_guidance(session=s, since_version=None)
        assert latest.version == "2027.06-1" and latest.guidance is not None
        assert latest.guidance.published.tzinfo is not None
        assert latest_guidance(session=s, since_version="2027.06-1").guidance is None
    engine.dispose()
