"""The official ``openai`` SDK against the test server's Responses API (``/v1/responses``), over sockets.

Answers are checked against what the same fake model says through the native ``/api/chat``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import openai
import pytest

from ollixir.testing import OllamaTestServer
from tests.test_compat_openai import WEATHER, native


@pytest.fixture
def oai(ollama_server: OllamaTestServer) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=f"{ollama_server.url}/v1", api_key="ollama", max_retries=0) as client:
        yield client


def test_responses_create(oai: openai.OpenAI, ollama_server: OllamaTestServer) -> None:
    response = oai.responses.create(
        model="qwen3",
        input="hello there",
        instructions="Be kind.",
        reasoning={"effort": "low"},
        temperature=0.5,
    )
    expected = native(
        ollama_server,
        "/api/chat",
        {
            "model": "qwen3",
            "think": "low",
            "messages": [
                {"role": "system", "content": "Be kind."},
                {"role": "user", "content": "hello there"},
            ],
        },
    )
    assert re.fullmatch(r"resp_\d{1,6}", response.id) and response.status == "completed"
    assert response.output_text == expected["message"]["content"]
    reasoning, message = response.output
    assert reasoning.type == "reasoning" and reasoning.id == f"rs_{response.id}"
    assert [s.text for s in reasoning.summary] == ["Thinking (low) about: hello there"]
    assert message.type == "message" and re.fullmatch(r"msg_\d{1,6}", message.id)
    assert (response.instructions, response.temperature, response.top_p) == ("Be kind.", 0.5, 1.0)
    assert response.reasoning is not None and response.reasoning.effort == "low"
    assert response.usage is not None
    assert response.usage.input_tokens == expected["prompt_eval_count"]
    assert response.usage.output_tokens == expected["eval_count"]
    assert response.completed_at is not None and response.completed_at >= response.created_at


def test_responses_stream_events(oai: openai.OpenAI) -> None:
    events = list(oai.responses.create(model="qwen3", input="hello there", stream=True))
    assert [e.sequence_number for e in events] == list(range(len(events)))
    kinds = [e.type for e in events]
    assert kinds[:3] == ["response.created", "response.in_progress", "response.output_item.added"]
    assert kinds[-1] == "response.completed"
    thought = "".join(e.delta for e in events if e.type == "response.reasoning_summary_text.delta")
    said = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert (thought, said) == ("Thinking about: hello there", "You said: hello there")
    completed = events[-1].response  # type: ignore[union-attr]
    assert completed.output_text == said and [item.type for item in completed.output] == [
        "reasoning",
        "message",
    ]

    # The SDK's own accumulator accepts the event sequence.
    with oai.responses.stream(model="llama3.2", input="again please") as stream:
        for _ in stream:
            pass
        assert stream.get_final_response().output_text == "You said: again please"


def test_responses_function_calls_round_trip(oai: openai.OpenAI) -> None:
    tool: Any = {
        "type": "function",
        "name": "get_weather",
        "description": "Weather of a city",
        "parameters": WEATHER["function"]["parameters"],  # type: ignore[index]
        "strict": False,
    }
    first = oai.responses.create(model="llama3.2", input="weather city=Rome", tools=[tool])
    (call,) = first.output
    assert call.type == "function_call" and call.id == f"fc_{first.id}_0"
    assert call.name == "get_weather" and json.loads(call.arguments) == {"city": "Rome"}
    assert first.tools[0].name == "get_weather"  # echoed

    history: Any = [
        {"role": "user", "content": "weather city=Rome"},
        {"type": "function_call", "call_id": call.call_id, "name": call.name, "arguments": call.arguments},
        {"type": "function_call_output", "call_id": call.call_id, "output": "31C"},
    ]
    second = oai.responses.create(model="llama3.2", input=history, tools=[tool])
    assert second.output_text == "Tool results: tool: 31C"

    streamed = list(
        oai.responses.create(model="llama3.2", input="weather city=Rome", tools=[tool], stream=True)
    )
    arguments = [e.arguments for e in streamed if e.type == "response.function_call_arguments.done"]
    assert [json.loads(a) for a in arguments] == [{"city": "Rome"}]


def test_responses_json_schema_format(oai: openai.OpenAI) -> None:
    schema = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
    response = oai.responses.create(
        model="llama3.2",
        input="pick a city=Lima",
        text={"format": {"type": "json_schema", "name": "place", "schema": schema}},
    )
    assert json.loads(response.output_text) == {"city": "Lima"}
    assert response.text is not None and response.text.format.type == "json_schema"
