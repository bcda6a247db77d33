"""The official ``openai`` SDK against the test server's OpenAI-compatible /v1 routes, over sockets.

Every answer is checked against what the same fake model says through the native API, so these tests
fail when the conversion (either way) or the SDK-visible framing breaks.
"""

from __future__ import annotations

import base64
import json
import re
import struct
import time
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest

from ollixir.testing import OllamaTestServer

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather of a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
            "required": ["city"],
        },
    },
}


@pytest.fixture
def oai(ollama_server: OllamaTestServer) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=f"{ollama_server.url}/v1", api_key="ollama", max_retries=0) as client:
        yield client


def native(server: OllamaTestServer, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(f"{server.url}{path}", json={**body, "stream": False}, timeout=10)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def f32(values: list[float]) -> list[float]:
    return list(struct.unpack(f"<{len(values)}f", struct.pack(f"<{len(values)}f", *values)))


# -- chat completions ----------------------------------------------------------------------------------


def test_chat_completion_is_the_native_answer(oai: openai.OpenAI, ollama_server: OllamaTestServer) -> None:
    messages: list[Any] = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "hello world"},
    ]
    before = int(time.time())
    reply = oai.chat.completions.create(model="llama3.2", messages=messages)
    expected = native(ollama_server, "/api/chat", {"model": "llama3.2", "messages": messages})

    assert re.fullmatch(r"chatcmpl-\d{1,3}", reply.id)
    assert (reply.object, reply.model, reply.system_fingerprint) == (
        "chat.completion",
        "llama3.2",
        "fp_ollama",
    )
    assert before <= reply.created <= int(time.time())
    choice = reply.choices[0]
    assert (choice.index, choice.finish_reason, choice.message.role) == (0, "stop", "assistant")
    assert choice.message.content == expected["message"]["content"] == "You said: hello world"
    assert choice.message.tool_calls is None
    assert reply.usage is not None
    assert reply.usage.prompt_tokens == expected["prompt_eval_count"] == 4
    assert reply.usage.completion_tokens == expected["eval_count"] == 4
    assert reply.usage.total_tokens == 8


def test_chat_stream_splits_reasoning_and_ends_with_usage(
    oai: openai.OpenAI, ollama_server: OllamaTestServer
) -> None:
    chunks = list(
        oai.chat.completions.create(
            model="qwen3",
            messages=[{"role": "user", "content": "hello there"}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    expected = native(
        ollama_server,
        "/api/chat",
        {"model": "qwen3", "messages": [{"role": "user", "content": "hello there"}]},
    )

    assert len({c.id for c in chunks}) == 1 and len({c.created for c in chunks}) == 1
    assert all(c.object == "chat.completion.chunk" and c.system_fingerprint == "fp_ollama" for c in chunks)
    deltas = [c.choices[0].delta for c in chunks if c.choices]
    assert deltas[0].role == "assistant" and all(d.role is None for d in deltas[1:])
    reasoning = "".join(getattr(d, "reasoning", None) or "" for d in deltas)
    content = "".join(d.content or "" for d in deltas)
    assert reasoning == expected["message"]["thinking"] == "Thinking about: hello there"
    assert content == expected["message"]["content"]
    finish = chunks[-2].choices[0]
    assert finish.finish_reason == "stop" and finish.delta.content is None and finish.delta.role is None
    assert [c.choices[0].finish_reason for c in chunks[:-2]] == [None] * (len(chunks) - 2)
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert chunks[-1].usage.prompt_tokens == expected["prompt_eval_count"]
    assert chunks[-1].usage.completion_tokens == expected["eval_count"]


def test_chat_tool_calls_carry_json_string_arguments(
    oai: openai.OpenAI, ollama_server: OllamaTestServer
) -> None:
    ask = [{"role": "user", "content": "What is the weather? city=Paris"}]
    reply = oai.chat.completions.create(model="llama3.2", messages=ask, tools=[WEATHER])  # type: ignore[arg-type,list-item]
    expected = native(ollama_server, "/api/chat", {"model": "llama3.2", "messages": ask, "tools": [WEATHER]})

    choice = reply.choices[0]
    assert choice.finish_reason == "tool_calls" and choice.message.content == ""
    calls = choice.message.tool_calls
    assert calls is not None and len(calls) == 1
    call = calls[0]
    native_call = expected["message"]["tool_calls"][0]
    assert call.type == "function" and call.id == native_call["id"]
    assert call.function.name == "get_weather"  # type: ignore[union-attr]
    assert isinstance(call.function.arguments, str)  # type: ignore[union-attr]
    assert json.loads(call.function.arguments) == {"city": "Paris"} == native_call["function"]["arguments"]  # type: ignore[union-attr]

    # The result goes back with only tool_call_id: the server finds the tool's name from the earlier call.
    history: list[Any] = [
        *ask,
        {"role": "assistant", "content": None, "tool_calls": [call.model_dump()]},
        {"role": "tool", "tool_call_id": call.id, "content": "22C and sunny"},
    ]
    final = oai.chat.completions.create(model="llama3.2", messages=history, tools=[WEATHER])  # type: ignore[arg-type,list-item]
    assert final.choices[0].message.content == "Tool results: get_weather: 22C and sunny"
    assert final.choices[0].finish_reason == "stop"


def test_chat_tool_calls_streamed(oai: openai.OpenAI) -> None:
    stream = oai.chat.completions.create(
        model="llama3.2",
        messages=[{"role": "user", "content": "weather city=Oslo"}],
        tools=[WEATHER],  # type: ignore[list-item]
        stream=True,
    )
    chunks = list(stream)
    calls = [tc for c in chunks for tc in (c.choices[0].delta.tool_calls or [])]
    assert len(calls) == 1 and calls[0].index == 0 and calls[0].type == "function"
    assert calls[0].function is not None and calls[0].function.name == "get_weather"
    assert json.loads(calls[0].function.arguments or "") == {"city": "Oslo"}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


def test_response_format_gives_json_content(oai: openai.OpenAI) -> None:
    plain = oai.chat.completions.create(
        model="llama3.2",
        messages=[{"role": "user", "content": "hi"}],
        response_format={"type": "json_object"},
    )
    assert json.loads(plain.choices[0].message.content or "") == {"response": "You said: hi"}

    schema = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
        "required": ["name", "age"],
    }
    shaped = oai.chat.completions.create(
        model="llama3.2",
        messages=[{"role": "user", "content": "make a person name=Ann age=7"}],
        response_format={"type": "json_schema", "json_schema": {"name": "person", "schema": schema}},
    )
    assert json.loads(shaped.choices[0].message.content or "") == {"name": "Ann", "age": 7}


@pytest.mark.parametrize(
    ("effort", "thinking"),
    [
        ("low", "Thinking (low) about: hi"),
        ("minimal", "Thinking (low) about: hi"),
        ("xhigh", "Thinking (max) about: hi"),
        ("none", None),
    ],
)
def test_reasoning_effort_becomes_think(oai: openai.OpenAI, effort: str, thinking: str | None) -> None:
    reply = oai.chat.completions.create(
        model="qwen3",
        messages=[{"role": "user", "content": "hi"}],
        reasoning_effort=effort,  # type: ignore[arg-type]
    )
    message = reply.choices[0].message
    assert getattr(message, "reasoning", None) == thinking
    assert message.content == "You said: hi"


def test_reasoning_effort_errors(oai: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as bad:
        oai.chat.completions.create(
            model="qwen3",
            messages=[{"role": "user", "content": "hi"}],
            reasoning_effort="bogus",  # type: ignore[arg-type]
        )
    assert bad.value.message.endswith(
        'invalid reasoning value: "bogus" (must be "minimal", "low", "medium", "high", "xhigh", "ultra", "max", or "none")'
    )
    with pytest.raises(openai.BadRequestError) as unable:
        oai.chat.completions.create(
            model="llama3.2", messages=[{"role": "user", "content": "hi"}], reasoning_effort="high"
        )
    assert unable.value.body == {
        "message": '"llama3.2" does not support thinking',
        "type": "invalid_request_error",
        "param": None,
        "code": None,
    }


def test_max_tokens_stop_and_logprobs(oai: openai.OpenAI) -> None:
    ask: list[Any] = [{"role": "user", "content": "hello world"}]
    short = oai.chat.completions.create(model="llama3.2", messages=ask, max_tokens=2)
    assert (short.choices[0].message.content, short.choices[0].finish_reason) == ("You said:", "length")
    cut = oai.chat.completions.create(model="llama3.2", messages=ask, stop=" wor", seed=1, temperature=0.2)
    assert (cut.choices[0].message.content, cut.choices[0].finish_reason) == ("You said: hello", "stop")
    probed = oai.chat.completions.create(model="llama3.2", messages=ask, logprobs=True, top_logprobs=2)
    logprobs = probed.choices[0].logprobs
    assert logprobs is not None and logprobs.content is not None
    assert [p.token for p in logprobs.content] == ["You", " said:", " hello", " world"]
    assert logprobs.content[0].logprob == pytest.approx(-0.03)
    assert [t.token for t in logprobs.content[0].top_logprobs] == ["You", "alt1"]


def test_image_parts_reach_the_model(oai: openai.OpenAI) -> None:
    pixel = base64.b64encode(b"\x89PNG fake").decode()
    parts: Any = [
        {"type": "text", "text": "what is this"},
        {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{pixel}"}},
    ]
    reply = oai.chat.completions.create(model="llava", messages=[{"role": "user", "content": parts}])
    # Each part becomes its own user message: the last one (the image) has no text.
    assert reply.choices[0].message.content == "You said:  [1 image(s)]"
    with pytest.raises(openai.BadRequestError) as remote:
        oai.chat.completions.create(
            model="llava",
            messages=[
                {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}
            ],
        )
    assert "image URLs are not currently supported" in remote.value.message


# -- text completions ----------------------------------------------------------------------------------


def test_completions_with_suffix_streamed_and_not(
    oai: openai.OpenAI, ollama_server: OllamaTestServer
) -> None:
    done = oai.completions.create(model="codellama:code", prompt="def f(", suffix="return 1")
    expected = native(
        ollama_server, "/api/generate", {"model": "codellama:code", "prompt": "def f(", "suffix": "return 1"}
    )
    assert re.fullmatch(r"cmpl-\d{1,3}", done.id) and done.object == "text_completion"
    assert done.choices[0].text == expected["response"] == "You said: def f( [suffix: return 1]"
    assert done.choices[0].finish_reason == "stop"
    assert done.usage is not None and done.usage.completion_tokens == expected["eval_count"]

    chunks = list(
        oai.completions.create(
            model="codellama:code", prompt="a b", stream=True, stream_options={"include_usage": True}
        )
    )
    assert "".join(c.choices[0].text for c in chunks if c.choices) == "You said: a b"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert (
        chunks[-1].choices == [] and chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 4
    )
    # Ollama puts an all-zero usage on every other chunk when usage was asked for.
    assert all(c.usage is not None and c.usage.total_tokens == 0 for c in chunks[:-1])

    with pytest.raises(openai.BadRequestError) as insert:
        oai.completions.create(model="llama3.2", prompt="x", suffix="y")
    assert insert.value.message.endswith("registry.ollama.ai/library/llama3.2:latest does not support insert")


# -- embeddings and models -----------------------------------------------------------------------------


def test_embeddings_float_and_base64(oai: openai.OpenAI, ollama_server: OllamaTestServer) -> None:
    expected = native(ollama_server, "/api/embed", {"model": "all-minilm", "input": ["hello", "big world"]})
    floats = oai.embeddings.create(model="all-minilm", input=["hello", "big world"], encoding_format="float")
    # Without encoding_format the SDK asks for base64 and decodes the little-endian float32 itself.
    decoded = oai.embeddings.create(model="all-minilm", input=["hello", "big world"])
    for answer in (floats, decoded):
        assert answer.object == "list" and answer.model == "all-minilm"
        assert [d.index for d in answer.data] == [0, 1]
        # Compared as float32: JSON carries the shortest decimal, base64 the exact float32 bits.
        assert [f32(d.embedding) for d in answer.data] == [f32(v) for v in expected["embeddings"]]
        assert answer.usage.prompt_tokens == answer.usage.total_tokens == expected["prompt_eval_count"] == 3

    raw = httpx.post(
        f"{ollama_server.url}/v1/embeddings",
        json={"model": "all-minilm", "input": "hello", "encoding_format": "BASE64", "dimensions": 4},
    ).json()
    vector = struct.unpack("<4f", base64.b64decode(raw["data"][0]["embedding"]))
    short = native(ollama_server, "/api/embed", {"model": "all-minilm", "input": "hello", "dimensions": 4})
    assert list(vector) == f32(short["embeddings"][0])


def test_models_list_and_retrieve(oai: openai.OpenAI, ollama_server: OllamaTestServer) -> None:
    tags = httpx.get(f"{ollama_server.url}/api/tags").json()["models"]
    listed = list(oai.models.list())
    assert [m.id for m in listed] == [t["model"] for t in tags]
    assert all(m.object == "model" and m.owned_by == "library" for m in listed)
    # modified_at of the first catalogue model is 2026-08-01T03:00:00-07:00.
    assert listed[0].created == 1785578400

    qwen = oai.models.retrieve("qwen3")
    assert (qwen.id, qwen.object, qwen.owned_by, qwen.created) == ("qwen3", "model", "library", 1785574800)
    with pytest.raises(openai.NotFoundError) as missing:
        oai.models.retrieve("nope")
    assert missing.value.body == {
        "message": "model 'nope:latest' not found",
        "type": "not_found_error",
        "param": None,
        "code": None,
    }


def test_unknown_model_is_not_found_everywhere(oai: openai.OpenAI) -> None:
    with pytest.raises(openai.NotFoundError, match="model 'ghost' not found"):
        oai.chat.completions.create(model="ghost", messages=[{"role": "user", "content": "x"}])
    with pytest.raises(openai.NotFoundError, match="model 'ghost' not found"):
        oai.completions.create(model="ghost", prompt="x")
    with pytest.raises(openai.NotFoundError, match='model "ghost" not found, try pulling it first'):
        oai.embeddings.create(model="ghost", input="x")
    with pytest.raises(openai.NotFoundError, match="model 'ghost' not found"):
        oai.responses.create(model="ghost", input="x")
