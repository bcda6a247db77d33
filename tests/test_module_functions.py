"""Module-level operations: a client first (the seed's form), or none and a default client from
OLLAMA_HOST / OLLAMA_API_KEY (the official client's form), for ollixir and ollixir.aio."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator

import pytest

import ollixir
import ollixir.aio
from ollixir._clients import default
from ollixir.testing import OllamaTestServer

USER = [{"role": "user", "content": "Hello!"}]


@pytest.fixture(autouse=True)
def close_the_default_client() -> Iterator[None]:
    # The default client keeps its connections open (as any pool does); later tests count them.
    yield
    default.close_default()


@pytest.fixture
def env_server(ollama_server: OllamaTestServer, monkeypatch: pytest.MonkeyPatch) -> OllamaTestServer:
    monkeypatch.setenv("OLLAMA_HOST", ollama_server.url)
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    return ollama_server


def test_the_official_form_uses_a_default_client_from_the_environment(env_server: OllamaTestServer) -> None:
    reply = ollixir.chat(model="llama3.2", messages=USER)
    assert reply.message.content == "You said: Hello!"
    assert ollixir.generate("llama3.2", "Why?").response == "You said: Why?"
    assert "llama3.2:latest" in [m.model for m in ollixir.list().models]
    with ollixir.chat("llama3.2", USER, stream=True) as stream:
        assert "".join(chunk.message.content for chunk in stream) == "You said: Hello!"
    assert ollixir.delete("no-such-model") is False
    paths = [r.path for r in env_server.requests]
    assert paths[:3] == ["/api/chat", "/api/generate", "/api/tags"]


def test_the_seed_form_takes_the_client_first(ollama_server: OllamaTestServer) -> None:
    with ollixir.init(ollama_server.url, response_format="dict") as client:
        assert ollixir.chat(client, "llama3.2", USER)["message"]["content"] == "You said: Hello!"
        assert ollixir.copy_model(client, "llama3.2", "copied") is True


def test_a_changed_environment_gets_a_new_default_client(
    ollama_server: OllamaTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with OllamaTestServer() as other:
        monkeypatch.setenv("OLLAMA_HOST", other.url)
        ollixir.version()
        monkeypatch.setenv("OLLAMA_HOST", ollama_server.url)
        ollixir.version()
        assert [r.path for r in other.requests] == ["/api/version"]
        assert [r.path for r in ollama_server.requests] == ["/api/version"]


def test_aio_functions_use_the_running_loops_default_client(env_server: OllamaTestServer) -> None:
    async def main() -> tuple[str, str]:
        reply = await ollixir.aio.chat(model="llama3.2", messages=USER)
        async with ollixir.init_async(env_server.url) as client:
            seeded = await ollixir.aio.completion(client, "llama3.2", "seed")
        await default.default_async().aclose()
        return reply.message.content, seeded.response

    assert asyncio.run(main()) == ("You said: Hello!", "You said: seed")
    # A second event loop gets its own default client (an async pool cannot cross loops).
    assert asyncio.run(main())[0] == "You said: Hello!"


def test_a_client_of_the_other_kind_is_refused_before_traffic(ollama_server: OllamaTestServer) -> None:
    async def main() -> None:
        async with ollixir.init_async(ollama_server.url) as client:
            with pytest.raises(TypeError, match=r"use ollixir\.aio\.chat"):
                ollixir.chat(client, "llama3.2", USER)  # type: ignore[call-overload]

    asyncio.run(main())
    with ollixir.init(ollama_server.url) as client, pytest.raises(TypeError, match=r"use ollixir\.chat"):
        ollixir.aio.chat(client, "llama3.2", USER)  # type: ignore[call-overload]
    assert ollama_server.requests == []


def test_module_functions_show_the_methods_parameters() -> None:
    params = inspect.signature(ollixir.chat).parameters
    assert list(params)[:3] == ["client", "model", "messages"]
    assert {"format", "tools", "options", "keep_alive", "think"} <= set(params)
    assert ollixir.chat.__doc__ == ollixir.Client.chat.__doc__
