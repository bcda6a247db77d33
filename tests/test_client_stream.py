"""Streaming semantics, retries and timeouts, sync and async, against the test server's faults."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest

import ollixir
from tests.clientkit import Api

USER = [{"role": "user", "content": "one two three four five six"}]


def test_error_line_under_200_is_response_error(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.error_line(after=2, message="runner crashed", path="/api/chat")
    with pytest.raises(ollixir.ResponseError) as info:
        api.stream("chat", "llama3.2", USER)
    assert info.value.error == "runner crashed" and info.value.status == 200
    assert info.value.operation == "chat"
    assert api.call("chat", "llama3.2", USER).done  # the client is still usable


def test_malformed_line_is_protocol_error_naming_the_operation(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.malformed_line(after=1, path="/api/generate")
    with pytest.raises(ollixir.ProtocolError) as info:
        api.stream("completion", "llama3.2", "a b c")
    assert "completion" in str(info.value) and "malformed" in str(info.value)
    assert api.call("completion", "llama3.2", "x").done


def test_stream_without_final_chunk_is_an_error(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.drop(after=2, path="/api/chat")
    with pytest.raises(ollixir.OllixirError) as info:
        api.stream("chat", "llama3.2", USER)
    assert isinstance(info.value, ollixir.ConnectionError | ollixir.ProtocolError)
    assert "chat" in str(info.value)


def test_progress_stream_without_success_is_an_error(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.drop(after=1, path="/api/pull")
    with pytest.raises(ollixir.OllixirError):
        api.stream("pull", "tinyllama")


def test_200_with_error_body_is_response_error(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.error_body("model runner has unexpectedly stopped", path="/api/chat")
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("chat", "llama3.2", USER)
    assert info.value.error == "model runner has unexpectedly stopped"


@pytest.mark.parametrize("body", ["json", "text", "empty"])
def test_http_error_bodies(api: Api, ollama_server: Any, body: str) -> None:
    ollama_server.faults.fail(503, message="server busy", body=body, path="/api/tags")
    with pytest.raises(ollixir.ResponseError) as info:
        api.call("list")
    assert info.value.status == 503 and info.value.operation == "list_models"
    if body != "empty":
        assert "server busy" in info.value.error
    else:
        assert info.value.error  # a reason, never an empty message


def test_closing_a_stream_early_releases_the_connection(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.slow_stream(0.05, path="/api/chat")
    first = api.first_then_close("chat", "llama3.2", USER)
    assert first.message.content == "one" or first.message.content
    assert ollama_server.wait_for_disconnect(timeout=5)
    assert api.call("list").models


def test_final_without_iterating(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url) as client, client.chat("llama3.2", USER, stream=True) as s:
        assert s.final().message.content == "You said: one two three four five six"


def test_retry_until_success(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.fail(503, path="/api/tags", times=2)
    r = api.call("list", retry=ollixir.RetryPolicy(max_attempts=3, base_delay=0.01))
    assert r.models
    assert len([x for x in ollama_server.requests if x.path == "/api/tags"]) == 3


def test_retry_gives_up_after_max_attempts(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.fail(503, path="/api/tags", times=5)
    with pytest.raises(ollixir.ResponseError):
        api.call("list", retry=ollixir.RetryPolicy(max_attempts=2, base_delay=0.01))
    assert len([x for x in ollama_server.requests if x.path == "/api/tags"]) == 2


def test_retry_honours_retry_after(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.fail(429, retry_after=1, path="/api/tags", times=1)
    start = time.monotonic()
    api.call("list", retry=ollixir.RetryPolicy(max_attempts=2, base_delay=0.0, jitter=False))
    assert time.monotonic() - start >= 0.9


def test_no_retry_by_default_or_for_4xx(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.fail(503, path="/api/tags", times=1)
    with pytest.raises(ollixir.ResponseError):
        api.call("list")
    ollama_server.faults.fail(400, path="/api/tags", times=1)
    with pytest.raises(ollixir.ResponseError):
        api.call("list", retry=ollixir.RetryPolicy(base_delay=0.01))


def test_push_is_never_retried(api: Api, ollama_server: Any) -> None:
    api.call("copy", "llama3.2", "test/x:latest")
    ollama_server.faults.fail(503, path="/api/push", times=1)
    with pytest.raises(ollixir.ResponseError):
        api.call("push", "test/x:latest", retry=ollixir.RetryPolicy(max_attempts=3, base_delay=0.01))
    assert len([x for x in ollama_server.requests if x.path == "/api/push"]) == 1


def test_stream_is_retried_before_its_first_chunk_only(api: Api, ollama_server: Any) -> None:
    policy = ollixir.RetryPolicy(max_attempts=3, base_delay=0.01)
    ollama_server.faults.fail(503, path="/api/chat", times=1)
    _, final = api.stream("chat", "llama3.2", USER, retry=policy)
    assert final.done
    ollama_server.requests.clear()
    ollama_server.faults.error_line(after=1, message="boom", path="/api/chat")
    with pytest.raises(ollixir.ResponseError):
        api.stream("chat", "llama3.2", USER, retry=policy)
    assert len([x for x in ollama_server.requests if x.path == "/api/chat"]) == 1


def test_retries_are_logged_without_secrets(
    api: Api, ollama_server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="ollixir")
    ollama_server.faults.fail(503, path="/api/tags", times=1)
    api.call("list", retry=ollixir.RetryPolicy(max_attempts=2, base_delay=0.01))
    lines = [r.getMessage() for r in caplog.records if r.name == "ollixir"]
    assert any("attempt 1/2" in line and "/api/tags" in line for line in lines)
    assert all("test-key" not in line for line in lines)


def test_connection_failure_before_sending_is_retried(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.close_before_headers(path="/api/tags", times=1)
    # A close before headers may come after the request was sent: not retried by default...
    with pytest.raises(ollixir.ConnectionError):
        api.call("list", retry=ollixir.RetryPolicy(max_attempts=3, base_delay=0.01))
    # ...but a custom predicate can opt in, as in the seed's retry options.
    ollama_server.faults.close_before_headers(path="/api/tags", times=1)
    policy = ollixir.RetryPolicy(
        max_attempts=3, base_delay=0.01, retry_if=lambda e: isinstance(e, ollixir.ConnectionError)
    )
    assert api.call("list", retry=policy).models


def test_per_call_timeout_fires_as_timeout_error(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.delay_headers(2.0, path="/api/tags")
    start = time.monotonic()
    with pytest.raises(ollixir.TimeoutError) as info:
        api.call("list", timeout=0.3)
    assert time.monotonic() - start < 1.8
    assert isinstance(info.value, ollixir.ConnectionError) and "list_models" in str(info.value)


def test_slow_stream_hits_read_timeout(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.slow_stream(1.0, path="/api/chat")
    with pytest.raises(ollixir.TimeoutError):
        api.stream("chat", "llama3.2", USER, timeout=0.3)


def test_truncated_json_body(api: Api, ollama_server: Any) -> None:
    ollama_server.faults.truncated_body(0.5, path="/api/tags")
    with pytest.raises(ollixir.ProtocolError) as info:
        api.call("list")
    assert "list_models" in str(info.value)
