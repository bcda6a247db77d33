"""The official client's README usage, run on the official client and on ollixir (the ``ollama`` fixture):
chat, subscripts and dict-style reads, streaming, custom and async clients, errors."""

from __future__ import annotations

import asyncio
import datetime
from typing import Any

import pytest

import ollixir
from ollixir.testing import OllamaTestServer

SKY = [{"role": "user", "content": "Why is the sky blue?"}]
ANSWER = "You said: Why is the sky blue?"


def test_chat_reads_by_attribute_and_subscript(ollama: Any) -> None:
    chat, ChatResponse = ollama.chat, ollama.ChatResponse  # from ollama import chat, ChatResponse

    response: ChatResponse = chat(model="llama3.2", messages=SKY)
    assert isinstance(response, ChatResponse)
    assert response["message"]["content"] == ANSWER
    assert response.message.content == ANSWER
    assert response["message"]["role"] == response.message.role == "assistant"
    assert response.model == "llama3.2" and response.done is True and response.done_reason == "stop"
    assert response.eval_count == 7 and response["prompt_eval_count"] == 5
    if ollama is ollixir:
        # Difference: timestamps are datetimes
        assert response.created_at == datetime.datetime.fromisoformat(response.to_dict()["created_at"])
    else:
        assert isinstance(response.created_at, str)


def test_in_get_and_dict(ollama: Any) -> None:
    response = ollama.chat("llama3.2", messages=SKY)
    # `in`: fields the answer has; absent fields and unknown names are not in.
    assert "message" in response and "done_reason" in response and "content" in response.message
    assert "thinking" not in response.message and "tool_calls" not in response.message
    assert "logprobs" not in response and "nonexistent" not in response
    # .get(): a field's value (None when absent), the default only for names that are not fields.
    assert response.get("done_reason") == "stop" and response.message.get("role") == "assistant"
    assert response.message.get("thinking") is None and response.get("logprobs", []) is None
    assert response.get("nonexistent") is None and response.get("nonexistent", "fallback") == "fallback"
    # dict(): every field by name, nested models as they are.
    as_dict = dict(response)
    official_fields = {
        "model",
        "created_at",
        "done",
        "done_reason",
        "total_duration",
        "load_duration",
        "prompt_eval_count",
        "prompt_eval_duration",
        "eval_count",
        "eval_duration",
        "message",
        "logprobs",
    }
    assert official_fields <= set(as_dict)
    assert as_dict["message"]["content"] == ANSWER and as_dict["logprobs"] is None
    assert dict(response.message)["content"] == ANSWER and dict(response.message)["images"] is None
    with pytest.raises(KeyError):
        response["nonexistent"]
    if ollama is ollixir:
        # Difference: subscript of an absent field is None
        assert response["message"]["thinking"] is None
    else:
        with pytest.raises(KeyError):
            response["message"]["thinking"]


def test_streaming_chat_and_generate(ollama: Any) -> None:
    stream = ollama.chat(model="llama3.2", messages=SKY, stream=True)
    chunks = list(stream)
    assert "".join(chunk["message"]["content"] for chunk in chunks) == ANSWER
    assert [chunk.message.content for chunk in chunks[:2]] == ["You", " said:"]
    if ollama is ollixir:
        # Difference: stream chunks have their own types
        assert all(isinstance(chunk, ollixir.ChatStreamChunk) for chunk in chunks)
    else:
        assert all(isinstance(chunk, ollama.ChatResponse) for chunk in chunks)
    assert [chunk["done"] for chunk in chunks] == [False] * (len(chunks) - 1) + [True]
    assert chunks[-1].done_reason == "stop" and chunks[-1].eval_count == 7
    assert chunks[0].get("done_reason") is None and "done_reason" not in chunks[0]

    parts = [part["response"] for part in ollama.generate("llama3.2", "Why is the sky blue?", stream=True)]
    assert "".join(parts) == ANSWER and parts[0] == "You"

    client = ollama.Client()
    text = "".join(part.message.content for part in client.chat("llama3.2", messages=SKY, stream=True))
    assert text == ANSWER
    client.close()


def test_generate(ollama: Any) -> None:
    response = ollama.generate("llama3.2", "Why is the sky blue?")
    assert isinstance(response, ollama.GenerateResponse)
    assert response["response"] == response.response == ANSWER
    assert response.done and isinstance(response.context, list) and response.context
    fim = ollama.generate(
        model="codellama:code",
        prompt="def remove_non_ascii(s: str) -> str:",
        suffix="    return result",
        options={"num_predict": 128, "temperature": 0, "top_p": 0.9, "stop": ["<EOT>"]},
    )
    assert fim["response"] == "You said: def remove_non_ascii(s: str) -> str: [suffix:     return result]"


def test_chat_with_history(ollama: Any, ollama_server: OllamaTestServer) -> None:
    messages: list[Any] = [
        {"role": "user", "content": "Why is the sky blue?"},
        {"role": "assistant", "content": "Because of the way the atmosphere scatters sunlight."},
    ]
    for user_input in ["What is the weather in Tokyo?", "And in Paris?"]:
        response = ollama.chat("llama3.2", messages=[*messages, {"role": "user", "content": user_input}])
        messages += [
            {"role": "user", "content": user_input},
            {"role": "assistant", "content": response.message.content},
        ]
    assert messages[-1]["content"] == "You said: And in Paris?"
    assert [m["role"] for m in ollama_server.requests[-1].json["messages"]] == ["user", "assistant"] * 2 + [
        "user"
    ]
    # Message objects and Options go in where dicts do.
    reply = ollama.chat(
        "llama3.2",
        messages=[ollama.Message(role="user", content="one two three")],
        options=ollama.Options(num_predict=2, temperature=0),
    )
    assert reply.message.content == "You said:" and reply.done_reason == "length"
    assert ollama_server.requests[-1].json["options"] == {"num_predict": 2, "temperature": 0}


def test_custom_client(ollama: Any, ollama_server: OllamaTestServer) -> None:
    client = ollama.Client(host=ollama_server.url, headers={"x-some-header": "some-value"})
    response = client.chat(model="llama3.2", messages=SKY)
    assert response.message.content == ANSWER
    assert ollama_server.requests[-1].headers["x-some-header"] == "some-value"
    client.close()

    # The cloud form: the key sent as a header by hand.
    with ollama.Client(host=ollama_server.url, headers={"Authorization": "Bearer my-key"}) as client:
        assert (
            "".join(p.message.content for p in client.chat("llama3.2", messages=SKY, stream=True)) == ANSWER
        )
    assert ollama_server.requests[-1].headers["authorization"] == "Bearer my-key"

    # Extra keyword arguments go to httpx.Client; a host without a scheme is http.
    host = ollama_server.url.removeprefix("http://")
    with ollama.Client(host=host, timeout=30, follow_redirects=True) as client:
        assert client.generate("llama3.2", "hi").response == "You said: hi"


def test_client_reads_the_environment(ollama: Any, ollama_server: OllamaTestServer, monkeypatch: Any) -> None:
    monkeypatch.setenv("OLLAMA_API_KEY", "env-key")
    with ollama.Client() as client:  # OLLAMA_HOST is the test server
        assert client.generate("llama3.2", "hi").response == "You said: hi"
    assert ollama_server.requests[-1].headers["authorization"] == "Bearer env-key"


def test_async_client(ollama: Any, ollama_server: OllamaTestServer) -> None:
    async def chat() -> list[str]:
        client = ollama.AsyncClient()
        message = {"role": "user", "content": "Why is the sky blue?"}
        response = await client.chat(model="llama3.2", messages=[message])
        texts = [response["message"]["content"]]
        parts = [
            part["message"]["content"] async for part in await client.chat("llama3.2", [message], stream=True)
        ]
        texts.append("".join(parts))
        generated = await client.generate("llama3.2", "Why is the sky blue?")
        texts.append(generated["response"])
        await client.close()
        return texts

    assert asyncio.run(chat()) == [ANSWER] * 3
    assert [r.json["stream"] for r in ollama_server.requests] == [False, True, False]


def test_async_client_as_context_manager(ollama: Any, ollama_server: OllamaTestServer) -> None:
    async def main() -> str:
        async with ollama.AsyncClient(host=ollama_server.url, headers={"x-some-header": "v"}) as client:
            response = await client.generate("llama3.2", "Why is the sky blue?")
            return str(response.response)

    assert asyncio.run(main()) == ANSWER
    assert ollama_server.requests[-1].headers["x-some-header"] == "v"


def test_errors(ollama: Any, ollama_server: OllamaTestServer) -> None:
    model = "gemma3"  # in the registry, not installed
    caught: list[Any] = []
    try:
        if ollama is ollixir:
            # Difference: chat needs messages
            with pytest.raises(ollixir.RequestError, match="messages is required"):
                ollama.chat(model)
            assert ollama_server.requests == []
            ollama.chat(model, messages=SKY)
        else:
            ollama.chat(model)
    except ollama.ResponseError as e:
        caught.append((e.error, e.status_code))
        if e.status_code == 404:
            ollama.pull(model)
    assert caught == [("model 'gemma3' not found", 404)]
    assert ollama.chat(model, messages=SKY).message.content == ANSWER

    with pytest.raises(ollama.ResponseError) as info:
        ollama.show("does-not-yet-exist")
    assert info.value.status_code == 404 and info.value.error == "model 'does-not-yet-exist:latest' not found"
    if ollama is ollixir:
        # Difference: str(error) names the operation
        assert str(info.value) == "show_model: model 'does-not-yet-exist:latest' not found (status 404)"
    else:
        assert str(info.value) == "model 'does-not-yet-exist:latest' not found (status code: 404)"

    # An error line in the middle of a stream.
    with pytest.raises(ollama.ResponseError) as info:
        for _ in ollama.pull("does-not-yet-exist", stream=True):
            pass
    assert info.value.error == "pull model manifest: file does not exist"
    if ollama is ollixir:
        # Difference: a stream's error keeps the HTTP status
        assert info.value.status_code == 200
    else:
        assert info.value.status_code == -1


def test_models_as_values(ollama: Any, ollama_server: OllamaTestServer) -> None:
    definition = {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Weather for a city",
            "parameters": {
                "type": "object",
                "required": ["city"],
                "properties": {"city": {"type": "string"}},
            },
        },
    }
    response = ollama.chat("llama3.2", messages=SKY)
    if ollama is ollixir:
        # Difference: models are attrs classes, not pydantic models
        dumped = response.to_dict()
        tool = ollama.Tool.from_dict(definition)
    else:
        dumped = response.model_dump(exclude_none=True)
        tool = ollama.Tool(**definition)
    assert dumped["message"] == {"role": "assistant", "content": ANSWER} and dumped["done"] is True
    assert (
        tool.type == "function"
        and tool.function.name == "get_weather"
        and tool["function"]["name"] == "get_weather"
    )
    reply = ollama.chat("llama3.2", messages=[{"role": "user", "content": "city=Oslo"}], tools=[tool])
    assert ollama_server.requests[-1].json["tools"] == [definition]
    assert reply.message.tool_calls[0].function.arguments == {"city": "Oslo"}
