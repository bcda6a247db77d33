"""The async tool loop: ``ollixir.tools.arun`` with an ``AsyncClient``; async tool functions are awaited."""

from __future__ import annotations

import asyncio

from _support import CHAT_MODEL, aconnect

from ollixir import tools


async def lookup_population(city: str) -> int:
    """Population of a city.

    Args:
        city: The city name.
    """
    await asyncio.sleep(0)  # stands in for an HTTP call or database query
    return {"Paris": 2_100_000, "Berlin": 3_700_000}.get(city, 0)


async def main() -> None:
    messages = [{"role": "user", "content": "How many people live in Berlin?"}]
    async with aconnect() as client:
        run = await tools.arun(client, CHAT_MODEL, messages, [lookup_population])
    print(f"rounds: {run.rounds}")
    print("answer:", run.content)


if __name__ == "__main__":
    asyncio.run(main())
