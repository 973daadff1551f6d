"""app/leaflet renders plain domain data: it depends on the domain only (no store, services or UI)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_the_leaflet_package_loads_no_app_module_outside_the_domain_and_itself():
    code = (
        "import importlib, json, pkgutil, sys\n"
        "import app.leaflet as l\n"
        "for m in pkgutil.walk_packages(l.__path__, 'app.leaflet.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(json.dumps(sorted(n for n in sys.modules if n.startswith('app.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    allowed = ("app.domain", "app.leaflet", "app.data", "app.assets")  # the last two: shipped files
    assert loaded and all(n.startswith(allowed) for n in loaded), loaded
