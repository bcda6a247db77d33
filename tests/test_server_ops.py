"""The server's own operations over real sockets, on the sync and the async client alike: ``is_running``
(GET / or HEAD /), ``status`` (GET /api/status), ``whoami`` (POST /api/me), ``signout``
(POST /api/signout) and ``model_recommendations``; plus their module-level forms."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from ollixir_api.models import ModelRecommendationsResponse, StatusResponse, UserResponse

import ollixir
import ollixir.aio
from ollixir._clients import default, methods
from ollixir.testing import FakeAccount, FakeRecommendation, OllamaTestServer
from ollixir.testing._account import SIGNIN_URL
from tests.clientkit import KINDS, Api

ACCOUNT = FakeAccount(name="ada", email="ada@example.com", firstname="Ada", plan="pro")


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def api(kind: str, ollama_server: OllamaTestServer) -> Iterator[Api]:
    a = Api(kind, ollama_server.url)
    yield a
    a.close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def seen(server: OllamaTestServer) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in server.requests]


# -- is_running ------------------------------------------------------------------------------------


def test_is_running_asks_get_or_head_slash(api: Api, ollama_server: OllamaTestServer) -> None:
    assert api.call("is_running") is True
    assert api.call("is_running", head=True) is True
    assert seen(ollama_server) == [("GET", "/"), ("HEAD", "/")]


def test_is_running_is_false_when_refused(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    api = Api(kind, closed_port_url())
    try:
        assert api.call("is_running") is False
        assert api.call("is_running", head=True) is False
        # A retry policy is honoured first; the answer is still False, not an error.
        retry = ollixir.RetryPolicy(max_attempts=2, base_delay=0.01)
        with caplog.at_level(logging.DEBUG, logger="ollixir"):
            assert api.call("is_running", retry=retry) is False
        assert "failed on attempt 1/2" in caplog.text
        # Other operations on the same dead address still raise.
        with pytest.raises(ollixir.ConnectionError):
            api.call("version")
    finally:
        api.close()


def test_is_running_is_false_on_timeout_and_dropped_connection(
    api: Api, ollama_server: OllamaTestServer
) -> None:
    ollama_server.faults.delay_headers(2.0, path="/")
    started = time.monotonic()
    assert api.call("is_running", timeout=0.2) is False
    assert time.monotonic() - started < 1.9  # gave up at its timeout, not after the server's delay
    ollama_server.faults.close_before_headers(path="/")
    assert api.call("is_running", head=True) is False
    assert api.call("is_running") is True


def test_is_running_has_a_short_timeout_of_its_own(
    api: Api, ollama_server: OllamaTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The client has no read timeout (models think for minutes); the probe uses LIVENESS_TIMEOUT.
    monkeypatch.setattr(methods, "LIVENESS_TIMEOUT", 0.2)
    ollama_server.faults.delay_headers(2.0, path="/")
    started = time.monotonic()
    assert api.call("is_running") is False
    assert time.monotonic() - started < 1.9


def test_is_running_raises_for_an_http_error(api: Api, ollama_server: OllamaTestServer) -> None:
    """Something answers there and refuses: a boolean would hide it."""
    ollama_server.faults.fail(403, path="/", body="empty")
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("is_running")
    assert info.value.status == 403


def test_is_running_logs_why_it_says_false(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    url = closed_port_url()
    api = Api(kind, url)
    try:
        with caplog.at_level(logging.DEBUG, logger="ollixir"):
            assert api.call("is_running") is False
    finally:
        api.close()
    [line] = [r.getMessage() for r in caplog.records if "answering False" in r.getMessage()]
    assert url in line and "cannot connect" in line


def test_is_running_checks_head_before_traffic(api: Api, ollama_server: OllamaTestServer) -> None:
    with pytest.raises(ollixir.RequestError, match="head"):
        api.call("is_running", head="yes")
    assert ollama_server.requests == []


# -- status ----------------------------------------------------------------------------------------


def test_status_reports_the_cloud_switch(api: Api, ollama_server: OllamaTestServer) -> None:
    status = api.call("status")
    assert isinstance(status, StatusResponse)
    assert status.cloud is not None and (status.cloud.disabled, status.cloud.source) == (False, "none")
    ollama_server.no_cloud = "env"
    status = api.call("status")
    assert status.cloud is not None and (status.cloud.disabled, status.cloud.source) == (True, "env")
    plain = api.client.with_options(response_format="dict")
    assert api.call("status", client=plain) == {"cloud": {"disabled": True, "source": "env"}}
    assert seen(ollama_server) == [("GET", "/api/status")] * 3


def test_an_old_server_without_the_route_gets_a_hint(api: Api, ollama_server: OllamaTestServer) -> None:
    """Gin answers unknown routes with a plain-text 404; the error says which Ollama serves it."""
    ollama_server.faults.fail(404, message="404 page not found", body="text", path="/api/status")
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("status")
    err = info.value
    assert (err.status, err.error) == (404, "404 page not found")
    assert err.hint == "this server has no GET /api/status; it needs Ollama 0.16.2 or later"
    assert str(err).endswith(err.hint)


# -- whoami and signout ------------------------------------------------------------------------------


def test_whoami_returns_the_signed_in_user(api: Api, ollama_server: OllamaTestServer) -> None:
    ollama_server.account = ACCOUNT
    user = api.call("whoami")
    assert isinstance(user, UserResponse)
    assert (user.name, user.email, user.firstname, user.plan) == ("ada", "ada@example.com", "Ada", "pro")
    assert user.bio is None and user.lastname is None  # left out when empty
    assert user.id == ACCOUNT.id
    assert api.call("whoami", client=api.client.with_options(response_format="dict")) == ACCOUNT.wire()
    assert seen(ollama_server) == [("POST", "/api/me")] * 2


def test_whoami_not_signed_in_exposes_the_signin_url(api: Api, ollama_server: OllamaTestServer) -> None:
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("whoami")
    err = info.value
    assert (err.status, err.error, err.operation) == (401, "unauthorized", "whoami")
    assert err.signin_url == SIGNIN_URL
    assert err.signin_url.startswith("https://ollama.com/connect?name=ollixir-test&key=")


def test_whoami_without_a_machine_key_is_unavailable(kind: str) -> None:
    with OllamaTestServer(account=ACCOUNT, machine_key=False) as server:
        api = Api(kind, server.url)
        try:
            with pytest.raises(ollixir.ResponseError) as info:
                api.call("whoami")
        finally:
            api.close()
    assert (info.value.status, info.value.error, info.value.signin_url) == (503, "account unavailable", None)


def test_signout_true_then_false(api: Api, ollama_server: OllamaTestServer) -> None:
    ollama_server.account = ACCOUNT
    assert api.call("signout") is True
    assert ollama_server.account is None
    assert api.call("signout") is False  # the server's 401: nothing to sign out
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("whoami")
    assert info.value.signin_url == SIGNIN_URL
    assert seen(ollama_server) == [("POST", "/api/signout")] * 2 + [("POST", "/api/me")]
    assert all(r.body_size == 0 for r in ollama_server.requests)


def test_signout_failure_raises(kind: str) -> None:
    with OllamaTestServer(account=ACCOUNT, machine_key=False) as server:
        api = Api(kind, server.url)
        try:
            with pytest.raises(ollixir.ResponseError) as info:
                api.call("signout")
        finally:
            api.close()
    assert (info.value.status, info.value.error) == (500, "there was an error signing out")


# -- model recommendations -------------------------------------------------------------------------


def test_model_recommendations(kind: str) -> None:
    picks = [
        FakeRecommendation("big:cloud", "Served remotely", context_length=8192, required_plan="pro"),
        FakeRecommendation("small", "Runs here", vram_bytes=2_000_000_000),
    ]
    with OllamaTestServer(recommendations=picks) as server:
        api = Api(kind, server.url)
        try:
            typed = api.call("model_recommendations")
            plain = api.call("model_recommendations", client=api.client.with_options(response_format="dict"))
        finally:
            api.close()
        assert seen(server) == [("GET", "/api/experimental/model-recommendations")] * 2
    assert isinstance(typed, ModelRecommendationsResponse)
    assert [
        (r.model, r.context_length, r.vram_bytes, r.required_plan) for r in typed.recommendations or []
    ] == [("big:cloud", 8192, None, "pro"), ("small", None, 2_000_000_000, None)]
    assert plain == {"recommendations": [p.wire() for p in picks]}


# -- module-level forms ------------------------------------------------------------------------------


@pytest.fixture
def env_server(
    ollama_server: OllamaTestServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[OllamaTestServer]:
    monkeypatch.setenv("OLLAMA_HOST", ollama_server.url)
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    ollama_server.account = ACCOUNT
    yield ollama_server
    default.close_default()


def test_module_functions(env_server: OllamaTestServer) -> None:
    # The seed's form (client first) and the official form (a default client from OLLAMA_HOST).
    with ollixir.init(env_server.url) as client:
        assert ollixir.is_running(client) is True
        assert ollixir.whoami(client).name == "ada"
        status: StatusResponse = ollixir.status(client)
    assert ollixir.is_running(head=True) is True
    assert status.cloud is not None and status.cloud.source == "none"
    assert ollixir.model_recommendations().recommendations
    assert ollixir.signout() is True and ollixir.signout() is False


def test_aio_module_functions(env_server: OllamaTestServer) -> None:
    async def run() -> tuple[Any, ...]:
        async with ollixir.AsyncClient(env_server.url) as client:
            seeded = await ollixir.aio.whoami(client)
        try:
            return (
                seeded.name,
                await ollixir.aio.is_running(),
                (await ollixir.aio.status()).cloud.disabled,
                len((await ollixir.aio.model_recommendations()).recommendations or []),
                await ollixir.aio.signout(),
            )
        finally:
            # The loop's default client would otherwise keep its connections to the shared server.
            await default.default_async().aclose()

    assert asyncio.run(run()) == ("ada", True, False, 4, True)
