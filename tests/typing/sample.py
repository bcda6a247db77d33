"""A program that touches every operation's result attributes; `mypy --strict` must accept it
with no casts (tests/test_typing.py runs mypy on it). It is type-checked, not executed."""

from __future__ import annotations

import asyncio
import queue
from concurrent.futures import Future
from datetime import datetime

import numpy
import numpy.typing
from ollixir_api.models import ChatResponse, ProgressResponse

import ollixir


def sync_program(client: ollixir.Client[ollixir.TypedResults]) -> None:
    reply = client.chat(
        "llama3.2", [{"role": "user", "content": "hi"}], think=True, options={"temperature": 0}
    )
    content: str = reply.message.content
    role: str = reply.message.role
    created: datetime = reply.created_at
    done: bool = reply.done
    print(
        content.upper(), role, created.year, done, reply.done_reason, reply.eval_count, reply.message.thinking
    )
    for call in reply.message.tool_calls or []:
        print(call.function.name, call.function.arguments)

    with client.chat("llama3.2", [{"role": "user", "content": "hi"}], stream=True) as stream:
        for chunk in stream:
            text: str = chunk.message.content
            print(text, chunk.done)
        final: ChatResponse = stream.final()
        print(final.message.content.strip())

    future: Future[ChatResponse] = client.chat("m", [{"role": "user", "content": "x"}], stream=print)
    print(future.result().message.content)
    q: queue.Queue[tuple[str, object]] = queue.Queue()
    print(client.chat("m", [{"role": "user", "content": "x"}], stream=q).result().done)

    gen = client.generate("llama3.2", "why?", suffix="x", images=[b"..."], format="json")
    response: str = gen.response
    context = gen.context
    print(response.lower(), context)
    with client.completion("llama3.2", "why?", stream=True) as s:
        print("".join(c.response for c in s))

    emb = client.embed("all-minilm", ["a", "b"], dimensions=8)
    vectors: list[list[float]] = emb.embeddings
    print(vectors[0][0] + 1.0)
    arr32: numpy.typing.NDArray[numpy.float32] = client.embed("m", ["a"], dtype="float32").embeddings
    arr64: numpy.typing.NDArray[numpy.float64] = client.embed("m", ["a"], dtype="float64").embeddings
    typed32: ollixir.EmbedArrayResponse[numpy.float32] = client.embed("m", "a", dtype="float32")
    print(arr32.shape, arr64.mean(), typed32.prompt_eval_count, typed32.model.upper())
    legacy: list[float] = client.embeddings("all-minilm", "a").embedding
    print(legacy)

    for model in client.list().models:
        size: int = model.size
        print(model.name.upper(), size, model.details.family, model.modified_at.isoformat())
    for running in client.ps().models:
        expires: datetime = running.expires_at
        print(running.name, running.size_vram, expires)
    info = client.show("llama3.2")
    print(info.details.parameter_size, info.capabilities, info.modified_at, info.template)

    progress: ProgressResponse = client.pull("tinyllama")
    print(progress.status, progress.completed, progress.total)
    with client.pull("tinyllama", stream=True) as pulls:
        for p in pulls:
            print(p.status, p.digest)
    print(client.create("mario", from_="llama3.2", system="Mario").status)
    print(client.push("me/mario").status)
    copied: bool = client.copy("a", "b")
    deleted: bool = client.delete("a")
    loaded: bool = client.preload("llama3.2", keep_alive=-1)
    unloaded: bool = client.unload("llama3.2")
    exists: bool = client.check_blob(b"data")
    digest: str = client.create_blob(b"data")
    print(copied, deleted, loaded, unloaded, exists, digest.removeprefix("sha256:"))
    print(client.version().version.split("."))
    # ollama.com's answers have no release evidence, so their fields are optional.
    for result in client.web_search("ollama").results or []:
        print(result.title, result.url, result.content)
    page = client.web_fetch("https://ollama.com")
    print(page.title, page.content, page.links)


def dict_program() -> None:
    client = ollixir.init(response_format="dict")
    data: dict[str, object] = client.chat("m", [{"role": "user", "content": "x"}])
    print(data["message"])


async def async_program() -> None:
    async with ollixir.init_async() as client:
        reply = await client.chat("llama3.2", [{"role": "user", "content": "hi"}])
        print(reply.message.content.upper())
        async with await client.chat("llama3.2", [{"role": "user", "content": "hi"}], stream=True) as stream:
            async for chunk in stream:
                print(chunk.message.content)
            print((await stream.final()).done)
        task: asyncio.Task[ChatResponse] = await client.chat(
            "m", [{"role": "user", "content": "x"}], stream=print
        )
        print((await task).message.content)
        print((await client.list()).models[0].name, (await client.embed("m", "x")).embeddings)
        print(await client.create_blob(b"x"), await ollixir.aio.version(client))
        batch: numpy.typing.NDArray[numpy.float32] = (
            await client.embed("m", ["a"], dtype="float32")
        ).embeddings
        print(batch.shape)


if __name__ == "__main__":
    sync_program(ollixir.init())


def module_level(client: ollixir.Client[ollixir.TypedResults]) -> tuple[str, str, bool]:
    official = ollixir.chat(model="llama3.2", messages=[{"role": "user", "content": "x"}])
    seeded = ollixir.generate(client, "llama3.2", "x")
    deleted: bool = ollixir.delete("gone")
    return official.message.content, seeded.response, deleted
