"""The test server registers every native route of GenerateRoutes (tests/ollama_routes.py), and none of the
/v1 compatibility routes.

An unregistered route answers gin's text/plain ``404 page not found`` and a registered path with the wrong
method ``405 method not allowed``; a registered route answers anything else (often a 400 for the empty
body sent here, which is the handler speaking).
"""

from __future__ import annotations

import httpx
import pytest
from ollixir_api.api import OPERATIONS

from ollixir.testing import OllamaTestServer
from ollixir.testing._app import gin_path, operation_route, routes
from tests.ollama_routes import CLOUD_ROUTES, COMPAT_ROUTES, NATIVE_ROUTES

_SAMPLE = {":digest": "sha256:" + "0" * 64, ":encodedKey": "c3NoLWVkMjU1MTk", ":model": "llama3.2"}


def _concrete(path: str) -> str:
    return "/".join(_SAMPLE.get(part, part) for part in path.split("/"))


def _is_gin_default(r: httpx.Response) -> bool:
    return r.status_code in (404, 405) and r.headers.get("content-type") == "text/plain"


@pytest.mark.parametrize(("method", "path"), NATIVE_ROUTES, ids=[f"{m} {p}" for m, p in NATIVE_ROUTES])
def test_native_route_is_served(ollama_server: OllamaTestServer, method: str, path: str) -> None:
    content = b"" if method == "HEAD" else b"{}"
    r = httpx.request(method, ollama_server.url + _concrete(path), content=content, timeout=10)
    assert not _is_gin_default(r), f"{method} {path}: {r.status_code} {r.text!r}"


# The compatibility routes are served by the /v1 layer (tests/test_compat_*.py), except speech to text.
_UNSERVED = {("POST", "/v1/audio/transcriptions")}
_SERVED_COMPAT = [route for route in COMPAT_ROUTES if route not in _UNSERVED]


@pytest.mark.parametrize(("method", "path"), _SERVED_COMPAT, ids=[f"{m} {p}" for m, p in _SERVED_COMPAT])
def test_compat_routes_are_served(ollama_server: OllamaTestServer, method: str, path: str) -> None:
    r = httpx.request(method, ollama_server.url + _concrete(path), content=b"{}", timeout=10)
    assert not _is_gin_default(r), f"{method} {path}: {r.status_code} {r.text!r}"


@pytest.mark.parametrize(
    ("method", "path"), sorted(_UNSERVED), ids=[f"{m} {p}" for m, p in sorted(_UNSERVED)]
)
def test_transcription_is_not_served(ollama_server: OllamaTestServer, method: str, path: str) -> None:
    r = httpx.request(method, ollama_server.url + _concrete(path), content=b"{}", timeout=10)
    assert (r.status_code, r.text) == (404, "404 page not found")


def test_registered_routes_are_exactly_the_servers() -> None:
    # The router's own table, not just the answers above: nothing beyond Go's routes (and the fake
    # ollama.com endpoints) is registered, and nothing is registered twice.
    registered = routes()
    assert len(set(registered)) == len(registered)
    expected = set(NATIVE_ROUTES) | set(_SERVED_COMPAT) | set(CLOUD_ROUTES)
    assert {(str(method), path) for method, path in registered} == expected


def test_every_spec_operation_is_registered_from_the_table() -> None:
    # A native route's method and path are the operation table's: a typo in openapi.yaml moves the
    # server's route along with the client's request, and test_native_route_is_served catches both.
    registered = set(routes())
    for op in OPERATIONS.values():
        assert (op.method, gin_path(op.path)) in registered, op


def test_gin_path() -> None:
    assert gin_path("/api/blobs/{digest}") == "/api/blobs/:digest"
    assert gin_path("/api/user/keys/{encodedKey}") == "/api/user/keys/:encodedKey"
    assert gin_path("/") == "/"


def test_a_route_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="GET /api/tags is registered twice"):
        operation_route("list_models")(lambda app, ex: None)
