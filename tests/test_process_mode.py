"""Process mode: stream= a callback or a queue; futures and tasks; cancellation closes the HTTP
response promptly and leaves no sockets or threads behind."""

from __future__ import annotations

import asyncio
import os
import queue
import threading
import time
from concurrent.futures import CancelledError
from typing import Any

import pytest

import ollixir

USER = [{"role": "user", "content": "one two three four five six"}]
EXPECTED = "You said: one two three four five six"


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_sync_callback_future(ollama_server: Any) -> None:
    seen: list[str] = []
    with ollixir.init(ollama_server.url) as client:
        future = client.chat("llama3.2", USER, stream=lambda c: seen.append(c.message.content))
        final = future.result(timeout=10)
    assert "".join(seen) == EXPECTED == final.message.content


def test_sync_queue_messages(ollama_server: Any) -> None:
    q: queue.Queue[tuple[str, Any]] = queue.Queue()
    with ollixir.init(ollama_server.url) as client:
        future = client.completion("llama3.2", "a b", stream=q)
        final = future.result(timeout=10)
    msgs = []
    while not q.empty():
        msgs.append(q.get())
    assert [m[0] for m in msgs] == ["data"] * (len(msgs) - 1) + ["done"]
    assert msgs[-1][1].response == final.response == "You said: a b"


def test_sync_queue_error_message(ollama_server: Any) -> None:
    q: queue.Queue[tuple[str, Any]] = queue.Queue()
    with ollixir.init(ollama_server.url) as client:
        future = client.pull("unknown-model-x", stream=q)
        with pytest.raises(ollixir.ResponseError):
            future.result(timeout=10)
    kinds = []
    while not q.empty():
        kinds.append(q.get())
    assert kinds[-1][0] == "error" and isinstance(kinds[-1][1], ollixir.ResponseError)


def test_sync_callback_exception_fails_the_future(ollama_server: Any) -> None:
    def boom(chunk: Any) -> None:
        raise RuntimeError("callback failed")

    with ollixir.init(ollama_server.url) as client:
        with pytest.raises(RuntimeError, match="callback failed"):
            client.chat("llama3.2", USER, stream=boom).result(timeout=10)
        assert client.list().models


def test_sync_cancel_mid_stream_closes_connection(ollama_server: Any) -> None:
    ollama_server.faults.slow_stream(0.5, path="/api/chat")
    got = threading.Event()
    with ollixir.init(ollama_server.url) as client:
        future = client.chat("llama3.2", USER, stream=lambda c: got.set())
        assert got.wait(5)
        assert future.cancel()
        assert ollama_server.wait_for_disconnect(timeout=2)
        with pytest.raises(CancelledError):
            future.result()
        future.thread.join(2)  # type: ignore[attr-defined]
        assert not future.thread.is_alive()  # type: ignore[attr-defined]


def test_async_callback_and_async_queue(ollama_server: Any) -> None:
    async def main() -> tuple[str, list[str], Any]:
        seen: list[str] = []

        async def on_chunk(c: Any) -> None:
            seen.append(c.message.content)

        async with ollixir.init_async(ollama_server.url) as client:
            task = await client.chat("llama3.2", USER, stream=on_chunk)
            final = await task
            q: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
            task2 = await client.chat("llama3.2", USER, stream=q)
            await task2
            kinds = []
            while not q.empty():
                kinds.append((await q.get())[0])
            sync_seen: list[str] = []
            await (await client.chat("llama3.2", USER, stream=lambda c: sync_seen.append(c.message.content)))
            return "".join(seen), kinds, final if "".join(sync_seen) == EXPECTED else None

    text, kinds, final = asyncio.run(main())
    assert text == EXPECTED and final is not None and final.message.content == EXPECTED
    assert kinds[-1] == "done" and set(kinds[:-1]) == {"data"}


def test_async_task_cancel_mid_stream_closes_connection(ollama_server: Any) -> None:
    ollama_server.faults.slow_stream(0.5, path="/api/chat")

    async def main() -> bool:
        got = asyncio.Event()
        async with ollixir.init_async(ollama_server.url) as client:
            task = await client.chat("llama3.2", USER, stream=lambda c: got.set())
            await asyncio.wait_for(got.wait(), 5)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return await asyncio.to_thread(ollama_server.wait_for_disconnect, 2)

    assert asyncio.run(main())


def test_a_thousand_cancelled_streams_leave_nothing_behind(ollama_server: Any) -> None:
    ollama_server.faults.slow_stream(0.2, path="/api/chat", times=None)
    threads_before = threading.active_count()
    with ollixir.init(ollama_server.url) as client:
        client.list()
        fds_before = open_fds()
        for i in range(1000):
            if i % 2:
                s = client.chat("llama3.2", USER, stream=True)
                next(iter(s))
                s.close()
            else:
                got = threading.Event()
                f = client.chat("llama3.2", USER, stream=lambda c, got=got: got.set())
                got.wait(5)
                f.cancel()
                f.thread.join(5)  # type: ignore[attr-defined]
        assert open_fds() <= fds_before + 2
        assert client.list().models  # the pool is healthy
    ollama_server.faults.clear()
    assert not [t for t in threading.enumerate() if t.name.startswith("ollixir-")]
    # The in-process server's handler threads notice the closed sockets at their next write.
    deadline = time.monotonic() + 5
    while threading.active_count() > threads_before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threading.active_count() <= threads_before
