"""Concurrent requests with asyncio: ``asyncio.gather`` over one ``AsyncClient``."""

from __future__ import annotations

import asyncio

from _support import CHAT_MODEL, EMBED_MODEL, aconnect


async def main() -> None:
    questions = ["What is 2 + 2?", "Name a prime number.", "What colour is the sky?"]
    async with aconnect() as client:
        replies = await asyncio.gather(
            *(client.chat(CHAT_MODEL, [{"role": "user", "content": q}]) for q in questions)
        )
        for question, reply in zip(questions, replies, strict=True):
            print(f"{question} -> {reply.message.content}")

        # Different operations can run side by side too.
        version, embedding = await asyncio.gather(client.version(), client.embed(EMBED_MODEL, "hello"))
        print(f"server {version.version}; embedding of {len(embedding.embeddings[0])} dimensions")


if __name__ == "__main__":
    asyncio.run(main())
