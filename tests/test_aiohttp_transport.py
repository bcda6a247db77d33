"""The optional aiohttp transport: the same operations, streams and errors over it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import ollixir

pytest.importorskip("httpx_aiohttp")

USER = [{"role": "user", "content": "a b"}]


def test_operations_streams_and_errors_over_aiohttp(ollama_server: Any) -> None:
    async def main() -> None:
        async with ollixir.init_async(ollama_server.url, transport=ollixir.aiohttp_transport()) as client:
            assert (await client.chat("llama3.2", USER)).message.content == "You said: a b"
            async with await client.chat("llama3.2", USER, stream=True) as s:
                assert [c.message.content async for c in s][:2] == ["You", " said:"]
                assert (await s.final()).done
            with pytest.raises(ollixir.ResponseError) as info:
                await client.chat("missing", USER)
            assert info.value.status == 404
            replies = await asyncio.gather(
                *(client.chat("llama3.2", [{"role": "user", "content": f"{i}"}]) for i in range(100))
            )
            assert [r.message.content for r in replies] == [f"You said: {i}" for i in range(100)]

    asyncio.run(main())


def test_refused_and_timeout_map_to_ollixir_errors(ollama_server: Any) -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()

    async def main() -> None:
        async with ollixir.init_async(
            f"http://127.0.0.1:{port}", transport=ollixir.aiohttp_transport()
        ) as client:
            with pytest.raises(ollixir.ConnectionError):
                await client.version()
        ollama_server.faults.delay_headers(2.0, path="/api/tags")
        async with ollixir.init_async(ollama_server.url, transport=ollixir.aiohttp_transport()) as client:
            with pytest.raises(ollixir.TimeoutError):
                await client.list(timeout=0.3)

    asyncio.run(main())
