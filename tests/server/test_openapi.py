"""/docs describes every route: each one names the typed body it answers with."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_every_api_route_documents_a_typed_success_response(client: TestClient):
    spec = client.get("/openapi.json").json()
    untyped = []
    for path, methods in spec["paths"].items():
        for method, route in methods.items():
            ok = next(body for code, body in route["responses"].items() if code.startswith("2"))
            schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
            if "$ref" not in schema:
                untyped.append(f"{method.upper()} {path}")
    assert spec["paths"], "the spec lists no routes"
    assert untyped == []


def test_the_conflicts_response_documents_its_fields(client: TestClient):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"conflicts", "quarantined"} <= set(schemas["ConflictsResponse"]["properties"])
    assert {"field", "server_value", "device_value"} <= set(schemas["ConflictOut"]["properties"])
