"""The test server's experimental web proxies, checked against the server's handlers.

``webExperimentalProxyHandler`` (server/routes.go) and ``proxyCloudRequestWithPath`` (server/cloud_proxy.go)
of ollama/ollama v0.33.0-rc2. The proxies call the test server's own fake ollama.com
``/api/web_search``/``/api/web_fetch`` (the one the client's cloud calls use), so the upstream leg is a
real second request that shows up in ``server.requests``.
"""

from __future__ import annotations

import base64
import socket
from collections.abc import Iterator
from urllib.parse import parse_qs

import httpx
import pytest

from ollixir.testing import FakeAccount, OllamaTestServer, RecordedRequest

PROXIES = [
    ("/api/experimental/web_search", "/api/web_search", {"query": "ollama", "max_results": 2}),
    ("/api/experimental/web_fetch", "/api/web_fetch", {"url": "https://ollama.com/"}),
]
IDS = ["web_search", "web_fetch"]


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def _upstream(server: OllamaTestServer, path: str) -> list[RecordedRequest]:
    return [r for r in server.requests if r.path == path]


def _machine_key_blob(client: httpx.Client) -> str:
    """The base64 key blob inside the server's public key line, read from /api/me's signin_url."""
    key = parse_qs(client.post("/api/me").json()["signin_url"].split("?", 1)[1])["key"][0]
    line = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)).decode()
    return line.split(" ")[1]


@pytest.mark.parametrize(("local", "cloud", "body"), PROXIES, ids=IDS)
def test_proxy_uses_the_server_key_and_drops_the_callers_authorization(
    ollama_server: OllamaTestServer, client: httpx.Client, local: str, cloud: str, body: dict[str, object]
) -> None:
    """webExperimentalProxyHandler deletes the caller's Authorization; proxyCloudRequestWithPath signs the
    forwarded request with the server's key (Authorization "<key blob>:<signature>") over
    "POST,<path>?<query with ts>", adds X-Ollama-Client-Version and copies the upstream answer back."""
    blob = _machine_key_blob(client)
    ollama_server.account = FakeAccount()
    ollama_server.clear_requests()
    direct = client.post(cloud, json=body, headers={"Authorization": "Bearer test-key"})
    r = client.post(
        f"{local}?b=2&a=1&ts=5",
        json=body,
        headers={
            "Authorization": "Bearer not-for-ollama-com",
            "X-Trace": "t-1",
            "Connection": "keep-alive, X-Hop",
            "X-Hop": "1",
        },
    )
    assert r.status_code == 200
    assert r.json() == direct.json()
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert r.headers["transfer-encoding"] == "chunked"  # copied with a Flush per write, so no length
    [_, forwarded] = _upstream(ollama_server, cloud)
    [received] = _upstream(ollama_server, local)
    assert (
        received.headers["x-hop"] == "1" and received.headers["authorization"] == "Bearer not-for-ollama-com"
    )
    authorization = forwarded.headers["authorization"]
    assert "not-for-ollama-com" not in authorization and not authorization.startswith("Bearer")
    key, signature = authorization.split(":")
    assert key == blob and len(base64.b64decode(signature)) == 64
    assert forwarded.headers["x-ollama-client-version"] == "0.33.0-rc2"
    assert forwarded.headers["x-trace"] == "t-1"
    assert "x-hop" not in forwarded.headers  # named in Connection: hop-by-hop
    assert forwarded.json == body
    # The caller's query goes along, ts replaced by the signing time, keys sorted as url.Values.Encode.
    keys = [pair.split("=")[0] for pair in forwarded.query.split("&")]
    assert keys == ["a", "b", "ts"] and parse_qs(forwarded.query)["ts"] != ["5"]


@pytest.mark.parametrize(("local", "cloud", "body"), PROXIES, ids=IDS)
def test_callers_own_valid_key_is_not_forwarded(
    ollama_server: OllamaTestServer, client: httpx.Client, local: str, cloud: str, body: dict[str, object]
) -> None:
    """Not signed in, the server's signature is refused upstream (401 passed through as it is), even though
    the caller's own Authorization would have been accepted by ollama.com: it was dropped."""
    r = client.post(local, json=body, headers={"Authorization": "Bearer test-key"})
    assert (r.status_code, r.json()) == (401, {"error": "unauthorized"})
    [forwarded] = _upstream(ollama_server, cloud)
    assert forwarded.headers["authorization"] != "Bearer test-key"


@pytest.mark.parametrize(("local", "cloud", "body"), PROXIES, ids=IDS)
@pytest.mark.parametrize("content", [b"", b"  \n\t "])
def test_empty_body_is_a_400(
    ollama_server: OllamaTestServer,
    client: httpx.Client,
    local: str,
    cloud: str,
    body: dict[str, object],
    content: bytes,
) -> None:
    """webExperimentalProxyHandler: len(bytes.TrimSpace(body)) == 0 -> 400 "missing request body"."""
    ollama_server.account = FakeAccount()
    r = client.post(local, content=content)
    assert (r.status_code, r.json()) == (400, {"error": "missing request body"})
    assert _upstream(ollama_server, cloud) == []


@pytest.mark.parametrize(
    ("local", "operation"),
    [("/api/experimental/web_search", "web search"), ("/api/experimental/web_fetch", "web fetch")],
)
def test_cloud_disabled_is_a_403(
    ollama_server: OllamaTestServer, client: httpx.Client, local: str, operation: str
) -> None:
    """proxyCloudRequestWithPath: internalcloud.Status() disabled -> 403 DisabledError(operation)."""
    ollama_server.account = FakeAccount()
    ollama_server.no_cloud = "env"
    r = client.post(local, json={"query": "q", "url": "u"})
    assert (r.status_code, r.json()) == (
        403,
        {"error": f"ollama cloud is disabled: {operation} is unavailable"},
    )
    assert len(ollama_server.requests) == 1  # nothing went upstream
    # The empty-body check comes first.
    assert client.post(local, content=b"").status_code == 400


@pytest.mark.parametrize(("local", "cloud", "body"), PROXIES, ids=IDS)
def test_no_key_is_a_401_without_signin_url(
    ollama_server: OllamaTestServer, client: httpx.Client, local: str, cloud: str, body: dict[str, object]
) -> None:
    """proxyCloudRequestWithPath: signing fails -> writeCloudUnauthorized, whose signinURL() needs the same
    key and fails too -> 401 {"error": "unauthorized"}; ollama.com is not contacted."""
    ollama_server.account = FakeAccount()
    ollama_server.machine_key = False
    r = client.post(local, json=body)
    assert (r.status_code, r.json()) == (401, {"error": "unauthorized"})
    assert _upstream(ollama_server, cloud) == []


def test_unreachable_upstream_is_a_502() -> None:
    """proxyCloudRequestWithPath: http.DefaultClient.Do fails -> 502 {"error": err.Error()}, Go's
    'Post "<url>": dial tcp <addr>: connect: connection refused'."""
    with socket.socket() as probe:  # a port that was just free: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with OllamaTestServer(account=FakeAccount(), cloud_url=f"http://127.0.0.1:{port}") as server:
        r = httpx.post(f"{server.url}/api/experimental/web_fetch", json={"url": "x"})
    assert r.status_code == 502
    message = r.json()["error"]
    assert message.startswith(f'Post "http://127.0.0.1:{port}/api/web_fetch?ts=')
    assert message.endswith(f'": dial tcp 127.0.0.1:{port}: connect: connection refused')


def test_upstream_errors_pass_through(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    """proxyCloudRequestWithPath copies the upstream status, headers and body whatever the status."""
    ollama_server.account = FakeAccount()
    bad = client.post("/api/experimental/web_search", json={"query": ""})
    assert (bad.status_code, bad.json()) == (400, {"error": "query is required"})
    ollama_server.faults.fail(429, retry_after=7, path="/api/web_fetch")
    limited = client.post("/api/experimental/web_fetch", json={"url": "u"})
    assert (limited.status_code, limited.json()) == (429, {"error": "rate limit exceeded"})
    assert limited.headers["retry-after"] == "7"


def test_another_upstream_gets_the_body_verbatim(ollama_server: OllamaTestServer) -> None:
    """The body is forwarded byte for byte (not re-encoded), to whatever cloud_url names."""
    with OllamaTestServer(account=FakeAccount(), cloud_url=ollama_server.url) as front:
        raw = b'{"url":  "https://example.org",  "extra": [1, 2]}'
        r = httpx.post(f"{front.url}/api/experimental/web_fetch", content=raw)
    assert r.status_code == 401  # the other server has no signed-in account
    [forwarded] = _upstream(ollama_server, "/api/web_fetch")
    assert forwarded.body_size == len(raw)
    assert forwarded.json == {"url": "https://example.org", "extra": [1, 2]}
    assert forwarded.headers["content-type"] == "application/json"  # added: the caller sent none
