"""The test server registers every native route of GenerateRoutes (tests/ollama_routes.py), and none of the
/v1 compatibility routes.

An unregistered route answers gin's text/plain ``404 page not found`` and a registered path with the wrong
method ``405 method not allowed``; a registered route answers anything else (often a 400 for the empty
body sent here, which is the handler speaking).
"""

from __future__ import annotations

import httpx
import pytest

from ollixir.testing import OllamaTestServer
from tests.ollama_routes import COMPAT_ROUTES, NATIVE_ROUTES

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
