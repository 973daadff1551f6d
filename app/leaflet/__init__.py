"""The family advice leaflet: a personalised safer-sleep sheet rendered with ReportLab."""

from app.leaflet.render import PAPER_SIZES, render

__all__ = ["PAPER_SIZES", "render"]
