"""Scripted replies and the tools rule of the fake models, through the public ``ollixir.testing`` names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ollixir.testing import (
    NO_TOOLS_MARKER,
    FakeModel,
    FakeModelError,
    FakeReply,
    FakeToolCall,
    OllamaTestServer,
    ScriptedReplies,
)

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def chat(client: httpx.Client, model: str, content: str, **extra: Any) -> httpx.Response:
    body = {"model": model, "messages": [{"role": "user", "content": content}], "stream": False, **extra}
    return client.post("/api/chat", json=body)


def stream_lines(client: httpx.Client, model: str, content: str, **extra: Any) -> tuple[int, list[Any]]:
    body = {"model": model, "messages": [{"role": "user", "content": content}], **extra}
    with client.stream("POST", "/api/chat", json=body) as r:
        return r.status_code, [json.loads(line) for line in r.iter_lines() if line]


# -- the tools rule --------------------------------------------------------------------------------


def test_tools_sent_and_no_marker_calls_a_tool(client: httpx.Client) -> None:
    message = chat(client, "llama3.2", "Weather in city=Paris?", tools=[WEATHER]).json()["message"]
    assert message["content"] == ""
    assert [c["function"]["name"] for c in message["tool_calls"]] == ["get_weather"]
    assert message["tool_calls"][0]["function"]["arguments"] == {"city": "Paris"}


def test_marker_makes_the_model_answer_in_text_although_tools_were_sent(client: httpx.Client) -> None:
    assert NO_TOOLS_MARKER == "[no tools]"
    prompt = f"Just say hi {NO_TOOLS_MARKER}"
    message = chat(client, "llama3.2", prompt, tools=[WEATHER]).json()["message"]
    assert message == {"role": "assistant", "content": f"You said: {prompt}"}
    status, lines = stream_lines(client, "qwen3", prompt, tools=[WEATHER], think=False)
    assert status == 200 and not any("tool_calls" in line["message"] for line in lines)
    assert "".join(line["message"]["content"] for line in lines) == f"You said: {prompt}"
    # The text rules still apply with the marker: format json wraps the answer.
    wrapped = chat(client, "llama3.2", prompt, tools=[WEATHER], format="json").json()["message"]["content"]
    assert json.loads(wrapped) == {"response": f"You said: {prompt}"}
    # Only the last user message counts: an earlier marker does not stop the tool call.
    body = {
        "model": "llama3.2",
        "messages": [
            {"role": "user", "content": prompt},
            {"role": "assistant", "content": "hi"},
            {"role": "user", "content": "now the weather"},
        ],
        "tools": [WEATHER],
        "stream": False,
    }
    assert client.post("/api/chat", json=body).json()["message"]["tool_calls"]


# -- scripted replies ------------------------------------------------------------------------------


def agent_script(when_done: Any = "error") -> ScriptedReplies:
    return ScriptedReplies(
        [
            FakeReply(tool_calls=[FakeToolCall("get_weather", {"city": "Paris"})]),
            "It is sunny in Paris.",
            FakeReply("Anything else?", thinking="done"),
        ],
        when_done=when_done,
    )


def test_scripted_replies_answer_in_order_tool_call_then_text(
    ollama_server: OllamaTestServer, client: httpx.Client
) -> None:
    script = agent_script()
    ollama_server.add_models(FakeModel("acme/agent", ("completion", "tools"), reply=script))
    first = chat(client, "acme/agent", "Weather?", tools=[WEATHER]).json()["message"]
    assert first["content"] == "" and first["tool_calls"][0]["function"] == {
        "index": 0,
        "name": "get_weather",
        "arguments": {"city": "Paris"},
    }
    # The same tools are sent again, and this time the script answers in text.
    second = chat(client, "acme/agent", "and then?", tools=[WEATHER]).json()["message"]
    assert second == {"role": "assistant", "content": "It is sunny in Paris."}
    status, lines = stream_lines(client, "acme/agent", "bye")
    assert status == 200
    assert "".join(line["message"].get("thinking", "") for line in lines) == "done"
    assert "".join(line["message"]["content"] for line in lines) == "Anything else?"
    assert [r.prompt for r in script.requests] == ["Weather?", "and then?", "bye"]
    assert (script.used, script.remaining) == (3, 0)


def test_exhausted_script_fails_with_500_by_default(
    ollama_server: OllamaTestServer, client: httpx.Client
) -> None:
    ollama_server.add_models(FakeModel("acme/once", reply=ScriptedReplies(["only answer"])))
    assert chat(client, "acme/once", "a").json()["message"]["content"] == "only answer"
    refused = chat(client, "acme/once", "b")
    assert refused.status_code == 500
    assert refused.json() == {"error": "scripted model acme/once has no replies left (1 used)"}
    status, lines = stream_lines(client, "acme/once", "c")
    assert status == 500 and lines == [{"error": "scripted model acme/once has no replies left (1 used)"}]
    generate = client.post("/api/generate", json={"model": "acme/once", "prompt": "d", "stream": False})
    assert generate.status_code == 500


@pytest.mark.parametrize(
    ("when_done", "expected"),
    [("repeat", ["a", "b", "b", "b"]), ("cycle", ["a", "b", "a", "b"])],
)
def test_when_done_repeat_and_cycle(
    ollama_server: OllamaTestServer, client: httpx.Client, when_done: Any, expected: list[str]
) -> None:
    ollama_server.add_models(FakeModel("acme/loop", reply=ScriptedReplies(["a", "b"], when_done=when_done)))
    answers = [chat(client, "acme/loop", str(i)).json()["message"]["content"] for i in range(4)]
    assert answers == expected


def test_scripted_error_reply_and_generate(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    script = ScriptedReplies(["first", FakeModelError("model is overloaded", status=503), "third"])
    ollama_server.add_models(FakeModel("acme/flaky", reply=script))
    # Prompt-less load calls take no reply.
    assert client.post("/api/generate", json={"model": "acme/flaky"}).json()["done_reason"] == "load"
    one = client.post("/api/generate", json={"model": "acme/flaky", "prompt": "x", "stream": False})
    assert one.json()["response"] == "first"
    two = client.post("/api/generate", json={"model": "acme/flaky", "prompt": "y", "stream": False})
    assert (two.status_code, two.json()) == (503, {"error": "model is overloaded"})
    assert chat(client, "acme/flaky", "z").json()["message"]["content"] == "third"
    assert [r.endpoint for r in script.requests] == ["generate", "generate", "chat"]


def test_reset_rewinds_the_scripts_of_the_servers_models() -> None:
    script = ScriptedReplies(["one", "two"])
    with OllamaTestServer(models=[FakeModel("acme/bot", reply=script)]) as server:
        ask = {"model": "acme/bot", "messages": [{"role": "user", "content": "?"}], "stream": False}
        first = httpx.post(server.url + "/api/chat", json=ask).json()["message"]["content"]
        assert first == "one" and script.used == 1
        server.reset()
        assert script.used == 0 and script.requests == []
        assert httpx.post(server.url + "/api/chat", json=ask).json()["message"]["content"] == "one"


def test_scripted_replies_reject_bad_input() -> None:
    with pytest.raises(TypeError, match=r"replies\[1\] must be"):
        ScriptedReplies(["ok", 42])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="when_done"):
        ScriptedReplies(["ok"], when_done="loop")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one reply"):
        ScriptedReplies([], when_done="repeat")
