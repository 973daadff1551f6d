"""Packages of the distribution: app/ (namespace folders included, e.g. migrations/versions) and the
top-level data/ and assets/ folders shipped as the packages `app.data` and `app.assets`, read with
importlib.resources. Everything else is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["app", "app.*"]), "app.data", "app.assets", "app.assets.fonts"],
    package_dir={"app.data": "data", "app.assets": "assets", "app.assets.fonts": "assets/fonts"},
    package_data={
        "app.data": ["*.toml", "*.md", "*.json"],
        "app.assets.fonts": ["*.ttf", "*.txt", "*LICENSE*", "*"],
        "app.store": ["API.md"],
        "app.store.migrations": ["script.py.mako"],
        "app.server.migrations": ["script.py.mako"],
    },
)
