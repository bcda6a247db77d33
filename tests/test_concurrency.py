"""One AsyncClient serves 500 concurrent chats; one sync Client is shared safely between threads;
async blob hashing and file reads stay off the event loop."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import ollixir
from ollixir._core import blob as _blob


def test_five_hundred_concurrent_async_chats(ollama_server: Any) -> None:
    async def main() -> list[str]:
        async with ollixir.init_async(ollama_server.url) as client:
            calls = [client.chat("llama3.2", [{"role": "user", "content": f"n{i}"}]) for i in range(500)]
            replies = await asyncio.gather(*calls)
            return [r.message.content for r in replies]

    contents = asyncio.run(main())
    assert contents == [f"You said: n{i}" for i in range(500)]


def test_sync_client_shared_between_threads(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url) as client:

        def work(i: int) -> tuple[str, str]:
            reply = client.chat("llama3.2", [{"role": "user", "content": f"t{i}"}])
            with client.completion("llama3.2", f"s{i}", stream=True) as s:
                text = s.final().response
            return reply.message.content, text

        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(work, range(200)))
    assert results == [(f"You said: t{i}", f"You said: s{i}") for i in range(200)]


def test_async_create_blob_reads_and_hashes_off_the_event_loop(
    ollama_server: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF" + b"\0" * (8 << 20))
    threads: list[str] = []
    real_open = _blob.BlobSource.open

    def spy_open(self: _blob.BlobSource) -> Any:
        threads.append(threading.current_thread().name)
        return real_open(self)

    monkeypatch.setattr(_blob.BlobSource, "open", spy_open)

    async def main() -> tuple[str, str]:
        loop_thread = threading.current_thread().name
        async with ollixir.init_async(ollama_server.url) as client:
            return await client.create_blob(path), loop_thread

    digest, loop_thread = asyncio.run(main())
    assert digest.startswith("sha256:")
    assert len(threads) == 2  # one pass to hash, one to upload
    assert loop_thread not in threads
