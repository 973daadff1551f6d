"""/docs describes every route: each one names the typed body it answers with."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.server.helpers import batch, family, op


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


def test_a_push_with_a_count_given_as_true_or_false_is_refused_as_the_schema_says(team_device):
    for body in (
        {**batch(), "quarantined": False},
        {**batch(), "quarantined": True},
        batch({**op("family", family()), "base_version": True}),
    ):
        answer = team_device.post("/sync/push", body)
        assert answer.status_code == 422, answer.text
        assert "integer" in answer.json()["detail"]


def test_every_operation_with_a_body_documents_400_413_and_422(client: TestClient):
    spec = client.get("/openapi.json").json()
    for methods in spec["paths"].values():
        for route in methods.values():
            if "requestBody" in route:
                assert {"400", "413", "422"} <= set(route["responses"])
