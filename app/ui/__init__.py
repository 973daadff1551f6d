"""Flet user interface."""
