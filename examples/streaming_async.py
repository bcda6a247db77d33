"""Async streaming with ``AsyncClient``: ``async for`` over chunks, plus async process mode.

With the async client, ``stream=True`` gives an ``AsyncStream``; a callable (sync or async) or an
``asyncio.Queue`` as ``stream=`` runs the stream as an ``asyncio.Task`` instead.
"""

from __future__ import annotations

import asyncio

from _support import CHAT_MODEL, aconnect
from ollixir_api.models import GenerateStreamChunk


async def main() -> None:
    async with aconnect() as client:
        stream = await client.chat(
            CHAT_MODEL, [{"role": "user", "content": "Hello, async world!"}], stream=True
        )
        async with stream:
            async for chunk in stream:
                print(chunk.message.content, end="", flush=True)
            print()
            final = await stream.final()
        print(f"[{final.eval_count} tokens]")

        # Process mode: an async callback, and an asyncio.Task for the final response.
        seen: list[str] = []

        async def on_chunk(chunk: GenerateStreamChunk) -> None:
            seen.append(chunk.response)

        task = await client.completion(CHAT_MODEL, "Async callbacks are neat.", stream=on_chunk)
        result = await task
        print(f"task finished after {len(seen)} chunks: {result.response}")


if __name__ == "__main__":
    asyncio.run(main())
