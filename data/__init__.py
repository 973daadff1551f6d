"""Guidance content (data/guidance.toml), shipped as the package `app.data` (see setup.py)."""
