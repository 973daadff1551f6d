"""Pure domain core: the visit record, its validation, the risk rules and guidance lookup.

Imports nothing from flet, sqlmodel, sqlalchemy, reportlab, httpx or fastapi (a test enforces it).
"""

from app.domain.assessment import Assessment, Factor, RiskLevel, Severity, assess
from app.domain.errors import VisitError, parse_visit
from app.domain.guidance import Guidance, GuidanceEntry, load_guidance
from app.domain.guide import CORE_QUESTIONS, GUIDE, QUESTIONS
from app.domain.problems import Problem, ProblemsError, format_problem, format_problems
from app.domain.values import VISIT_FORMAT, VISIT_FORMAT_V1
from app.domain.visit import Visit

__all__ = [
    "CORE_QUESTIONS",
    "GUIDE",
    "QUESTIONS",
    "VISIT_FORMAT",
    "VISIT_FORMAT_V1",
    "Assessment",
    "Factor",
    "Guidance",
    "GuidanceEntry",
    "Problem",
    "ProblemsError",
    "RiskLevel",
    "Severity",
    "Visit",
    "VisitError",
    "assess",
    "format_problem",
    "format_problems",
    "load_guidance",
    "parse_visit",
]
