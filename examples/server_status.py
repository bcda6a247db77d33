"""Is the server up, which version is it, and are its ollama.com cloud features on?

``client.is_running()`` answers False instead of raising when nothing answers: a refused connection, an
unknown host, or no answer within 5 seconds (``timeout=`` changes that). ``head=True`` sends ``HEAD /``,
as Ollama's own client does. ``client.status()`` reads ``GET /api/status`` (Ollama 0.16.2 and later).
"""

from __future__ import annotations

import asyncio

from _support import aconnect, connect

import ollixir


def main() -> None:
    with connect() as client:
        if not client.is_running():
            print(f"nothing answers at {client.base_url}")
            return
        print(f"Ollama {client.version().version} is running at {client.base_url}")
        try:
            cloud = client.status().cloud
        except ollixir.ResponseError as exc:
            print(f"cloud status unknown: {exc.hint or exc.error}")  # an older server
        else:
            if cloud is not None and cloud.disabled:
                print(f"cloud features are disabled (by {cloud.source})")
            else:
                print("cloud features are enabled")

    # An address where nothing listens: False, not an exception.
    with ollixir.Client("http://127.0.0.1:1", timeout=2) as nowhere:
        print(f"is anything running at {nowhere.base_url}? {nowhere.is_running()}")

    asyncio.run(check_async())


async def check_async() -> None:
    async with aconnect() as client:
        print(f"async HEAD / says running: {await client.is_running(head=True)}")


if __name__ == "__main__":
    main()
