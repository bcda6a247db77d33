"""The /v1 compatibility routes on raw HTTP: exact error bodies, SSE framing, faults and the request log."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest

from ollixir.testing import OllamaTestServer

CHAT = "/v1/chat/completions"
HELLO = [{"role": "user", "content": "hello big world"}]


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def openai_error(message: str, kind: str = "invalid_request_error") -> bytes:
    body = {"error": {"message": message, "type": kind, "param": None, "code": None}}
    text = json.dumps(body, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")
    return text.encode() + b"\n"  # Go's json.Encoder: HTML characters escaped, a trailing newline


def frames(text: str) -> list[str]:
    assert text.endswith("\n\n"), text[-80:]
    return text[:-2].split("\n\n")


# -- errors --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body", "status", "expected"),
    [
        (
            CHAT,
            {"model": "ghost", "messages": HELLO},
            404,
            openai_error("model 'ghost' not found", "not_found_error"),
        ),
        (CHAT, {"model": "llama3.2"}, 400, openai_error("[] is too short - 'messages'")),
        (CHAT, {"messages": HELLO}, 400, openai_error("model is required")),
        (
            CHAT,
            {"model": 7, "messages": HELLO},
            400,
            openai_error(
                "json: cannot unmarshal number into Go struct field ChatCompletionRequest.model of type string"
            ),
        ),
        (
            CHAT,
            {"model": "llama3.2", "messages": [{"role": "user", "content": "x"}], "max_tokens": 1.5},
            400,
            openai_error(
                "json: cannot unmarshal number 1.5 into Go struct field ChatCompletionRequest.max_tokens of type int"
            ),
        ),
        (
            CHAT,
            {"model": "llama3.2", "messages": [{"role": "user"}]},
            400,
            openai_error("invalid message content type: <nil>"),
        ),
        (
            CHAT,
            {
                "model": "llama3.2",
                "messages": [{"role": "assistant", "tool_calls": [{"function": {"name": "f"}}]}],
            },
            400,
            openai_error("invalid tool call arguments"),
        ),
        ("/v1/completions", {"prompt": "x"}, 404, openai_error("model '' not found", "not_found_error")),
        (
            "/v1/completions",
            {"model": "llama3.2", "prompt": "x", "stop": ["a", 1]},
            400,
            openai_error("invalid type for 'stop' field: float64"),
        ),
        ("/v1/embeddings", {"model": "all-minilm"}, 400, openai_error("invalid input")),
        (
            "/v1/embeddings",
            {"model": "all-minilm", "input": "x", "encoding_format": "int8"},
            400,
            openai_error(
                "Invalid value for 'encoding_format' = int8. Supported values: ['float', 'base64']."
            ),
        ),
        (
            "/v1/responses",
            {"model": "qwen3", "input": [{"type": "audio"}]},
            400,
            openai_error('input[0]: unknown input item type: "audio"'),
        ),
        (
            "/v1/responses",
            {"model": "qwen3", "input": [{"role": "user", "content": [{"type": "input_video"}]}]},
            400,
            openai_error("input[0]: content[0]: unknown content type: input_video"),
        ),
        (
            "/v1/responses",
            {"model": "qwen3", "input": "x", "tools": [{"type": "web_search"}]},
            400,
            openai_error("the test server does not run the built-in web_search tool"),
        ),
    ],
)
def test_openai_error_bodies(
    client: httpx.Client, path: str, body: dict[str, Any], status: int, expected: bytes
) -> None:
    response = client.post(path, json=body)
    assert (response.status_code, response.content) == (status, expected)
    assert response.headers["content-type"] == "application/json"


def test_empty_body_is_go_eof(client: httpx.Client) -> None:
    assert client.post(CHAT, content=b"").content == openai_error("EOF")
    anthropic = client.post("/v1/messages", content=b"").json()
    assert anthropic["error"] == {"type": "invalid_request_error", "message": "EOF"}


@pytest.mark.parametrize(
    ("body", "status", "kind", "message"),
    [
        ({"max_tokens": 5, "messages": HELLO}, 400, "invalid_request_error", "model is required"),
        (
            {"model": "llama3.2", "messages": HELLO},
            400,
            "invalid_request_error",
            "max_tokens is required and must be positive",
        ),
        ({"model": "llama3.2", "max_tokens": 5}, 400, "invalid_request_error", "messages is required"),
        (
            {"model": "ghost", "max_tokens": 5, "messages": HELLO},
            404,
            "not_found_error",
            "model 'ghost' not found",
        ),
        (
            {"model": "llama3.2", "max_tokens": 5, "messages": [{"role": "user", "content": 5}]},
            400,
            "invalid_request_error",
            "json: cannot unmarshal number into Go struct field MessagesRequest.messages of type []anthropic.ContentBlock",
        ),
        (
            {"model": "llama3.2", "max_tokens": 5, "messages": [{"role": "user"}]},
            400,
            "invalid_request_error",
            "unexpected end of JSON input",
        ),
        (
            {
                "model": "llama3.2",
                "max_tokens": 5,
                "messages": [{"role": "assistant", "content": [{"type": "tool_use", "name": "f"}]}],
            },
            400,
            "invalid_request_error",
            "tool_use block missing required 'id' field",
        ),
    ],
)
def test_anthropic_error_bodies(
    client: httpx.Client, body: dict[str, Any], status: int, kind: str, message: str
) -> None:
    response = client.post("/v1/messages", json=body)
    assert response.status_code == status and response.headers["content-type"] == "application/json"
    assert response.text.endswith("}\n")
    answer = response.json()
    assert list(answer) == ["type", "error", "request_id"]
    assert answer["type"] == "error" and answer["error"] == {"type": kind, "message": message}
    assert re.fullmatch(r"req_[0-9a-f]{24}", answer["request_id"])


def test_routing_wrong_method_and_unknown_paths(client: httpx.Client) -> None:
    for method, path in [
        ("GET", CHAT),
        ("GET", "/v1/messages"),
        ("POST", "/v1/models"),
        ("DELETE", "/v1/models/x"),
    ]:
        response = client.request(method, path)
        assert (response.status_code, response.text) == (405, "405 method not allowed"), path
        assert response.headers["allow"] == ("GET" if path.startswith("/v1/models") else "POST")
    for path in ("/v1/audio/speech", "/v1/models/library/llama3.2", "/v1"):
        response = client.get(path)
        assert (response.status_code, response.text) == (404, "404 page not found")
    moved = client.get("/v1/models/")
    assert (moved.status_code, moved.headers["location"]) == (301, "/v1/models")


def test_explicit_cloud_model_is_unauthorized(client: httpx.Client) -> None:
    response = client.post(CHAT, json={"model": "gpt-oss:20b-cloud", "messages": HELLO})
    assert (response.status_code, response.content) == (401, openai_error("unauthorized", "api_error"))


# -- framing -------------------------------------------------------------------------------------------


def test_chat_stream_framing(client: httpx.Client) -> None:
    response = client.post(CHAT, json={"model": "llama3.2", "messages": HELLO, "stream": True})
    assert response.headers["content-type"] == "text/event-stream"
    parts = frames(response.text)
    assert parts[-1] == "data: [DONE]"
    chunks = [json.loads(p.removeprefix("data: ")) for p in parts[:-1]]
    assert all(p.startswith("data: {") for p in parts[:-1])
    # Go structs: fields in declaration order, finish_reason null until the finish chunk.
    assert list(chunks[0]) == ["id", "object", "created", "model", "system_fingerprint", "choices"]
    assert chunks[0]["choices"] == [
        {"index": 0, "delta": {"role": "assistant", "content": "You"}, "finish_reason": None}
    ]
    assert chunks[-1]["choices"] == [{"index": 0, "delta": {}, "finish_reason": "stop"}]
    assert [c["choices"][0]["delta"].get("content") for c in chunks[:-1]] == [
        "You",
        " said:",
        " hello",
        " big",
        " world",
    ]


def test_non_streamed_bodies_end_with_a_newline(client: httpx.Client) -> None:
    response = client.post(CHAT, json={"model": "llama3.2", "messages": HELLO})
    assert response.headers["content-type"] == "application/json"
    assert response.content.endswith(b"}\n") and response.content.count(b"\n") == 1
    body = response.json()
    assert list(body) == ["id", "object", "created", "model", "system_fingerprint", "choices", "usage"]
    assert body["choices"][0] == {
        "index": 0,
        "message": {"role": "assistant", "content": "You said: hello big world"},
        "finish_reason": "stop",
    }


def test_named_event_streams(client: httpx.Client) -> None:
    for path, body in [
        ("/v1/responses", {"model": "qwen3", "input": "hi", "stream": True}),
        ("/v1/messages", {"model": "qwen3", "max_tokens": 50, "messages": HELLO, "stream": True}),
    ]:
        response = client.post(path, json=body)
        assert response.headers["content-type"] == "text/event-stream"
        assert response.headers["cache-control"] == "no-cache"
        for part in frames(response.text):
            event, data = part.split("\n")
            payload = json.loads(data.removeprefix("data: "))
            assert event == f"event: {payload['type']}"
            if path == "/v1/responses":  # Go maps: keys sorted
                assert list(payload) == sorted(payload)
                assert list(payload.get("response", {})) == sorted(payload.get("response", {}))


def test_responses_echo_request_tools_sorted_like_go_maps(client: httpx.Client) -> None:
    tool = {
        "type": "function",
        "name": "f",
        "parameters": {"type": "object", "properties": {"b": {}, "a": {}}},
    }
    done = client.post("/v1/responses", json={"model": "llama3.2", "input": "x", "tools": [tool]}).json()
    assert done["tools"] == [
        {
            "type": "function",
            "name": "f",
            "description": None,
            "strict": None,
            "parameters": {"properties": {"a": {}, "b": {}}, "type": "object"},
        }
    ]
    assert list(done["tools"][0]["parameters"]["properties"]) == ["a", "b"]


# -- faults and the request log ------------------------------------------------------------------------


def test_error_line_mid_stream_is_what_ollama_writes(
    client: httpx.Client, ollama_server: OllamaTestServer
) -> None:
    ollama_server.faults.error_line(after=2, path=CHAT)
    parts = frames(client.post(CHAT, json={"model": "llama3.2", "messages": HELLO, "stream": True}).text)
    # Ollama's writer decodes the {"error"} line as an empty chunk: no finish chunk, no [DONE].
    assert len(parts) == 3 and "[DONE]" not in parts[-1]
    last = json.loads(parts[-1].removeprefix("data: "))
    assert last["model"] == "" and last["choices"] == [
        {"index": 0, "delta": {"content": ""}, "finish_reason": None}
    ]

    ollama_server.faults.error_line(after=3, path="/v1/messages")
    body = {"model": "llama3.2", "max_tokens": 50, "messages": HELLO, "stream": True}
    events = [p.split("\n")[0] for p in frames(client.post("/v1/messages", json=body).text)]
    assert len(events) == 3 and "event: message_stop" not in events


def test_faults_on_v1_paths(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.fail(status=429, message="slow down", path=CHAT, retry_after="1")
    oai = openai.OpenAI(base_url=f"{ollama_server.url}/v1", api_key="x", max_retries=0)
    with oai, pytest.raises(openai.RateLimitError) as limited:
        oai.chat.completions.create(model="llama3.2", messages=HELLO)  # type: ignore[arg-type]
    assert limited.value.body == {"message": "slow down", "type": "api_error", "param": None, "code": None}
    ollama_server.faults.fail(status=503, message="busy", path="/v1/messages")
    answer = client.post(
        "/v1/messages", json={"model": "llama3.2", "max_tokens": 5, "messages": HELLO}
    ).json()
    assert answer["error"] == {"type": "overloaded_error", "message": "busy"}

    ollama_server.faults.drop(after=1, path="/v1/responses")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/v1/responses", json={"model": "qwen3", "input": "hi", "stream": True})
    ollama_server.faults.huge_line(size=1000, after=1, path=CHAT)
    ollama_server.faults.malformed_line(after=3, text="{oops", path=CHAT)
    parts = frames(client.post(CHAT, json={"model": "llama3.2", "messages": HELLO, "stream": True}).text)
    assert len(parts[1]) + 2 == 1000 and parts[1].startswith("data: {") and parts[1].endswith('xx"}')
    assert parts[3] == "data: {oops" and parts[-1] == "data: [DONE]"
    ollama_server.faults.gzip(path=CHAT)
    zipped = client.post(CHAT, json={"model": "llama3.2", "messages": HELLO, "stream": True})
    assert zipped.headers["content-encoding"] == "gzip" and zipped.text.endswith("data: [DONE]\n\n")


def test_request_log_keeps_the_v1_body(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    body = {"model": "llama3.2", "messages": HELLO, "max_tokens": 3}
    client.post(CHAT, json=body)
    recorded = ollama_server.requests[-1]
    assert (recorded.method, recorded.path, recorded.json) == ("POST", CHAT, body)


def test_debug_render_shows_the_converted_messages(client: httpx.Client) -> None:
    call = {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": '{"x":1}'}}
    messages = [
        {"role": "system", "content": "S"},
        {"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": "call_1", "content": "22C"},
    ]
    body = client.post(
        CHAT, json={"model": "llama3.2", "messages": messages, "_debug_render_only": True}
    ).json()
    # Each content part became its own message, in order (the fake's template is "role: content" lines).
    assert body["_debug_info"] == {
        "rendered_template": "system: S\nuser: a\nuser: b\nassistant: \ntool: 22C\nassistant: ",
        "image_count": 0,
    }
    assert body["choices"][0]["message"] == {"role": "assistant", "content": ""}
