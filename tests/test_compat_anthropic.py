"""The official ``anthropic`` SDK against the test server's ``/v1/messages``, over sockets.

Answers are compared with what the same fake model says through the native ``/api/chat``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import anthropic
import httpx
import pytest

from ollixir.testing import OllamaTestServer

WEATHER: Any = {
    "name": "get_weather",
    "description": "Weather of a city",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
}


@pytest.fixture
def claude(ollama_server: OllamaTestServer) -> Iterator[anthropic.Anthropic]:
    with anthropic.Anthropic(base_url=ollama_server.url, api_key="ollama", max_retries=0) as client:
        yield client


def native_chat(server: OllamaTestServer, body: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(f"{server.url}/api/chat", json={**body, "stream": False}, timeout=10)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_message_is_the_native_answer(claude: anthropic.Anthropic, ollama_server: OllamaTestServer) -> None:
    message = claude.messages.create(
        model="llama3.2",
        max_tokens=100,
        system="Be brief.",
        messages=[{"role": "user", "content": "hello world"}],
    )
    expected = native_chat(
        ollama_server,
        {
            "model": "llama3.2",
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "hello world"},
            ],
        },
    )
    assert re.fullmatch(r"msg_[0-9a-f]{24}", message.id)
    assert (message.type, message.role, message.model, message.stop_reason) == (
        "message",
        "assistant",
        "llama3.2",
        "end_turn",
    )
    assert [block.type for block in message.content] == ["text"]
    assert message.content[0].text == expected["message"]["content"]  # type: ignore[union-attr]
    assert message.usage.input_tokens == expected["prompt_eval_count"] == 4
    assert message.usage.output_tokens == expected["eval_count"] == 4


def test_thinking_blocks(claude: anthropic.Anthropic) -> None:
    ask: Any = [{"role": "user", "content": "hi"}]
    thought = claude.messages.create(
        model="qwen3", max_tokens=100, messages=ask, thinking={"type": "enabled", "budget_tokens": 64}
    )
    assert [b.type for b in thought.content] == ["thinking", "text"]
    assert thought.content[0].thinking == "Thinking about: hi"  # type: ignore[union-attr]
    quiet = claude.messages.create(model="qwen3", max_tokens=100, messages=ask, thinking={"type": "disabled"})
    assert [b.type for b in quiet.content] == ["text"]
    # A model that cannot think is not refused here (Ollama relaxes it for Anthropic clients).
    relaxed = claude.messages.create(
        model="llama3.2", max_tokens=100, messages=ask, thinking={"type": "enabled", "budget_tokens": 64}
    )
    assert [b.type for b in relaxed.content] == ["text"]
    # output_config.effort is a thinking level when "thinking" is not given.
    leveled = claude.messages.create(
        model="qwen3", max_tokens=100, messages=ask, extra_body={"output_config": {"effort": "xhigh"}}
    )
    assert leveled.content[0].thinking == "Thinking (high) about: hi"  # type: ignore[union-attr]


def test_tool_use_round_trip(claude: anthropic.Anthropic, ollama_server: OllamaTestServer) -> None:
    ask: Any = [{"role": "user", "content": "weather please city=Paris"}]
    first = claude.messages.create(model="llama3.2", max_tokens=100, messages=ask, tools=[WEATHER])
    native = native_chat(
        ollama_server,
        {
            "model": "llama3.2",
            "messages": ask,
            "tools": [
                {
                    "type": "function",
                    "function": {"name": "get_weather", "parameters": WEATHER["input_schema"]},
                }
            ],
        },
    )
    assert first.stop_reason == "tool_use"
    (use,) = first.content
    assert use.type == "tool_use" and use.name == "get_weather" and use.input == {"city": "Paris"}
    assert use.id == native["message"]["tool_calls"][0]["id"]

    history: Any = [
        *ask,
        {"role": "assistant", "content": [use.model_dump(exclude_none=True)]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id, "content": "22C"}]},
    ]
    second = claude.messages.create(model="llama3.2", max_tokens=100, messages=history, tools=[WEATHER])
    assert second.content[0].text == "Tool results: tool: 22C"  # type: ignore[union-attr]
    assert second.stop_reason == "end_turn"


def test_stream_events_and_accumulated_message(claude: anthropic.Anthropic) -> None:
    ask: Any = [{"role": "user", "content": "hello there"}]
    with claude.messages.stream(
        model="qwen3", max_tokens=100, messages=ask, thinking={"type": "enabled", "budget_tokens": 64}
    ) as stream:
        events = list(stream)
        final = stream.get_final_message()
    raw = [
        e
        for e in events
        if e.type in ("message_start", "content_block_start", "content_block_stop", "message_stop")
    ]
    assert [e.type for e in raw] == [
        "message_start",
        "content_block_start",
        "content_block_stop",
        "content_block_start",
        "content_block_stop",
        "message_stop",
    ]
    start = events[0]
    assert start.type == "message_start"
    # Before the model reports its count: a quarter of the request's text bytes ("user" + "hello there").
    assert start.message.usage.input_tokens == (len("user") + len("hello there")) // 4
    assert [b.type for b in final.content] == ["thinking", "text"]
    assert final.content[0].thinking == "Thinking about: hello there"  # type: ignore[union-attr]
    assert final.content[1].text == "You said: hello there"  # type: ignore[union-attr]
    assert final.stop_reason == "end_turn" and final.usage.output_tokens == 8

    tools = claude.messages.create(
        model="llama3.2", max_tokens=100, messages=ask, tools=[WEATHER], stream=True
    )
    deltas = [
        e.delta.partial_json
        for e in tools
        if e.type == "content_block_delta" and e.delta.type == "input_json_delta"
    ]
    assert deltas == ['{"city":"there"}']  # the fake fills a required string with the prompt's last word


def test_limits_map_to_stop_reasons(claude: anthropic.Anthropic) -> None:
    ask: Any = [{"role": "user", "content": "hello big world"}]
    short = claude.messages.create(model="llama3.2", max_tokens=2, messages=ask)
    assert (short.content[0].text, short.stop_reason) == ("You said:", "max_tokens")  # type: ignore[union-attr]
    cut = claude.messages.create(model="llama3.2", max_tokens=50, messages=ask, stop_sequences=[" big"])
    assert (cut.content[0].text, cut.stop_reason) == ("You said: hello", "end_turn")  # type: ignore[union-attr]


def test_errors_in_anthropic_shape(claude: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.NotFoundError) as missing:
        claude.messages.create(model="ghost", max_tokens=5, messages=[{"role": "user", "content": "x"}])
    body: Any = missing.value.body
    assert body["type"] == "error" and re.fullmatch(r"req_[0-9a-f]{24}", body["request_id"])
    assert body["error"] == {"type": "not_found_error", "message": "model 'ghost' not found"}
    with pytest.raises(anthropic.BadRequestError, match="messages is required"):
        claude.messages.create(model="llama3.2", max_tokens=5, messages=[])
    with pytest.raises(anthropic.BadRequestError, match=r"invalid image source type: url\. Only base64"):
        claude.messages.create(
            model="llava",
            max_tokens=5,
            messages=[
                {"role": "user", "content": [{"type": "image", "source": {"type": "url", "url": "http://x"}}]}
            ],
        )
