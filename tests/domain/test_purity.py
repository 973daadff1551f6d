"""The domain core imports no UI, database, PDF or HTTP library."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FORBIDDEN = ("flet", "sqlmodel", "sqlalchemy", "reportlab", "httpx", "fastapi")


@pytest.mark.parametrize("package", ["app.domain", "app.protocol"])
def test_domain_and_protocol_import_none_of_flet_sqlmodel_sqlalchemy_reportlab_httpx_fastapi(package: str):
    code = (
        "import importlib, json, pkgutil, sys\n"
        f"import {package} as d\n"
        f"for m in pkgutil.walk_packages(d.__path__, '{package}.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(json.dumps(sorted({n.split('.')[0] for n in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert loaded.isdisjoint(FORBIDDEN), loaded & set(FORBIDDEN)
