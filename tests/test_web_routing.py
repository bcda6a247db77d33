"""Where web search and fetch go, watched from both ends.

Two test servers play the two sides: ``local`` is the Ollama server the client is configured for (signed in
to ollama.com, its experimental web proxy pointed at ``cloud``), and ``cloud`` plays ollama.com (it takes
its own API key, or the local server's key-signed calls while an account is signed in). Their request logs
show where each query went and which credentials travelled with it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

import ollixir
from ollixir import web
from ollixir.testing import FakeAccount, OllamaTestServer
from tests.clientkit import KINDS, Api

CLOUD_KEY = "cloud-key-7f3a"
SIGNIN = "https://ollama.com/connect?name=here&key=abc"


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def cloud() -> Iterator[OllamaTestServer]:
    with OllamaTestServer(api_key=CLOUD_KEY, account=FakeAccount()) as server:
        yield server


@pytest.fixture
def local(cloud: OllamaTestServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[OllamaTestServer]:
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    with OllamaTestServer(api_key="local-only", account=FakeAccount(), cloud_url=cloud.url) as server:
        yield server


def paths(server: OllamaTestServer) -> list[str]:
    return [r.path for r in server.requests]


def authorizations(server: OllamaTestServer) -> list[str | None]:
    return [r.headers.get("authorization") for r in server.requests]


def test_without_a_key_the_query_goes_through_the_local_proxy(
    kind: str, local: OllamaTestServer, cloud: OllamaTestServer
) -> None:
    api = Api(kind, local.url, cloud_url=cloud.url)
    try:
        assert api.client.web_route == "local proxy"
        assert "web='local proxy'" in repr(api.client) and "cloud_url" not in repr(api.client)
        found = api.call("web_search", "ollama", max_results=2)
        page = api.call("web_fetch", "https://ollama.com")
    finally:
        api.close()
    assert [r.title for r in found.results or []] == ["Result 1 for ollama", "Result 2 for ollama"]
    assert page.title == "Page https://ollama.com"
    # The client spoke to the local server only, and sent it no credentials.
    assert paths(local) == ["/api/experimental/web_search", "/api/experimental/web_fetch"]
    assert authorizations(local) == [None, None]
    assert [r.json for r in local.requests] == [
        {"query": "ollama", "max_results": 2},
        {"url": "https://ollama.com"},
    ]
    # The local server asked the cloud, signing with its own machine key (not a Bearer API key).
    assert paths(cloud) == ["/api/web_search", "/api/web_fetch"]
    for request in cloud.requests:
        signed = request.headers["authorization"]
        assert not signed.startswith("Bearer") and ":" in signed
        assert "ts=" in request.query


def test_with_a_key_the_query_goes_to_the_cloud_only(
    kind: str, local: OllamaTestServer, cloud: OllamaTestServer
) -> None:
    api = Api(kind, local.url, api_key=CLOUD_KEY, cloud_url=cloud.url)
    try:
        assert api.client.web_route == "ollama.com"
        assert f"web='ollama.com', cloud_url='{cloud.url}'" in repr(api.client)
        assert CLOUD_KEY not in repr(api.client)
        found = api.call("web_search", "ollama", max_results=1)
        page = api.call("web_fetch", "https://ollama.com")
    finally:
        api.close()
    assert [r.title for r in found.results or []] == ["Result 1 for ollama"]
    assert page.title == "Page https://ollama.com"
    assert local.requests == []  # the key, and the query, never reached the local server
    assert paths(cloud) == ["/api/web_search", "/api/web_fetch"]
    assert authorizations(cloud) == [f"Bearer {CLOUD_KEY}"] * 2


def test_the_callers_own_authorization_never_reaches_the_cloud_through_the_proxy(
    local: OllamaTestServer, cloud: OllamaTestServer
) -> None:
    """A header the caller sets goes to the configured server, as on every call; the proxy drops it."""
    with ollixir.Client(local.url, headers={"Authorization": "Bearer callers-token"}) as client:
        assert client.web_route == "local proxy"
        client.web_search("q")
    assert authorizations(local) == ["Bearer callers-token"]
    [forwarded] = cloud.requests
    assert "callers-token" not in forwarded.headers["authorization"]


def test_an_empty_api_key_chooses_the_proxy_over_the_environment(
    local: OllamaTestServer, cloud: OllamaTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OLLAMA_API_KEY", CLOUD_KEY)
    with ollixir.Client(local.url, cloud_url=cloud.url) as from_env:
        assert from_env.web_route == "ollama.com"
    with ollixir.Client(local.url, api_key="", cloud_url=cloud.url) as client:
        assert client.web_route == "local proxy"
        client.web_fetch("https://a.example")
    assert paths(local) == ["/api/experimental/web_fetch"] and authorizations(local) == [None]
    assert authorizations(cloud)[0] != f"Bearer {CLOUD_KEY}"


def test_every_query_logs_its_route(
    local: OllamaTestServer, cloud: OllamaTestServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="ollixir"):
        with ollixir.Client(local.url, cloud_url=cloud.url) as keyless:
            keyless.web_search("q")
        with ollixir.Client(local.url, api_key=CLOUD_KEY, cloud_url=cloud.url) as keyed:
            keyed.web_fetch("https://a.example")
    lines = [r.getMessage() for r in caplog.records if r.name == "ollixir" and "goes to" in r.getMessage()]
    assert lines == [
        f"ollixir: web_search goes to {local.url}/api/experimental/web_search, the server's proxy to "
        "ollama.com (no API key) (web route 'local proxy')",
        f"ollixir: web_fetch goes to {cloud.url}/api/web_fetch with the API key (web route 'ollama.com')",
    ]
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name == "ollixir")
    assert CLOUD_KEY not in caplog.text


# -- the same errors from either route -------------------------------------------------------------


class _Refusing(BaseHTTPRequestHandler):
    """ollama.com refusing a call, with a sign-in page in the answer."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"error": "unauthorized", "signin_url": SIGNIN}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def refusing_cloud() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_401_carries_the_signin_url_on_either_route(
    kind: str, refusing_cloud: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    errors = []
    with OllamaTestServer(account=FakeAccount(), cloud_url=refusing_cloud) as local:
        for options in ({}, {"api_key": "some-key"}):
            api = Api(kind, local.url, cloud_url=refusing_cloud, **options)
            try:
                with pytest.raises(ollixir.ResponseError) as info:
                    api.call("web_search", "q")
            finally:
                api.close()
            errors.append(info.value)
    proxied, direct = errors
    for err in errors:
        assert type(err) is ollixir.ResponseError
        assert (err.status, err.error, err.signin_url, err.operation) == (
            401,
            "unauthorized",
            SIGNIN,
            "web_search",
        )
    # Only the proxy route's error says how to sign the server in, or to use a key instead.
    assert proxied.hint is not None and "not signed in" in proxied.hint and "api_key=" in proxied.hint
    assert direct.hint is None


def test_a_server_that_is_not_signed_in_and_a_wrong_key_are_both_401(
    kind: str, local: OllamaTestServer, cloud: OllamaTestServer
) -> None:
    cloud.account = None  # ollama.com no longer knows the local server's key
    for options in ({}, {"api_key": "wrong"}):
        api = Api(kind, local.url, cloud_url=cloud.url, **options)
        try:
            with pytest.raises(ollixir.ResponseError) as info:
                api.call("web_fetch", "https://a.example")
        finally:
            api.close()
        assert (info.value.status, info.value.error) == (401, "unauthorized")


def test_proxy_route_errors_from_the_local_server(kind: str, local: OllamaTestServer) -> None:
    local.no_cloud = "env"
    api = Api(kind, local.url)
    try:
        with pytest.raises(ollixir.ResponseError) as disabled:
            api.call("web_search", "q")
        local.no_cloud = None
        # An Ollama older than 0.17.8 has no proxy: its router answers a plain 404.
        local.faults.fail(404, message="404 page not found", body="text", path="/api/experimental/web_fetch")
        with pytest.raises(ollixir.ResponseError) as old:
            api.call("web_fetch", "https://a.example")
    finally:
        api.close()
    assert (disabled.value.status, disabled.value.error) == (
        403,
        "ollama cloud is disabled: web search is unavailable",
    )
    assert old.value.status == 404 and old.value.hint is not None
    assert "no POST /api/experimental/web_fetch; it needs Ollama 0.17.8 or later" in old.value.hint
    assert "api_key=" in old.value.hint


# -- the ollixir.web tools follow the same choice --------------------------------------------------


def test_web_tools_follow_the_clients_route(local: OllamaTestServer, cloud: OllamaTestServer) -> None:
    with ollixir.Client(local.url, cloud_url=cloud.url) as keyless:
        text = web.dispatch(keyless, "web_search", {"query": "tools", "max_results": 1})
        search, fetch = web.functions(keyless)
        page = json.loads(fetch("https://b.example"))
    assert json.loads(text)["results"][0]["title"] == "Result 1 for tools"
    assert page["title"] == "Page https://b.example"
    assert paths(local) == ["/api/experimental/web_search", "/api/experimental/web_fetch"]
    assert paths(cloud) == ["/api/web_search", "/api/web_fetch"]
    local.clear_requests()
    cloud.clear_requests()
    with ollixir.Client(local.url, api_key=CLOUD_KEY, cloud_url=cloud.url) as keyed:
        search, _ = web.functions(keyed)
        assert json.loads(search("keyed", 1))["results"][0]["title"] == "Result 1 for keyed"
    assert local.requests == [] and authorizations(cloud) == [f"Bearer {CLOUD_KEY}"]


def test_async_web_tools_follow_the_clients_route(local: OllamaTestServer, cloud: OllamaTestServer) -> None:
    import asyncio

    async def run() -> tuple[str, str]:
        async with ollixir.AsyncClient(local.url, cloud_url=cloud.url) as keyless:
            proxied = await web.adispatch(keyless, "web_fetch", {"url": "https://c.example"})
        async with ollixir.AsyncClient(local.url, api_key=CLOUD_KEY, cloud_url=cloud.url) as keyed:
            direct = await web.adispatch(keyed, "web_fetch", {"url": "https://d.example"})
        return proxied, direct

    proxied, direct = asyncio.run(run())
    assert json.loads(proxied)["title"] == "Page https://c.example"
    assert json.loads(direct)["title"] == "Page https://d.example"
    assert paths(local) == ["/api/experimental/web_fetch"]
    assert [r.json for r in cloud.requests] == [{"url": "https://c.example"}, {"url": "https://d.example"}]
    assert authorizations(cloud)[1] == f"Bearer {CLOUD_KEY}"
