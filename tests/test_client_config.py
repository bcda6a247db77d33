"""Construction: every target form, headers, credentials, environment variables, a caller's
httpx client, the shared connection pool."""

from __future__ import annotations

import urllib.parse
from typing import Any

import httpx
import pytest

import ollixir

USER = [{"role": "user", "content": "hi"}]


def port_of(url: str) -> int:
    port = urllib.parse.urlsplit(url).port
    assert port is not None
    return port


def last(server: Any, path: str) -> Any:
    return [r for r in server.requests if r.path == path][-1]


@pytest.mark.parametrize(
    "form",
    ["url", "host_no_scheme", "colon_port", "api_suffix", "ipv4", "host_kw", "base_url_kw"],
)
def test_init_target_forms_reach_the_server(ollama_server: Any, form: str) -> None:
    port = port_of(ollama_server.url)
    targets: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
        "url": ((ollama_server.url,), {}),
        "host_no_scheme": ((f"localhost:{port}",), {}),
        "colon_port": ((f":{port}",), {}),
        "api_suffix": ((f"http://127.0.0.1:{port}/api",), {}),
        "ipv4": ((f"127.0.0.1:{port}",), {}),
        "host_kw": ((), {"host": f"127.0.0.1:{port}"}),
        "base_url_kw": ((), {"base_url": f"http://localhost:{port}/api/"}),
    }
    args, kwargs = targets[form]
    with ollixir.init(*args, **kwargs) as client:
        assert client.version().version


def test_init_reads_ollama_host(ollama_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", f"127.0.0.1:{port_of(ollama_server.url)}")
    with ollixir.init() as client:
        assert client.base_url == f"http://127.0.0.1:{port_of(ollama_server.url)}"
        assert client.list().models


def test_init_default_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
    with ollixir.Client() as client:
        assert client.base_url == "http://127.0.0.1:11434"


def test_headers_mapping_and_pairs(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url, headers={"X-Trace": "a"}) as client:
        client.list()
        assert last(ollama_server, "/api/tags").headers["x-trace"] == "a"
    with ollixir.init(ollama_server.url, headers=[("X-Trace", "b"), ("X-Other", "c")]) as client:
        client.list()
        assert last(ollama_server, "/api/tags").headers["x-other"] == "c"


def test_api_key_becomes_bearer_unless_authorization_given(
    ollama_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OLLAMA_API_KEY", "env-key")
    with ollixir.init(ollama_server.url) as client:
        client.list()
        assert last(ollama_server, "/api/tags").headers["authorization"] == "Bearer env-key"
    with ollixir.init(ollama_server.url, api_key="arg-key") as client:
        client.list()
        assert last(ollama_server, "/api/tags").headers["authorization"] == "Bearer arg-key"
    with ollixir.init(ollama_server.url, headers={"Authorization": "Basic xyz"}) as client:
        client.list()
        assert last(ollama_server, "/api/tags").headers["authorization"] == "Basic xyz"


def test_cloud_url_from_environment(ollama_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_WEB_BASE_URL", ollama_server.url)
    with ollixir.init(ollama_server.url, api_key="test-key") as client:
        assert client.web_fetch("https://example.com").content


def test_caller_httpx_client_is_used_as_is(ollama_server: Any) -> None:
    seen: list[str] = []
    http = httpx.Client(
        base_url=ollama_server.url, event_hooks={"request": [lambda r: seen.append(r.url.path)]}
    )
    client = ollixir.init(http)
    assert client.http is http
    client.chat("llama3.2", USER)
    with client.chat("llama3.2", USER, stream=True) as s:
        s.final()
    client.close()
    assert seen == ["/api/chat", "/api/chat"]
    assert not http.is_closed  # the caller owns it
    http.close()


def test_one_pool_for_all_calls(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url) as client:
        for _ in range(5):
            client.list()
            with client.chat("llama3.2", USER, stream=True) as s:
                s.final()
        # every call reused the single keep-alive connection of the shared pool
        assert ollama_server.connections_accepted == 1


def test_repr_and_errors_never_show_the_key(ollama_server: Any) -> None:
    key = "sk-very-secret-123"
    with ollixir.init(ollama_server.url, api_key=key) as client:
        assert key not in repr(client)
        with pytest.raises(ollixir.ResponseError) as info:
            client.chat("missing", USER)
        assert key not in str(info.value) and key not in repr(info.value)


def test_receive_timeout_and_timeout_options() -> None:
    c = ollixir.init("http://127.0.0.1:1", receive_timeout=1500)
    assert c.http.timeout.read == 1.5 and c.http.timeout.connect == 10.0
    c.close()
    c = ollixir.init("http://127.0.0.1:1", timeout=3)
    assert c.http.timeout.read == 3 and c.http.timeout.connect == 3
    c.close()
    c = ollixir.init("http://127.0.0.1:1")
    assert c.http.timeout.read is None and c.http.timeout.connect == 10.0  # LLM-friendly default
    c.close()
    with pytest.raises(ollixir.RequestError):
        ollixir.init("http://127.0.0.1:1", timeout=1, receive_timeout=1000)


def test_extra_httpx_keywords_pass_through(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url, follow_redirects=True, http2=False) as client:
        assert client.http.follow_redirects is True
        assert client.version().version


@pytest.mark.parametrize("make", [ollixir.init, ollixir.Client, ollixir.init_async, ollixir.AsyncClient])
def test_a_misspelt_constructor_option_names_the_closest_one(make: Any) -> None:
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'verfy'; did you mean 'verify'\?"):
        make("http://127.0.0.1:9", verfy=False)


def test_declared_httpx_options_reach_the_connection_pool(ollama_server: Any) -> None:
    seen: list[str] = []
    hooks = {"request": [lambda request: seen.append(str(request.url.path))]}
    with ollixir.init(ollama_server.url, event_hooks=hooks, follow_redirects=True, http2=False) as client:
        assert client.http.follow_redirects is True
        client.version()
    assert seen == ["/api/version"]
