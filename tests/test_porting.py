"""Code written for the official `ollama` Python client runs unchanged on ollixir: the same calls,
positional and keyword forms, attribute access on results, streams as plain iterators."""

from __future__ import annotations

from typing import Any

import pytest

import ollixir as ollama  # the only line a port changes


def test_official_client_calls_work_unchanged(ollama_server: Any, tmp_path: Any) -> None:
    client = ollama.Client(host=ollama_server.url)

    response = client.chat("llama3.2", messages=[{"role": "user", "content": "Why is the sky blue?"}])
    assert response.message.content == "You said: Why is the sky blue?"

    response = client.chat(
        model="llama3.2", messages=[{"role": "user", "content": "hi"}], options={"temperature": 0}
    )
    assert response.message.role == "assistant"

    parts = []
    for part in client.chat("llama3.2", messages=[{"role": "user", "content": "a b"}], stream=True):
        parts.append(part.message.content)
    assert "".join(parts) == "You said: a b"

    assert client.generate("llama3.2", "prompt").response == "You said: prompt"
    assert client.generate(model="llama3.2", prompt="p", stream=False).done
    assert "".join(p.response for p in client.generate("llama3.2", "x y", stream=True)) == "You said: x y"

    assert len(client.embed(model="all-minilm", input="The sky is blue").embeddings) == 1
    assert len(client.embed("all-minilm", ["a", "b"]).embeddings) == 2
    assert client.embeddings(model="all-minilm", prompt="x").embedding

    assert [m.model for m in client.list().models]
    assert client.show("llama3.2").details.family == "llama"
    client.chat("llama3.2", messages=[{"role": "user", "content": "load"}])
    assert client.ps().models

    statuses = [p.status for p in client.pull("tinyllama", stream=True)]
    assert statuses[-1] == "success"
    progress = client.pull("tinyllama")
    assert progress.status == "success"

    assert client.create(model="example", from_="llama3.2", system="You are Mario.").status == "success"
    client.copy("example", "test/example")
    assert [p.status for p in client.push("test/example", stream=True)][-1] == "success"
    client.delete("example")

    path = tmp_path / "adapter.bin"
    path.write_bytes(b"weights")
    digest = client.create_blob(path)
    assert digest.startswith("sha256:")

    with pytest.raises(ollama.ResponseError) as info:
        client.chat("does-not-exist", messages=[{"role": "user", "content": "x"}])
    assert info.value.status_code == 404 and "not found" in info.value.error


def test_official_async_client_calls_work_unchanged(ollama_server: Any) -> None:
    import asyncio

    async def main() -> list[str]:
        client = ollama.AsyncClient(host=ollama_server.url)
        message = {"role": "user", "content": "Why is the sky blue?"}
        response = await client.chat(model="llama3.2", messages=[message])
        parts = [response.message.content]
        async for part in await client.chat(model="llama3.2", messages=[message], stream=True):
            parts.append(part.message.content)
        await client.aclose()
        return parts

    parts = asyncio.run(main())
    assert parts[0] == "".join(parts[1:]) == "You said: Why is the sky blue?"
