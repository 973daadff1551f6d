"""Builders shared by the leaflet tests: content and PDF bytes from a visit document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.assessment import Assessment, assess
from app.domain.errors import parse_visit
from app.domain.leaflet_content import LeafletContent, leaflet_content
from app.leaflet import render

ON = dt.date(2026, 11, 20)


def content_of(doc: dict[str, Any], **kwargs: Any) -> tuple[LeafletContent, Assessment]:
    visit = parse_visit(doc)
    assessment = assess(visit)
    return leaflet_content(visit, assessment, generated_on=ON, **kwargs), assessment


def pdf_of(doc: dict[str, Any], paper: str = "A4", **kwargs: Any) -> bytes:
    content, _ = content_of(doc, **kwargs)
    return render(content, paper=paper)
