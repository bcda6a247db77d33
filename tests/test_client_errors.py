"""Errors: bad input is a RequestError raised before any traffic; server errors are ResponseErrors
with the server's status and message; unreachable servers are ConnectionErrors."""

from __future__ import annotations

import socket
from typing import Any

import pytest

import ollixir
from tests.clientkit import Api

USER = [{"role": "user", "content": "hi"}]


def no_traffic(server: Any) -> None:
    assert [r for r in server.requests if r.path.startswith("/api/")] == []


BAD_INPUTS: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
    ("chat", (None, USER), {}, "model"),
    ("chat", ("", USER), {}, "model"),
    ("chat", (42, USER), {}, "model"),
    ("chat", ("llama3.2",), {}, "messages"),
    ("chat", ("llama3.2", []), {}, "messages"),
    ("chat", ("llama3.2", "hi"), {}, "messages"),
    ("chat", ("llama3.2", [{"content": "no role"}]), {}, "role"),
    ("chat", ("llama3.2", USER), {"top_logprobs": 21}, "top_logprobs"),
    ("chat", ("llama3.2", USER), {"top_logprobs": -1}, "top_logprobs"),
    ("chat", ("llama3.2", USER), {"keep_alive": "3600"}, "keep_alive"),
    ("chat", ("llama3.2", USER), {"keep_alive": True}, "keep_alive"),
    ("chat", ("llama3.2", USER), {"think": "extreme"}, "think"),
    ("chat", ("llama3.2", USER), {"format": "xml"}, "format"),
    ("chat", ("llama3.2", USER), {"options": {"temprature": 1}}, "temperature"),
    ("chat", ("llama3.2", USER), {"options": {"num_ctx": "big"}}, "num_ctx"),
    ("chat", ("llama3.2", [{"role": "user", "content": "x", "images": ["not base64!!"]}]), {}, "images"),
    ("completion", ("llama3.2",), {}, "prompt"),
    ("completion", ("llama3.2", ""), {}, "prompt"),
    ("completion", ("llama3.2", "x"), {"images": ["%%%"]}, "images"),
    ("completion", ("llama3.2", "x"), {"images": ["/no/such/file.png"]}, "images"),
    ("completion", ("llama3.2", "x"), {"raw": "yes"}, "raw"),
    ("embed", ("all-minilm",), {}, "input"),
    ("embed", ("all-minilm", []), {}, "input"),
    ("embed", ("all-minilm", [1, 2]), {}, "input"),
    ("embeddings", ("all-minilm",), {}, "prompt"),
    ("check_blob", ("sha256:abc",), {}, "digest"),
    ("check_blob", ("SHA256:" + "a" * 64,), {}, "digest"),
    ("check_blob", ("sha256:" + "A" * 64,), {}, "digest"),
    ("create_blob", ("/no/such/file",), {}, "file"),
    ("create_blob", (12,), {}, "create_blob"),
    ("copy_model", ("", "b"), {}, "source"),
    ("copy_model", ("a", None), {}, "destination"),
    ("delete_model", (), {}, "model"),
    ("show_model", (), {}, "model"),
    ("pull_model", (), {}, "model"),
    ("push_model", ("a",), {"name": "b"}, "model"),
    ("create_model", ("x",), {}, "from_"),
    ("preload", ("",), {}, "model"),
    ("preload", ("llama3.2",), {"keep_alive": "10"}, "keep_alive"),
    ("web_search", ("",), {}, "query"),
    ("web_fetch", (None,), {}, "url"),
]


@pytest.mark.parametrize(
    ("op", "args", "kwargs", "mentions"),
    BAD_INPUTS,
    ids=[f"{b[0]}-{b[3]}-{i}" for i, b in enumerate(BAD_INPUTS)],
)
def test_bad_input_is_request_error_before_traffic(
    api: Api, ollama_server: Any, op: str, args: Any, kwargs: Any, mentions: str
) -> None:
    ollama_server.requests.clear()
    with pytest.raises(ollixir.RequestError) as info:
        api.call(op, *args, **kwargs)
    assert mentions in str(info.value)
    assert isinstance(info.value, ollixir.OllixirError) and isinstance(info.value, ValueError)
    no_traffic(ollama_server)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_web_search_without_key_asks_the_server_and_says_how_to_sign_in(
    ollama_server: Any, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Without an API key the query goes to the server's proxy; a server that is not signed in answers
    401, and the error says both ways out (sign the server in, or give the client a key)."""
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    api = Api(kind, ollama_server.url, cloud_url=ollama_server.url)
    ollama_server.requests.clear()
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("web_search", "x")
    err = info.value
    assert (err.status, err.error, err.operation) == (401, "unauthorized", "web_search")
    assert "is not signed in to ollama.com" in str(err) and "api_key=" in str(err)
    assert err.hint is not None and ollama_server.url in err.hint
    assert ollama_server.requests[0].path == "/api/experimental/web_search"
    assert "authorization" not in ollama_server.requests[0].headers
    api.close()


@pytest.mark.parametrize(
    ("op", "args", "status", "message"),
    [
        ("chat", ("missing-model", USER), 404, "model 'missing-model' not found"),
        ("completion", ("missing-model", "x"), 404, "model 'missing-model' not found"),
        ("embed", ("missing-model", "x"), 404, 'model "missing-model" not found, try pulling it first'),
        ("show", ("missing-model",), 404, "model 'missing-model:latest' not found"),
        ("chat", ("all-minilm", USER), 400, '"all-minilm" does not support chat'),
        ("completion", ("all-minilm", "x"), 400, '"all-minilm" does not support generate'),
        ("pull", ("bad name!",), 400, "invalid model name"),
    ],
)
def test_server_errors_are_response_errors(api: Api, op: str, args: Any, status: int, message: str) -> None:
    with pytest.raises(ollixir.ResponseError) as info:
        api.call(op, *args)
    err = info.value
    assert err.status == status and err.status_code == status
    assert err.error == message
    assert op.replace("show", "show_model").replace("pull", "pull_model") in str(err)
    assert isinstance(err, ollixir.OllixirError)


def test_thinking_unsupported_is_response_error(api: Api) -> None:
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("chat", "llama3.2", USER, think=True)
    assert info.value.status == 400 and info.value.error == '"llama3.2" does not support thinking'


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port: int = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_connection_refused_is_connection_error(kind: str) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    api = Api(kind, url)
    for call in (lambda: api.call("list"), lambda: api.stream("chat", "m", USER)):
        with pytest.raises(ollixir.ConnectionError) as info:
            call()
        assert isinstance(info.value, ConnectionError)  # the builtin too
        assert url in str(info.value) and "Ollama" in str(info.value)
        assert info.value.url is not None and info.value.url.startswith(url)
    api.close()


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_dns_failure_is_connection_error(kind: str) -> None:
    api = Api(kind, "http://no-such-host.invalid:11434")
    with pytest.raises(ollixir.ConnectionError) as info:
        api.call("version")
    assert "no-such-host.invalid" in str(info.value) and info.value.operation == "version"
    api.close()


def test_model_option_passed_as_keyword_is_refused_before_traffic(api: Api, ollama_server: Any) -> None:
    # The signatures are explicit, so Python itself names the keyword that is not a parameter.
    ollama_server.requests.clear()
    with pytest.raises(TypeError, match="unexpected keyword argument 'temperature'"):
        api.call("chat", "llama3.2", USER, temperature=0.1)
    no_traffic(ollama_server)
