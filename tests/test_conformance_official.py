"""The official ``ollama`` Python client against the test server: every endpoint, parsed by its models."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import ollama
import pytest

from ollixir.testing import OllamaTestServer, make_gguf

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather",
        "parameters": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"}}},
    },
}


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[ollama.Client]:
    c = ollama.Client(host=ollama_server.url)
    yield c
    c.close()  # type: ignore[no-untyped-call]


def test_chat_plain_and_stream(client: ollama.Client) -> None:
    r = client.chat("llama3.2", messages=[{"role": "user", "content": "hello there"}])
    assert r.message.role == "assistant" and r.message.content == "You said: hello there"
    assert r.done and r.done_reason == "stop" and r.eval_count == 4
    assert isinstance(r.created_at, str) and r.created_at.endswith("Z")
    parts = list(client.chat("llama3.2", messages=[{"role": "user", "content": "hi"}], stream=True))
    assert "".join(p.message.content or "" for p in parts) == "You said: hi"
    assert parts[-1].done and not parts[0].done


def test_chat_thinking_and_tools(client: ollama.Client) -> None:
    r = client.chat("qwen3", messages=[{"role": "user", "content": "why"}], think="medium")
    assert r.message.thinking == "Thinking (medium) about: why" and r.message.content == "You said: why"
    r = client.chat(
        "llama3.2", messages=[{"role": "user", "content": "get_weather in Oslo"}], tools=[WEATHER]
    )
    calls = r.message.tool_calls or []
    assert len(calls) == 1
    assert calls[0].function.name == "get_weather" and dict(calls[0].function.arguments) == {"city": "Oslo"}
    followup = client.chat(
        "llama3.2",
        messages=[
            {"role": "user", "content": "get_weather in Oslo"},
            r.message,
            {"role": "tool", "content": "-3C", "tool_name": "get_weather"},
        ],
        tools=[WEATHER],
    )
    assert followup.message.content == "Tool results: get_weather: -3C"


def test_chat_with_python_function_tool(client: ollama.Client) -> None:
    def add_two_numbers(a: int, b: int) -> int:
        """Add two numbers.

        Args:
            a: The first number
            b: The second number
        """
        return a + b

    r = client.chat(
        "qwen3",
        messages=[{"role": "user", "content": "add_two_numbers a=2 b=5"}],
        tools=[add_two_numbers],
        think=False,
    )
    call = (r.message.tool_calls or [])[0]
    assert call.function.name == "add_two_numbers" and add_two_numbers(**call.function.arguments) == 7


def test_generate_variants(client: ollama.Client) -> None:
    r = client.generate("llama3.2", "once upon")
    assert r.response == "You said: once upon" and r.context
    parts = list(client.generate("qwen3", "q", stream=True, think=True))
    assert "".join(p.thinking or "" for p in parts) == "Thinking about: q"
    assert client.generate("codellama:code", "a", suffix="b").response == "You said: a [suffix: b]"
    structured = client.generate(
        "llama3.2", "Name=Ada", format={"type": "object", "properties": {"Name": {"type": "string"}}}
    )
    assert structured.response == '{"Name":"Ada"}'
    pic = client.generate("llava", "describe", images=[b"\x89PNG\r\n\x1a\nfake"])
    assert pic.response == "You said: describe [1 image(s)]"
    logged = client.generate("llama3.2", "x", logprobs=True, top_logprobs=2)
    assert logged.logprobs and logged.logprobs[0].token == "You"
    load = client.generate("llama3.2")
    assert load.done_reason == "load"
    unload = client.generate("llama3.2", keep_alive=0)
    assert unload.done_reason == "unload"


def test_errors_are_response_errors(client: ollama.Client) -> None:
    with pytest.raises(ollama.ResponseError) as info:
        client.chat("nope", messages=[{"role": "user", "content": "x"}])
    assert info.value.status_code == 404 and info.value.error == "model 'nope' not found"
    with pytest.raises(ollama.ResponseError) as info:
        list(client.pull("nope", stream=True))
    assert info.value.error == "pull model manifest: file does not exist"


def test_embed_and_embeddings(client: ollama.Client) -> None:
    r = client.embed("all-minilm", ["a", "b"], dimensions=32)
    assert len(r.embeddings) == 2 and len(r.embeddings[0]) == 32
    assert abs(sum(v * v for v in r.embeddings[0]) - 1) < 1e-5
    assert len(client.embeddings("nomic-embed-text", "x").embedding) == 768


def test_list_ps_show(client: ollama.Client) -> None:
    models = client.list().models
    assert models[0].model == "llama3.2:latest" and models[0].details and models[0].details.family == "llama"
    assert isinstance(models[0].modified_at, dt.datetime) and models[
        0
    ].modified_at.utcoffset() == dt.timedelta(hours=-7)
    client.generate("llama3.2", "x", keep_alive="1h")
    running = client.ps().models
    assert [m.model for m in running] == ["llama3.2:latest"]
    assert running[0].expires_at is not None and running[0].context_length == 4096
    shown = client.show("qwen3")
    assert shown.capabilities == ["completion", "tools", "thinking"]
    assert shown.modelinfo and shown.modelinfo["general.architecture"] == "qwen3"
    assert shown.modelfile and shown.parameters and shown.template


def test_create_copy_delete(client: ollama.Client, tmp_path: Path) -> None:
    steps = [
        p.status for p in client.create("acme/brief", from_="llama3.2", system="Short answers.", stream=True)
    ]
    assert steps[-2:] == ["writing manifest", "success"]
    assert client.show("acme/brief").modelfile and 'SYSTEM """Short answers."""' in (
        client.show("acme/brief").modelfile or ""
    )
    gguf = tmp_path / "tiny.gguf"
    gguf.write_bytes(make_gguf())
    digest = client.create_blob(gguf)
    assert digest.startswith("sha256:")
    assert client.create_blob(gguf) == digest  # second upload answers 200
    done = client.create(
        "acme/tiny", files={"tiny.gguf": digest}, template="{{ .Prompt }}", parameters={"num_ctx": 512}
    )
    assert done.status == "success"
    assert client.copy("acme/tiny", "acme/tiny2").status == "success"
    names = [m.model for m in client.list().models]
    assert {"acme/brief:latest", "acme/tiny:latest", "acme/tiny2:latest"} <= set(names)
    assert client.delete("acme/tiny2").status == "success"
    with pytest.raises(ollama.ResponseError):
        client.delete("acme/tiny2")


def test_pull_and_push_streams(client: ollama.Client) -> None:
    progress = list(client.pull("tinyllama", stream=True))
    assert progress[0].status == "pulling manifest" and progress[-1].status == "success"
    layer = next(p for p in progress if p.digest)
    assert layer.total and layer.status and layer.status.startswith("pulling ")
    assert client.pull("smollm2:135m").status == "success"
    client.copy("tinyllama", "test/tiny")
    pushed = list(client.push("test/tiny", stream=True))
    assert pushed[0].status == "retrieving manifest" and pushed[-1].status == "success"
    with pytest.raises(ollama.ResponseError) as info:
        list(client.push("tinyllama", stream=True))
    assert "unauthorized" in info.value.error


def test_async_client_uploads_chunked(ollama_server: OllamaTestServer, tmp_path: Path) -> None:
    blob = tmp_path / "model.gguf"
    blob.write_bytes(make_gguf() + b"\0" * 100_000)

    async def run() -> str:
        client = ollama.AsyncClient(host=ollama_server.url)
        digest = await client.create_blob(blob)
        chat = await client.chat("llama3.2", messages=[{"role": "user", "content": "async"}])
        assert chat.message.content == "You said: async"
        return digest

    digest = asyncio.run(run())
    upload = next(r for r in ollama_server.requests if r.path == f"/api/blobs/{digest}")
    assert upload.headers.get("transfer-encoding") == "chunked" and upload.body_size == blob.stat().st_size


def cloud_client(server: OllamaTestServer, key: str) -> ollama.Client:
    def to_test_server(request: httpx.Request) -> None:
        # The official client calls https://ollama.com directly; send those calls to the test server.
        if request.url.host == "ollama.com":
            request.url = httpx.URL(server.url + request.url.path)
            # The Host header still names ollama.com, which the server's Host guard refuses.
            request.headers["Host"] = request.url.netloc.decode()

    return ollama.Client(
        host=server.url, headers={"Authorization": f"Bearer {key}"}, event_hooks={"request": [to_test_server]}
    )


def test_web_search_and_fetch(ollama_server: OllamaTestServer) -> None:
    client = cloud_client(ollama_server, "test-key")
    results = client.web_search("python", max_results=3).results
    assert [r.title for r in results] == ["Result 1 for python", "Result 2 for python", "Result 3 for python"]
    page = client.web_fetch("https://example.org")
    assert page.title == "Page https://example.org" and page.links == [
        "https://example.org/about",
        "https://example.org/contact",
    ]
    with pytest.raises(ollama.ResponseError) as info:
        cloud_client(ollama_server, "wrong").web_search("python")
    assert info.value.status_code == 401
