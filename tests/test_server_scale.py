"""Big prompts and departing clients: the fake models work in linear time and stop when the client leaves.

Timings are reported by ``bench/server_prompts.py``; the one time limit here is a coarse safety bound
that the brief asks for (a 20 MB prompt must not take minutes, as it did when the echo was quadratic).
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollixir.testing import FakeModel, FakeRequest, OllamaTestServer, RecordedRequest, _tokens, tokenize
from ollixir.testing._fake import plan_turn

WORDS_20MB = 4_000_000  # "word " is five bytes


def _fake_request(prompt: str, options: dict[str, object]) -> FakeRequest:
    return FakeRequest("generate", "m", prompt, (), "", "", options, (), None, None, 0)


def _reference_answer(answer: str, limit: int, stops: list[str]) -> tuple[list[str], str]:
    """The rule as documented, computed the slow obvious way (the whole text searched per token)."""
    content: list[str] = []
    text = ""
    for token in tokenize(answer):
        if 0 <= limit <= len(content):
            return content, "length"
        candidate = text + token
        cuts = [i for i in (candidate.find(s) for s in stops if s) if i >= 0]
        if cuts:
            if min(cuts) > len(text):
                content.append(candidate[len(text) : min(cuts)])
            return content, "stop"
        content.append(token)
        text = candidate
    return content, "stop"


TEXT = st.text(alphabet=st.sampled_from(list("ab c\n\t\u00a0\u3000\x1c.")), max_size=60)


@settings(max_examples=300)
@given(TEXT, st.integers(-1, 12), st.lists(st.text(alphabet="abc .", min_size=1, max_size=4), max_size=3))
def test_stop_search_on_the_tail_matches_the_whole_text_search(
    prompt: str, limit: int, stops: list[str]
) -> None:
    turn = plan_turn(
        FakeModel("m", reply=prompt),
        ("completion",),
        _fake_request(prompt, {"num_predict": limit, "stop": stops}),
    )
    emitted = [token for _thinking, token in turn.tokens()]
    expected, reason = _reference_answer(prompt, limit, stops)
    assert emitted == turn.content == expected
    assert turn.done_reason == reason


@settings(max_examples=300)
@given(TEXT, st.integers(1, 7))
def test_sliced_counting_matches_tokenize(text: str, slice_chars: int) -> None:
    original = _tokens._SLICE
    _tokens._SLICE = slice_chars  # type: ignore[misc]
    try:
        tokens = tokenize(text)
        assert _tokens.count_tokens(text) == len(tokens)
        assert _tokens.context_ids(text) == [sum(t.encode()) for t in tokens]
        kept, count, more = _tokens.first_tokens(text, 3)
        assert (kept, count, more) == ("".join(tokens[:3]), min(3, len(tokens)), len(tokens) > 3)
    finally:
        _tokens._SLICE = original  # type: ignore[misc]


def test_twenty_megabyte_prompt_is_answered(ollama_server: OllamaTestServer) -> None:
    prompt = "word " * WORDS_20MB
    started = time.monotonic()
    with httpx.Client(base_url=ollama_server.url, timeout=60) as client:
        body = {"model": "llama3.2", "prompt": prompt, "options": {"num_predict": 4}, "stream": False}
        answer = client.post("/api/generate", json=body).json()
        assert answer["response"] == "You said: word word"
        assert answer["done_reason"] == "length"
        assert answer["prompt_eval_count"] == WORDS_20MB + 1  # the trailing space is a token
        assert (
            answer["context"][:2] == [sum(b"word"), sum(b" word")]
            and len(answer["context"]) == WORDS_20MB + 5
        )
        chat = {
            "model": "qwen3",
            "messages": [{"role": "user", "content": prompt}],
            "options": {"num_predict": 3},
        }
        with client.stream("POST", "/api/chat", json=chat) as r:
            lines = [json.loads(line) for line in r.iter_lines()]
        assert "".join(c["message"].get("thinking", "") for c in lines) == "Thinking about: word"
        assert lines[-1]["prompt_eval_count"] == WORDS_20MB + 1
    assert time.monotonic() - started < 30  # safety bound only: it took minutes when it was quadratic
    entries = [e for e in ollama_server.requests if e.path in ("/api/generate", "/api/chat")]
    assert all(e.wait_finished(10) and not e.client_gone for e in entries)
    assert [e.generated for e in entries] == [4, 3]


def _send(server: OllamaTestServer, path: str, body: dict[str, object]) -> socket.socket:
    data = json.dumps(body).encode()
    sock = socket.create_connection((server.host, server.port), timeout=30)
    head = f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
    sock.sendall(head.encode() + data)
    return sock


def _entry(server: OllamaTestServer, path: str) -> RecordedRequest:
    return next(e for e in reversed(server.requests) if e.path == path)


def _wait_generating(entry: RecordedRequest, at_least: int) -> None:
    deadline = time.monotonic() + 30
    while entry.generated < at_least:
        assert time.monotonic() < deadline, "the server did not start generating"
        assert not entry.finished
        time.sleep(0.005)


@pytest.fixture
def long_prompt() -> Iterator[str]:
    yield "word " * 400_000  # 800,000 tokens to emit: many seconds of work if nobody stops it


@pytest.mark.parametrize("path", ["/api/generate", "/api/chat"])
def test_disconnect_mid_stream_ends_the_generation(
    ollama_server: OllamaTestServer, long_prompt: str, path: str
) -> None:
    body: dict[str, object] = {"model": "qwen3"}
    body.update(
        {"prompt": long_prompt}
        if path == "/api/generate"
        else {"messages": [{"role": "user", "content": long_prompt}]}
    )
    sock = _send(ollama_server, path, body)
    received = b""
    while received.count(b'"done":false') < 3:
        received += sock.recv(65536)
    entry = _entry(ollama_server, path)
    sock.close()
    assert entry.wait_finished(10), "the generation thread still runs after the client left"
    assert entry.client_gone
    assert entry.generated < 400_000  # stopped long before the end of the thinking echo
    assert ollama_server.wait_for_connections(0)
    assert ollama_server.disconnects == 1


@pytest.mark.parametrize("path", ["/api/generate", "/api/chat"])
def test_disconnect_while_computing_a_whole_answer(
    ollama_server: OllamaTestServer, long_prompt: str, path: str
) -> None:
    body: dict[str, object] = {"model": "qwen3", "stream": False}
    body.update(
        {"prompt": long_prompt}
        if path == "/api/generate"
        else {"messages": [{"role": "user", "content": long_prompt}]}
    )
    sock = _send(ollama_server, path, body)
    entry = _entry_when_logged(ollama_server, path)
    _wait_generating(entry, 1000)
    sock.close()
    assert entry.wait_finished(10), "the server kept computing after the client left"
    assert entry.client_gone
    assert entry.generated < 2 * 400_000 + 4  # thinking and answer echo would be this many
    assert ollama_server.wait_for_connections(0)


def _entry_when_logged(server: OllamaTestServer, path: str) -> RecordedRequest:
    deadline = time.monotonic() + 30
    while not any(e.path == path for e in server.requests):
        assert time.monotonic() < deadline
        time.sleep(0.005)
    return _entry(server, path)


def test_a_client_that_stays_gets_the_whole_answer(ollama_server: OllamaTestServer) -> None:
    """The disconnect check must not mistake a waiting client for a departed one."""
    with httpx.Client(base_url=ollama_server.url, timeout=60) as client:
        prompt = "word " * 50_000
        answer = client.post(
            "/api/generate", json={"model": "qwen3", "prompt": prompt, "stream": False}
        ).json()
    assert answer["response"] == "You said: " + prompt
    entry = _entry(ollama_server, "/api/generate")
    assert entry.wait_finished(10) and not entry.client_gone
    assert (
        entry.generated == answer["eval_count"] == 2 * (50_000 + 3)
    )  # "Thinking about:"/"You said:", words, " "
