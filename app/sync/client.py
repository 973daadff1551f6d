"""HTTP calls to the team server (httpx). Converts transport and HTTP failures to SyncErrors."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from app.sync.errors import DeviceRevoked, ServerRefused, ServerUnreachable

TIMEOUT = httpx.Timeout(60.0, connect=10.0)


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
        return str(body.get("detail") or body.get("error") or response.text[:200])
    except ValueError:
        return response.text[:200] or response.reason_phrase


class ServerClient:
    """One device talking to one server. Pass `http` to reuse a client (tests, proxies)."""

    def __init__(self, base_url: str, token: str | None = None, http: httpx.Client | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.http = http or httpx.Client(base_url=self.base_url, timeout=TIMEOUT)
        self._owns = http is None

    def close(self) -> None:
        if self._owns:
            self.http.close()

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = self.http.request(method, self.base_url + path, headers=headers, **kw)
        except httpx.TransportError as exc:
            raise ServerUnreachable(self.base_url, type(exc).__name__) from None
        if response.status_code == 403 and "revoked" in response.text:
            raise DeviceRevoked()
        if response.status_code >= 500:
            raise ServerUnreachable(self.base_url, f"server error {response.status_code}")
        if response.status_code >= 400:
            raise ServerRefused(f"the team server refused the request: {_detail(response)}")
        try:
            answer: dict[str, Any] = response.json()
        except ValueError:
            raise ServerUnreachable(self.base_url, "unreadable answer") from None
        return answer

    def enrol(self, code: str, device_name: str) -> dict[str, Any]:
        return self._call("POST", "/enrol", json={"code": code, "device_name": device_name})

    def push(self, batch_id: str, ops: list[dict[str, Any]], quarantined: int = 0) -> dict[str, Any]:
        body = {"batch_id": batch_id, "ops": ops, "quarantined": quarantined}
        return self._call("POST", "/sync/push", json=body)

    def pull(self, since: int, limit: int) -> dict[str, Any]:
        return self._call("GET", "/sync/pull", params={"since": since, "limit": limit})

    def resolve(self, conflict_id: str, value: Any) -> dict[str, Any]:
        return self._call("POST", f"/conflicts/{conflict_id}/resolve", json={"value": value})

    def guidance_latest(self, since_version: str | None) -> dict[str, Any]:
        params = {"since_version": since_version} if since_version else {}
        return self._call("GET", "/guidance/latest", params=params)

    def guidance_version(self, version: str) -> dict[str, Any]:
        return self._call("GET", f"/guidance/versions/{quote(version, safe='')}")
