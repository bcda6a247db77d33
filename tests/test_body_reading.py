"""Bodies are read from the transport's raw stream only when that is exactly the body: compressed
answers and answers a caller's response hook already read take httpx's own path, with the same
results."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

import ollixir
from tests.clientkit import Api

MODEL = "llama3.2"
USER = [{"role": "user", "content": "Say something"}]


def _plain_dicts(api: Api) -> tuple[Any, Any, Any]:
    plain = api.make(response_format="dict")
    chat = api.call("chat", MODEL, USER, client=plain)
    chunks, final = api.stream("chat", MODEL, USER, client=plain)
    models = api.call("list_models", client=plain)
    return chat, (chunks, final), models


def test_gzip_answers_give_the_same_results(api: Api, ollama_server: Any) -> None:
    client = api.make(response_format="dict")
    expected = _plain_dicts(api)
    faults = [
        ollama_server.faults.gzip(path="/api/chat", times=2),
        ollama_server.faults.gzip(path="/api/tags"),
    ]
    chat = api.call("chat", MODEL, USER, client=client)
    stream = api.stream("chat", MODEL, USER, client=client)
    models = api.call("list_models", client=client)
    assert [f.hits for f in faults] == [2, 1]  # every answer was compressed
    assert len(ollama_server.faults) == 0

    def same(a: Any, b: Any) -> None:
        # Timings and timestamps differ between two runs; the content must not.
        strip = {"created_at", "total_duration", "load_duration", "prompt_eval_duration", "eval_duration"}
        assert {k: v for k, v in a.items() if k not in strip} == {
            k: v for k, v in b.items() if k not in strip
        }

    same(chat, expected[0])
    assert len(stream[0]) == len(expected[1][0]) > 1
    assert [c["message"]["content"] for c in stream[0]] == [c["message"]["content"] for c in expected[1][0]]
    same(stream[1], expected[1][1])
    assert models == expected[2]


def test_a_response_hook_that_reads_the_body_is_respected(ollama_server: Any) -> None:
    read: list[int] = []

    def hook(response: httpx.Response) -> None:
        read.append(len(response.read()))

    with ollixir.Client(httpx.Client(base_url=ollama_server.url, event_hooks={"response": [hook]})) as client:
        reply = client.chat(MODEL, USER)
        with client.chat(MODEL, USER, stream=True) as s:
            parts = [c.message.content for c in s]
        listed = client.list_models()
    assert reply.message.content and "".join(parts) == reply.message.content
    assert listed.models
    assert len(read) == 3 and all(n > 0 for n in read)


def test_an_async_response_hook_that_reads_the_body_is_respected(ollama_server: Any) -> None:
    read: list[int] = []

    async def hook(response: httpx.Response) -> None:
        read.append(len(await response.aread()))

    async def main() -> None:
        http = httpx.AsyncClient(base_url=ollama_server.url, event_hooks={"response": [hook]})
        async with ollixir.AsyncClient(http) as client:
            reply = await client.chat(MODEL, USER)
            async with await client.chat(MODEL, USER, stream=True) as s:
                parts = [c.message.content async for c in s]
            listed = await client.list_models()
        await http.aclose()
        assert reply.message.content and "".join(parts) == reply.message.content
        assert listed.models

    asyncio.run(main())
    assert len(read) == 3 and all(n > 0 for n in read)
