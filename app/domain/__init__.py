"""Pure domain core: the visit record, its validation, the risk rules and guidance lookup.

Imports nothing from flet, sqlmodel, sqlalchemy, reportlab, httpx or fastapi (a test enforces it).
"""

from app.domain.assessment import Assessment, Factor, RiskLevel, Severity, assess
from app.domain.errors import VisitError, parse_visit
from app.domain.guidance import Guidance, GuidanceEntry, load_guidance
from app.domain.visit import VISIT_FORMAT, Visit

__all__ = [
    "VISIT_FORMAT",
    "Assessment",
    "Factor",
    "Guidance",
    "GuidanceEntry",
    "RiskLevel",
    "Severity",
    "Visit",
    "VisitError",
    "assess",
    "load_guidance",
    "parse_visit",
]
