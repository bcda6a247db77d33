"""A port in its literal form: the official client's README and example code with only the import lines
changed (``import ollixir as ollama``, ``from ollixir import chat, ChatResponse``). The
``tests/test_porting_*.py`` files run the same usage on both clients side by side."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

import pytest

import ollixir as ollama  # the only line a port changes
from ollixir import (
    AsyncClient,
    ChatResponse,
    Client,
    ListResponse,
    ProcessResponse,
    ShowResponse,
    WebFetchResponse,
    WebSearchResponse,
    chat,
    embed,
    generate,
    list,  # the official examples import it under this name (shadowing the builtin)
    ps,
    pull,
    show,
)
from ollixir._clients import default
from ollixir.testing import OllamaTestServer


@pytest.fixture(autouse=True)
def env(ollama_server: OllamaTestServer, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("OLLAMA_HOST", ollama_server.url)
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    yield ollama_server
    default.close_default()


def test_every_name_the_official_package_exports_is_there() -> None:
    import ollama as official

    missing = {name for name in official.__all__ if not hasattr(ollama, name)}
    # StatusResponse: copy and delete return True/False instead. SystemOne*: /v1/systemone is not an
    # endpoint of the Ollama server this client follows (see README, "Coming from the official client").
    assert missing == {"StatusResponse"} | {n for n in official.__all__ if n.startswith("SystemOne")}
    functions = ["generate", "chat", "embed", "embeddings", "pull", "push", "create", "delete", "list"]
    functions += ["copy", "show", "ps", "web_search", "web_fetch"]
    assert all(callable(getattr(ollama, name)) for name in functions)
    assert not hasattr(ollama, "systemone")


def test_readme_usage_with_from_imports() -> None:
    response: ChatResponse = chat(
        model="llama3.2", messages=[{"role": "user", "content": "Why is the sky blue?"}]
    )
    assert response["message"]["content"] == response.message.content == "You said: Why is the sky blue?"

    stream = chat(
        model="llama3.2", messages=[{"role": "user", "content": "Why is the sky blue?"}], stream=True
    )
    assert "".join(chunk["message"]["content"] for chunk in stream) == "You said: Why is the sky blue?"

    assert generate("llama3.2", "Why is the sky blue?")["response"] == "You said: Why is the sky blue?"
    assert len(embed(model="llama3.2", input="Hello, world!")["embeddings"][0]) == 3072

    listing: ListResponse = list()
    assert listing.models[0].model == "llama3.2:latest"
    info: ShowResponse = show("llama3.2")
    assert info.details.format == "gguf" and info.license
    assert [p.get("status") for p in pull("tinyllama", stream=True)][-1] == "success"
    chat(model="tinyllama", messages=[{"role": "user", "content": "Why is the sky blue?"}])
    running: ProcessResponse = ps()
    assert [m.model for m in running.models] == ["tinyllama:latest", "llama3.2:latest"]
    assert (
        WebSearchResponse.__name__ == "WebSearchResponse" and WebFetchResponse.__name__ == "WebFetchResponse"
    )


def test_official_client_calls_work_unchanged(ollama_server: OllamaTestServer, tmp_path: Any) -> None:
    client = Client(host=ollama_server.url, headers={"x-some-header": "some-value"})

    response = client.chat("llama3.2", messages=[{"role": "user", "content": "Why is the sky blue?"}])
    assert response.message.content == "You said: Why is the sky blue?"
    assert ollama_server.requests[-1].headers["x-some-header"] == "some-value"

    parts = [
        part.message.content
        for part in client.chat("llama3.2", [{"role": "user", "content": "a b"}], stream=True)
    ]
    assert "".join(parts) == "You said: a b"
    assert "".join(p.response for p in client.generate("llama3.2", "x y", stream=True)) == "You said: x y"
    assert len(client.embed("all-minilm", ["a", "b"]).embeddings) == 2

    assert client.create(model="example", from_="llama3.2", system="You are Mario.").status == "success"
    client.copy("example", "test/example")
    assert [p.status for p in client.push("test/example", stream=True)][-1] == "success"
    client.delete("example")

    path = tmp_path / "adapter.bin"
    path.write_bytes(b"weights")
    digest = client.create_blob(path)
    assert digest == "sha256:" + hashlib.sha256(b"weights").hexdigest()
    client.close()

    model = "does-not-yet-exist"
    caught = None
    try:
        ollama.chat(model, messages=[{"role": "user", "content": "x"}])
    except ollama.ResponseError as e:
        caught = (e.status_code, e.error)
    assert caught == (404, "model 'does-not-yet-exist' not found")


def test_official_async_client_calls_work_unchanged() -> None:
    async def main() -> list[str]:
        message = {"role": "user", "content": "Why is the sky blue?"}
        client = AsyncClient()
        response = await client.chat(model="llama3.2", messages=[message])
        parts = [response.message.content]
        async for part in await client.chat(model="llama3.2", messages=[message], stream=True):
            parts.append(part["message"]["content"])
        await client.close()
        reply = await ollama.aio.chat(model="llama3.2", messages=[message])  # ollixir's own module form
        parts.append(reply.message.content)
        await default.default_async().aclose()
        return parts

    parts = asyncio.run(main())
    assert parts[0] == "".join(parts[1:-1]) == parts[-1] == "You said: Why is the sky blue?"
