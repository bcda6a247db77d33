"""A user's application, type-checked and run from outside the repository against the installed wheel.

``tests/test_outside.py`` copies this file into a temporary folder, installs the built wheel into a fresh
virtual environment there and runs ``mypy --strict`` over it (once as is, once with a deliberate type
error appended), then runs it against the bundled test server. Only public names are used.
"""

from __future__ import annotations

import asyncio
import queue
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import ollixir
import ollixir.aio
from ollixir.testing import OllamaTestServer


def add(a: int, b: int) -> int:
    """Add two numbers.

    Args:
        a: The first number.
        b: The second number.
    """
    return a + b


@dataclass
class City:
    name: str
    population: int


def inference(client: ollixir.Client[ollixir.TypedResults]) -> list[str]:
    seen: list[str] = []
    reply = client.chat("llama3.2", [{"role": "user", "content": "Hello!"}])
    content: str = reply.message.content
    seen.append(content)
    with client.chat("llama3.2", [{"role": "user", "content": "Hi"}], stream=True) as stream:
        for chunk in stream:
            seen.append(chunk.message.content)
        final = stream.final()
    seen.append(final.message.content)
    seen.append(client.completion("llama3.2", "Why is the sky blue?").response)
    seen.append(client.generate("llama3.2", "Why?", options={"temperature": 0.1}).response)
    vectors: list[list[float]] = client.embed("all-minilm", ["a", "b"]).embeddings
    seen.append(str(len(vectors)))
    seen.append(str(len(client.embeddings("all-minilm", "a").embedding)))
    return seen


def process_mode(client: ollixir.Client[ollixir.TypedResults]) -> str:
    sink: queue.Queue[tuple[str, Any]] = queue.Queue()
    future = client.chat("llama3.2", [{"role": "user", "content": "queued"}], stream=sink)
    pieces: list[str] = []
    future_via_callback = client.completion(
        "llama3.2", "cb", stream=lambda chunk: pieces.append(chunk.response)
    )
    return future.result(timeout=30).message.content + future_via_callback.result(timeout=30).response


def models(client: ollixir.Client[ollixir.TypedResults]) -> list[str]:
    names = [model.name for model in client.list_models().models]
    running = [model.name for model in client.list_running().models]
    family = client.show_model("llama3.2").details.family
    copied: bool = client.copy_model("llama3.2", "my-llama")
    deleted: bool = client.delete_model("my-llama")
    pulled = client.pull_model("tinyllama").status
    with client.pull_model("tinyllama", stream=True) as progress:
        statuses = [update.status for update in progress if update.completed is None or update.total]
    created = client.create_model("mario", from_="llama3.2", system="You are Mario.").status
    digest: str = client.create_blob(b"some bytes")
    has_blob: bool = client.check_blob(digest)
    loaded: bool = client.preload("llama3.2")
    unloaded: bool = client.unload("llama3.2")
    version: str = client.version().version
    flags = [copied, deleted, has_blob, loaded, unloaded]
    return [*names, *running, str(family), pulled, *statuses, created, version, *map(str, flags)]


def tools_and_structure(client: ollixir.Client[ollixir.TypedResults]) -> str:
    reply = client.chat("llama3.2", [{"role": "user", "content": "add 2 and 3"}], tools=[add])
    results = [
        str(ollixir.tools.call_tool(add, call.function.arguments)) for call in reply.message.tool_calls or []
    ]
    results += [str(add(**call.function.arguments)) for call in reply.message.tool_calls or []]
    run = ollixir.tools.run(client, "llama3.2", [{"role": "user", "content": "add 2 and 3"}], [add])
    city_reply = client.chat("llama3.2", [{"role": "user", "content": "a city"}], format=City)
    city: City = ollixir.parsed(city_reply, City)
    return ",".join([*results, run.content, city.name])


async def async_usage(url: str) -> str:
    async with ollixir.init_async(url) as client:
        reply = await client.chat("llama3.2", [{"role": "user", "content": "async"}])
        parts: list[str] = []
        async for chunk in await client.chat("llama3.2", [{"role": "user", "content": "s"}], stream=True):
            parts.append(chunk.message.content)
        listed = await ollixir.aio.list_models(client)
        return reply.message.content + "".join(parts) + str(len(listed.models))


def official_idioms(url: str) -> str:
    with ollixir.init(url) as client:
        reply: ollixir.ChatResponse = client.chat("llama3.2", [{"role": "user", "content": "i"}])
        content: str = reply["message"]["content"]
        assert "message" in reply and reply.get("done_reason") == "stop" and dict(reply)["done"] is True
        return content


def module_level(url: str) -> str:
    import os

    os.environ["OLLAMA_HOST"] = url
    return ollixir.generate(model="llama3.2", prompt="module").response + str(len(ollixir.list().models))


def spec_operation(client: ollixir.Client[ollixir.TypedResults]) -> str:
    status = client.request("server_status")
    return str(status.cloud.disabled if status.cloud else None)


def dict_results(url: str) -> str:
    with ollixir.init(url, response_format="dict") as client:
        raw: dict[str, Any] = client.chat("llama3.2", [{"role": "user", "content": "d"}])
        return str(raw["message"]["content"])


def errors(client: ollixir.Client[ollixir.TypedResults]) -> str:
    try:
        client.chat("no-such-model", [{"role": "user", "content": "x"}])
    except ollixir.ResponseError as exc:
        return f"{exc.status} {exc.error}"
    return "no error"


def run_all(url: str) -> list[str]:
    with ollixir.init(url) as client:
        out = inference(client)
        out.append(process_mode(client))
        out.extend(models(client))
        out.append(tools_and_structure(client))
        out.append(errors(client))
        out.append(spec_operation(client))
    out.append(asyncio.run(async_usage(url)))
    out.append(official_idioms(url))
    out.append(module_level(url))
    out.append(dict_results(url))
    return out


def test_with_the_fixture(ollama_server: OllamaTestServer) -> None:
    assert run_all(ollama_server.url)


def servers() -> Iterator[str]:
    with OllamaTestServer() as server:
        yield server.url


if __name__ == "__main__":
    for url in servers():
        for line in run_all(url):
            print(line)
    print("app: done")
