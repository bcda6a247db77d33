"""The fake models' documented rules (ollixir/testing/_fake.py), checked by computing answers by hand."""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ollixir.testing import FakeModel, FakeReply, FakeRequest, FakeToolCall, OllamaTestServer, tokenize

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather for a city",
        "parameters": {
            "type": "object",
            "required": ["city", "days"],
            "properties": {
                "city": {"type": "string"},
                "days": {"type": "integer"},
                "unit": {"type": "string", "enum": ["C", "F"]},
            },
        },
    },
}
TIME = {
    "type": "function",
    "function": {
        "name": "get_time",
        "parameters": {"type": "object", "properties": {"zone": {"type": "string"}}},
    },
}


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def chat(client: httpx.Client, model: str, content: str, **extra: object) -> dict[str, Any]:
    body = {"model": model, "messages": [{"role": "user", "content": content}], "stream": False, **extra}
    r = client.post("/api/chat", json=body)
    assert r.status_code == 200, r.text
    answer: dict[str, Any] = r.json()
    return answer


def stream(client: httpx.Client, path: str, body: dict[str, object]) -> list[dict[str, Any]]:
    r = client.post(path, json=body)
    assert r.status_code == 200, r.text
    return [json.loads(line) for line in r.text.splitlines()]


def test_tokenizer_rule() -> None:
    assert tokenize("You said: hi  there ") == ["You", " said:", " hi", "  there", " "]


def test_num_predict_stops_with_length(client: httpx.Client) -> None:
    chunks = stream(
        client, "/api/generate", {"model": "llama3.2", "prompt": "a b c", "options": {"num_predict": 2}}
    )
    assert [c["response"] for c in chunks] == ["You", " said:", ""]
    assert chunks[-1]["done_reason"] == "length" and chunks[-1]["eval_count"] == 2


def test_num_predict_counts_thinking_tokens(client: httpx.Client) -> None:
    body = chat(client, "qwen3", "go", options={"num_predict": 2})
    assert body["message"] == {"role": "assistant", "content": "", "thinking": "Thinking about:"}
    assert body["done_reason"] == "length"


def test_stop_sequence_cuts_inside_a_token(client: httpx.Client) -> None:
    chunks = stream(
        client, "/api/generate", {"model": "llama3.2", "prompt": "alpha beta", "options": {"stop": ["eta"]}}
    )
    assert "".join(str(c["response"]) for c in chunks) == "You said: alpha b"
    assert chunks[-1]["done_reason"] == "stop"


def test_seed_and_temperature_change_nothing(client: httpx.Client) -> None:
    first = chat(client, "llama3.2", "same", options={"seed": 1, "temperature": 0.1})
    second = chat(client, "llama3.2", "same", options={"seed": 2, "temperature": 1.9})
    assert first["message"] == second["message"] == {"role": "assistant", "content": "You said: same"}


@pytest.mark.parametrize(
    ("think", "expected"),
    [
        (None, "Thinking about: q"),
        (True, "Thinking about: q"),
        ("low", "Thinking (low) about: q"),
        ("max", "Thinking (max) about: q"),
    ],
)
def test_thinking_levels(client: httpx.Client, think: object, expected: str) -> None:
    extra = {} if think is None else {"think": think}
    chunks = stream(
        client, "/api/chat", {"model": "qwen3", "messages": [{"role": "user", "content": "q"}], **extra}
    )
    thinking = [c["message"].get("thinking", "") for c in chunks]
    content = [c["message"]["content"] for c in chunks]
    assert "".join(thinking) == expected
    n = len(tokenize(expected))
    assert all(t for t in thinking[:n]) and all(c == "" for c in content[:n])  # thinking streams first
    assert "".join(content) == "You said: q"


def test_think_false_and_generate_thinking_field(client: httpx.Client) -> None:
    assert "thinking" not in chat(client, "qwen3", "q", think=False)["message"]
    body = client.post(
        "/api/generate", json={"model": "qwen3", "prompt": "q", "stream": False, "think": "high"}
    ).json()
    assert body["thinking"] == "Thinking (high) about: q" and body["response"] == "You said: q"


def call_id(name: str, index: int, prompt: str) -> str:
    return "call_" + hashlib.sha256(f"{name}:{index}:{prompt}".encode()).hexdigest()[:8]


def test_tool_call_from_schema(client: httpx.Client) -> None:
    prompt = "Call get_weather for Tokyo?"
    body = chat(client, "llama3.2", prompt, tools=[TIME, WEATHER])
    message = body["message"]
    assert message == {
        "role": "assistant",
        "content": "",
        "tool_calls": [
            {
                "id": call_id("get_weather", 0, prompt),
                "function": {"index": 0, "name": "get_weather", "arguments": {"city": "Tokyo", "days": 42}},
            }
        ],
    }


def test_tool_calls_parallel_and_explicit_values(client: httpx.Client) -> None:
    prompt = 'use get_time and get_weather city="New York" unit=F days=3 zone=UTC'
    calls = chat(client, "qwen3", prompt, tools=[WEATHER, TIME], think=False)["message"]["tool_calls"]
    assert [c["function"]["index"] for c in calls] == [0, 1]
    assert calls[0]["function"]["arguments"] == {"city": "New York", "days": 3, "unit": "F"}
    assert calls[1]["function"] == {"index": 1, "name": "get_time", "arguments": {"zone": "UTC"}}
    assert calls[1]["id"] == call_id("get_time", 1, prompt)


def test_first_tool_when_none_is_named_and_streamed_chunk(client: httpx.Client) -> None:
    chunks = stream(
        client,
        "/api/chat",
        {"model": "llama3.2", "messages": [{"role": "user", "content": "hello"}], "tools": [TIME]},
    )
    with_calls = [c for c in chunks if "tool_calls" in c["message"]]
    assert len(with_calls) == 1 and with_calls[0]["done"] is False
    assert with_calls[0]["message"]["content"] == ""
    assert with_calls[0]["message"]["tool_calls"][0]["function"]["arguments"] == {}


def test_tool_round_trip_final_answer(client: httpx.Client) -> None:
    messages = [
        {"role": "user", "content": "weather in Paris"},
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [{"function": {"name": "get_weather", "arguments": {"city": "Paris"}}}],
        },
        {"role": "tool", "content": "22C sunny", "tool_name": "get_weather"},
        {"role": "TOOL", "content": "humid"},
    ]
    body = client.post(
        "/api/chat", json={"model": "llama3.2", "messages": messages, "tools": [WEATHER], "stream": False}
    ).json()
    assert body["message"] == {
        "role": "assistant",
        "content": "Tool results: get_weather: 22C sunny; tool: humid",
    }


def test_json_mode(client: httpx.Client) -> None:
    content = chat(client, "llama3.2", "hi", format="json")["message"]["content"]
    assert json.loads(str(content)) == {"response": "You said: hi"}


def test_schema_format(client: httpx.Client) -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "age": {"type": "integer", "minimum": 18},
            "score": {"type": "number"},
            "ok": {"type": "boolean"},
            "level": {"enum": ["low", "high"]},
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "nested": {
                "type": "object",
                "properties": {"x": {"type": ["null", "integer"]}},
                "required": ["x"],
            },
            "choice": {"anyOf": [{"type": "boolean"}, {"type": "string"}]},
        },
        "required": ["name"],
    }
    content = chat(client, "qwen3", "Tell me about Canada.", format=schema, think=False)["message"]["content"]
    assert json.loads(str(content)) == {
        "name": "Canada",
        "age": 18,
        "score": 1.5,
        "ok": True,
        "level": "low",
        "tags": ["Canada", "Canada"],
        "nested": {"x": 42},
        "choice": True,
    }


def test_schema_format_follows_local_refs(client: httpx.Client) -> None:
    # pydantic's model_json_schema() puts nested models under $defs and points at them with $ref.
    schema = {
        "$defs": {
            "Friend": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
                "required": ["name", "age"],
            },
            "Node": {
                "type": "object",
                "properties": {
                    "label": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                    "parent": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]},
                },
            },
        },
        "type": "object",
        "properties": {
            "friends": {"type": "array", "items": {"$ref": "#/$defs/Friend"}},
            "best": {"$ref": "#/$defs/Friend", "description": "siblings of $ref are allowed"},
            "tree": {"$ref": "#/$defs/Node"},
            "missing": {"$ref": "#/$defs/Nowhere"},
        },
    }
    content = chat(client, "llama3.2", "Two friends, age=23", format=schema)["message"]["content"]
    friend = {"name": "age=23", "age": 23}
    # A recursive reference stops where it recurs: [] as array items, null elsewhere.
    assert json.loads(str(content)) == {
        "friends": [friend],
        "best": friend,
        "tree": {"label": "age=23", "children": [], "parent": None},
        "missing": "age=23",
    }


def test_logprobs_stream_and_aggregate(client: httpx.Client) -> None:
    body = {"model": "llama3.2", "prompt": "hé", "logprobs": True, "top_logprobs": 3}
    chunks = stream(client, "/api/generate", body)
    first = chunks[0]["logprobs"]
    assert first == [
        {
            "token": "You",
            "logprob": -0.03,
            "bytes": [89, 111, 117],
            "top_logprobs": [
                {"token": "You", "logprob": -0.03, "bytes": [89, 111, 117]},
                {"token": "alt1", "logprob": -1.03, "bytes": list(b"alt1")},
                {"token": "alt2", "logprob": -2.03, "bytes": list(b"alt2")},
            ],
        }
    ]
    assert "logprobs" not in chunks[-1]
    whole = client.post("/api/generate", json={**body, "stream": False, "top_logprobs": 0}).json()
    assert [e["token"] for e in whole["logprobs"]] == ["You", " said:", " hé"]
    assert whole["logprobs"][2] == {"token": " hé", "logprob": -0.04, "bytes": [32, 104, 195, 169]}


def raw_vector(text: str, dims: int) -> list[float]:
    stream_bytes = b"".join(
        hashlib.sha256(text.encode() + b"#" + str(k).encode()).digest() for k in range(dims // 32 + 1)
    )
    return [(b - 127.5) / 127.5 for b in stream_bytes[:dims]]


def test_embeddings_follow_the_rule(client: httpx.Client) -> None:
    vec = client.post("/api/embed", json={"model": "nomic-embed-text", "input": "hello"}).json()[
        "embeddings"
    ][0]
    raw = raw_vector("hello", 768)
    norm = math.sqrt(sum(v * v for v in raw))
    assert len(vec) == 768
    assert all(abs(a - b / norm) < 1e-6 for a, b in zip(vec, raw, strict=True))
    assert abs(sum(v * v for v in vec) - 1) < 1e-5
    legacy = client.post("/api/embeddings", json={"model": "nomic-embed-text", "prompt": "hello"}).json()[
        "embedding"
    ]
    assert legacy == raw


def test_embed_dimensions_and_truncation(client: httpx.Client) -> None:
    vec = client.post("/api/embed", json={"model": "all-minilm", "input": "hello", "dimensions": 8}).json()[
        "embeddings"
    ][0]
    raw = raw_vector("hello", 8)
    norm = math.sqrt(sum(v * v for v in raw))
    assert [round(v, 5) for v in vec] == [round(v / norm, 5) for v in raw]
    body = client.post(
        "/api/embed", json={"model": "all-minilm", "input": "a b c", "options": {"num_ctx": 2}}
    ).json()
    cut = client.post("/api/embed", json={"model": "all-minilm", "input": "a b"}).json()
    assert body["embeddings"] == cut["embeddings"] and body["prompt_eval_count"] == 2


def test_empty_embed_input_only_loads(client: httpx.Client) -> None:
    values: list[object] = ["", [], None]
    for value in values:
        r = client.post("/api/embed", json={"model": "all-minilm", "input": value})
        assert r.json() == {"model": "all-minilm", "embeddings": []}
    assert client.post("/api/embeddings", json={"model": "all-minilm"}).json() == {"embedding": []}
    assert [m["name"] for m in client.get("/api/ps").json()["models"]] == ["all-minilm:latest"]


def test_images_are_counted_by_any_model(client: httpx.Client) -> None:
    """Images reach the model whether or not it lists ``vision``: no handler in server/routes.go
    (GenerateHandler, ChatHandler) checks CapabilityVision (sched.go only uses it to raise num_ctx)."""
    image = base64.b64encode(b"\x89PNG fake").decode()
    body = client.post(
        "/api/generate",
        json={
            "model": "llava",
            "prompt": "what",
            "images": [image, image[:8] + "\n" + image[8:]],
            "stream": False,
        },
    ).json()
    assert body["response"] == "You said: what [2 image(s)]"
    for model in ("llama3.2", "codellama:code"):
        r = client.post(
            "/api/chat",
            json={
                "model": model,
                "messages": [{"role": "user", "content": "x", "images": [image]}],
                "stream": False,
            },
        )
        assert r.status_code == 200 and r.json()["message"]["content"] == "You said: x [1 image(s)]"
        r = client.post(
            "/api/generate", json={"model": model, "prompt": "y", "images": [image, image], "stream": False}
        )
        assert r.status_code == 200 and r.json()["response"] == "You said: y [2 image(s)]"


def test_suffix_on_insert_model(client: httpx.Client) -> None:
    body = client.post(
        "/api/generate",
        json={"model": "codellama:code", "prompt": "def f(", "suffix": "return x", "stream": False},
    ).json()
    assert body["response"] == "You said: def f( [suffix: return x]"


def test_metrics_and_warm_load(client: httpx.Client) -> None:
    cold = chat(client, "llama3.2", "one two")
    warm = chat(client, "llama3.2", "one two")
    assert (cold["load_duration"], warm["load_duration"]) == (500_000, 50_000)
    assert cold["prompt_eval_count"] == 2 and cold["eval_count"] == 4
    assert warm["total_duration"] == 50_000 + 20_000 + 80_000 + 100_000


def test_context_is_extended(client: httpx.Client) -> None:
    body = client.post(
        "/api/generate", json={"model": "llama3.2", "prompt": "x", "context": [7, 8], "stream": False}
    ).json()
    assert body["context"] == [7, 8, ord("x"), sum(b"You"), sum(b" said:"), sum(b" x")]
    raw = client.post(
        "/api/generate", json={"model": "llama3.2", "prompt": "x", "raw": True, "stream": False}
    ).json()
    assert "context" not in raw


def test_scripted_models(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    seen: list[FakeRequest] = []

    def reply(req: FakeRequest) -> FakeReply:
        seen.append(req)
        return FakeReply(
            "Paris it is.", thinking="hmm", tool_calls=[FakeToolCall("lookup", {"q": req.prompt})]
        )

    ollama_server.add_models(
        FakeModel("acme/static:1", reply="Fixed answer."),
        FakeModel("acme/script", ("completion", "tools"), reply=reply),
    )
    assert chat(client, "acme/static:1", "anything")["message"] == {
        "role": "assistant",
        "content": "Fixed answer.",
    }
    chunks = stream(
        client, "/api/chat", {"model": "acme/script", "messages": [{"role": "user", "content": "capital?"}]}
    )
    messages = [c["message"] for c in chunks]
    assert messages[0] == {"role": "assistant", "content": "", "thinking": "hmm"}
    assert messages[1]["tool_calls"] == [
        {
            "id": call_id("lookup", 0, "capital?"),
            "function": {"index": 0, "name": "lookup", "arguments": {"q": "capital?"}},
        }
    ]
    assert "".join(str(m["content"]) for m in messages) == "Paris it is."
    assert seen[0].endpoint == "chat" and seen[0].prompt == "capital?" and seen[0].model == "acme/script"
    assert "acme/script:latest" in [m["name"] for m in client.get("/api/tags").json()["models"]]


def test_models_argument_adds_to_catalogue() -> None:
    with OllamaTestServer(
        models=[FakeModel("mine", reply="ok")], registry=[FakeModel("extra/pullable")]
    ) as server:
        names = [m["name"] for m in httpx.get(server.url + "/api/tags").json()["models"]]
        assert "mine:latest" in names and "llama3.2:latest" in names
        r = httpx.post(server.url + "/api/pull", json={"model": "extra/pullable", "stream": False})
        assert r.json() == {"status": "success"}
