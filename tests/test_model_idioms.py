"""Results read like the official client's: absent fields are None (never a sentinel), every model
answers ``r["key"]``, ``"key" in r``, ``r.get(...)`` and ``dict(r)``, free-form JSON is a plain
dict, and ``to_dict()`` gives back exactly what the server sent. All over real sockets to the
bundled test server."""

from __future__ import annotations

import contextlib
import io
import json
import re
from typing import Any

import httpx
import pytest
from ollixir_api.models import (
    ChatResponse,
    ChatStreamChunk,
    ModelInfo,
    ProgressResponse,
    ResponseMessage,
    ToolCallFunctionArguments,
)

import ollixir
from ollixir import tools

USER = [{"role": "user", "content": "hello there"}]
WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather for a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city"],
        },
    },
}


@pytest.fixture
def client(ollama_server: Any) -> Any:
    with ollixir.Client(ollama_server.url) as c:
        yield c


def test_subscript_in_get_and_dict_on_a_chat_answer(client: Any) -> None:
    r = client.chat("llama3.2", USER)
    assert isinstance(r, ChatResponse)
    assert r["message"]["content"] == r.message.content == "You said: hello there"
    assert r["created_at"] is r.created_at and r["done"] is True
    # Present fields are "in"; absent ones read None and are not "in" (as the official client).
    assert "message" in r and "done_reason" in r
    assert r.logprobs is None and r["logprobs"] is None and "logprobs" not in r
    assert r.get("done_reason") == "stop" and r.get("eval_count") == r.eval_count
    # A declared field gives its value even when None; the default is only for unknown keys.
    assert r.get("logprobs", "fallback") is None
    assert r.get("no_such_key") is None and r.get("no_such_key", 7) == 7
    # Iteration yields (JSON key, value) for every field, so dict() works; keys are JSON names.
    as_dict = dict(r)
    assert list(as_dict)[:4] == ["model", "created_at", "message", "done"]
    assert as_dict["message"] is r.message and as_dict["logprobs"] is None
    assert "_debug_info" in as_dict and "field_debug_info" not in as_dict


def test_json_names_are_the_keys(client: Any) -> None:
    listing = client.list_models()
    entry = listing["models"][0]
    assert entry["details"]["format"] == entry.details.format_
    with pytest.raises(KeyError):
        entry["details"]["format_"]
    info = client.show_model("llama3.2")
    assert info["model_info"]["general.architecture"] == info.model_info["general.architecture"]


def test_fields_renamed_for_python_also_read_under_their_json_names(client: Any) -> None:
    # The generator renames fields named like builtins (format -> format_); the official client's
    # code reads model.details.format and show(...).license, so those names work too (read-only).
    details = client.list_models().models[0].details
    assert details.format == details.format_ == "gguf"
    info = client.show_model("llama3.2")
    assert info.license == info.license_ and info.license.startswith("LLAMA 3.2")
    assert ollixir.Tool.from_dict(WEATHER).type == "function"
    with pytest.raises(AttributeError):
        details.format = "other"  # type: ignore[misc]


def test_unknown_key_is_a_key_error_naming_the_key_and_the_fields(client: Any) -> None:
    r = client.chat("llama3.2", USER)
    with pytest.raises(KeyError) as caught:
        r["mesage"]
    text = str(caught.value)
    assert "'mesage'" in text and "ChatResponse" in text
    for field in ("model", "created_at", "message", "done", "done_reason", "_debug_info"):
        assert field in text
    with pytest.raises(KeyError, match="'contnet' is not a field of ResponseMessage"):
        r["message"]["contnet"]


def test_stream_chunks_have_the_same_idioms(client: Any) -> None:
    with client.chat("llama3.2", USER, stream=True) as stream:
        chunks = list(stream)
    assert all(isinstance(c, ChatStreamChunk) for c in chunks)
    text = "".join(c["message"]["content"] for c in chunks)
    assert text == "You said: hello there"
    first, last = chunks[0], chunks[-1]
    assert "done_reason" not in first and first.get("done_reason") is None and first["done"] is False
    assert "done_reason" in last and last["done_reason"] == "stop"
    assert dict(first)["message"] is first.message


def test_unknown_answer_keys_stay_reachable(ollama_server: Any) -> None:
    body = {
        "model": "m",
        "created_at": "2026-01-02T03:04:05Z",
        "message": {"role": "assistant", "content": "x", "mood": "calm"},
        "done": True,
        "future_field": [1, 2],
    }
    r = ChatResponse.from_dict(body)
    assert r.additional_properties == {"future_field": [1, 2]}
    assert "future_field" in r and r.get("future_field") == [1, 2]
    assert dict(r)["future_field"] == [1, 2] and dict(r["message"])["mood"] == "calm"
    assert r.to_dict()["future_field"] == [1, 2]
    assert r["message"].get("mood") == "calm"


def test_absent_is_none_and_to_dict_gives_back_the_answer(ollama_server: Any) -> None:
    with (
        ollixir.Client(ollama_server.url) as typed,
        ollixir.Client(ollama_server.url, response_format="dict") as raw,
    ):
        for op, args in (
            ("chat", ("llama3.2", USER)),
            ("generate", ("llama3.2", "why?")),
            ("embed", ("all-minilm", ["a", "b"])),
            ("list", ()),
            ("show", ("llama3.2",)),
            ("version", ()),
            ("pull", ("tinyllama",)),
        ):
            answer = getattr(raw, op)(*args)
            # The typed client's class for this answer, fed the raw answer (timings differ per call).
            result = type(getattr(typed, op)(*args)).from_dict(answer)
            assert _normalise(result.to_dict()) == _normalise(answer), op
            # Every declared field the server left out reads None.
            for key, value in result:
                if key not in answer:
                    assert value is None, (op, key)


def _normalise(value: Any) -> Any:
    # datetime.isoformat writes "+00:00" and microseconds where the server wrote "Z" and nanoseconds.
    if isinstance(value, dict):
        return {
            k: _normalise(v) for k, v in value.items() if k not in {"created_at", "modified_at", "expires_at"}
        }
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


def test_repr_has_no_sentinel(client: Any) -> None:
    r = client.chat("llama3.2", USER)
    text = repr(r)
    assert "Unset" not in text and "UNSET" not in text
    assert "logprobs=None" in text and "done_reason='stop'" in text
    assert "Unset" not in repr(client.show_model("llama3.2"))


def test_progress_fields_print_a_number_or_none(client: Any) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), client.pull_model("tinyllama", stream=True) as progress:
        updates = []
        for update in progress:
            assert isinstance(update, ProgressResponse)
            updates.append(update)
            print(update.completed)
    lines = printed.getvalue().splitlines()
    assert lines and all(re.fullmatch(r"\d+|None", line) for line in lines), lines
    assert "None" in lines  # status-only lines ("pulling manifest") have no byte counts
    assert any(line.isdigit() for line in lines)
    assert any(u.total is not None and u.completed is not None for u in updates)


def test_free_form_json_is_plain_dicts(client: Any) -> None:
    info = client.show_model("llama3.2")
    assert isinstance(info.model_info, dict) and isinstance(info.model_info, ModelInfo)
    assert json.loads(json.dumps(info.model_info)) == info.model_info
    r = client.chat(
        "llama3.2", [{"role": "user", "content": "get_weather city=Oslo days=3"}], tools=[WEATHER]
    )
    [call] = r.message.tool_calls or []
    arguments = call.function.arguments
    assert isinstance(arguments, dict) and isinstance(arguments, ToolCallFunctionArguments)
    assert arguments == {"city": "Oslo", "days": 3}


def test_tool_arguments_spread_into_the_function(client: Any) -> None:
    def get_weather(city: str, days: int = 1) -> str:
        return f"{city} for {days} days"

    r = client.chat(
        "llama3.2", [{"role": "user", "content": "get_weather city=Oslo days=3"}], tools=[WEATHER]
    )
    [call] = r.message.tool_calls or []
    assert get_weather(**call.function.arguments) == "Oslo for 3 days"
    assert tools.call_tool(get_weather, call.function.arguments) == "Oslo for 3 days"
    # The message goes straight back into the history, arguments and all.
    history = [*USER, r.message, {"role": "tool", "content": "sunny", "tool_name": "get_weather"}]
    assert (
        client.chat("llama3.2", history, tools=[WEATHER]).message.content
        == "Tool results: get_weather: sunny"
    )


def test_requests_send_only_what_is_set(ollama_server: Any) -> None:
    with ollixir.Client(ollama_server.url) as c:
        c.chat("llama3.2", USER)
    body = ollama_server.requests[-1].json
    assert body == {"model": "llama3.2", "messages": USER, "stream": False}
    message = ResponseMessage(role="assistant", content="hi")
    assert message.to_dict() == {"role": "assistant", "content": "hi"}


def test_a_plain_httpx_answer_reads_the_same(ollama_server: Any) -> None:
    # from_dict on JSON fetched by any other means gives the same model.
    answer = httpx.post(
        f"{ollama_server.url}/api/chat", json={"model": "llama3.2", "messages": USER, "stream": False}
    ).json()
    r = ChatResponse.from_dict(answer)
    assert r["message"]["content"] == "You said: hello there"


def test_null_arguments_from_an_older_server_read_as_an_empty_dict() -> None:
    # Servers before the ordered-map arguments wrote a nil Go map as null; it means no arguments.
    from ollixir_api.models import ToolCall

    call = ToolCall.from_dict({"function": {"name": "ping", "arguments": None}})
    assert call.function.arguments == {} and isinstance(call.function.arguments, ToolCallFunctionArguments)

    def ping() -> str:
        return "pong"

    assert ping(**call.function.arguments) == "pong"
    assert call.to_dict() == {"function": {"name": "ping", "arguments": {}}}
