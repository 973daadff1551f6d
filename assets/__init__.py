"""Bundled assets (fonts), shipped as the package `app.assets` (see setup.py)."""
