"""Process mode: deliver stream chunks to a callback or a queue, in the background.

The sync client runs the stream on a worker thread and hands back a ``concurrent.futures.Future``;
the async client runs it as an ``asyncio.Task``. Queues receive the seed's messages:
``("data", chunk)`` for each chunk, then ``("done", final)`` or ``("error", exception)``.
Cancelling stops reading and closes the HTTP response at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import queue
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import httpx

from .._errors import RequestError
from .call import Call
from .stream import Stream

__all__ = ["StreamFuture", "is_sink", "run_async_sink", "run_sync_sink"]


def is_sink(stream: object) -> bool:
    return stream is not True and stream is not False and stream is not None


def _abort(response: httpx.Response) -> None:
    """Wake a reader blocked in ``recv`` on another thread: shut the socket down under it.

    Closing the response from this thread would not interrupt a blocking read; a shutdown does,
    and the reader then sees end-of-stream and notices the cancellation.
    """
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class StreamFuture(Future[Any]):
    """A future for a stream running on a worker thread; ``cancel()`` works while it runs."""

    def __init__(self) -> None:
        super().__init__()
        self._stream: Stream[Any, Any] | None = None
        self._lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def cancel(self) -> bool:
        # The future stays PENDING while the worker runs, so the base class can still cancel it.
        if not super().cancel():
            return False
        with self._lock:
            stream = self._stream
        if stream is not None:
            _abort(stream.response)
        return True


def _sync_deliver(sink: object) -> tuple[Callable[[Any], object], Callable[[tuple[str, Any]], None] | None]:
    if isinstance(sink, queue.Queue | queue.SimpleQueue):
        put = sink.put
        return (lambda chunk: put(("data", chunk))), put
    if callable(sink):
        return sink, None
    raise RequestError("stream must be True, False, a callable or a queue.Queue", param="stream")


def run_sync_sink(open_stream: Callable[[Call], Stream[Any, Any]], call: Call, sink: object) -> StreamFuture:
    deliver, put = _sync_deliver(sink)
    if inspect.iscoroutinefunction(sink):
        raise RequestError(
            "the sync client takes a plain callable; use AsyncClient for async callbacks", param="stream"
        )
    future = StreamFuture()

    def work() -> None:
        try:
            stream = open_stream(call)
            with future._lock:
                future._stream = stream
            with stream:
                if future.cancelled():
                    return
                for chunk in stream:
                    if future.cancelled():
                        return
                    deliver(chunk)
                final = stream.final()
        except BaseException as exc:
            if future.cancelled():
                return
            if put is not None:
                put(("error", exc))
            future.set_exception(exc)
            return
        if future.cancelled():
            return
        if put is not None:
            put(("done", final))
        future.set_result(final)

    thread = threading.Thread(target=work, name=f"ollixir-{call.operation}-stream", daemon=True)
    future.thread = thread
    thread.start()
    return future


def run_async_sink(open_stream: Callable[[Call], Any], call: Call, sink: object) -> asyncio.Task[Any]:
    if isinstance(sink, asyncio.Queue):
        aqueue: asyncio.Queue[tuple[str, Any]] | None = sink
        deliver: Callable[[Any], Any] | None = None
    elif callable(sink):
        aqueue, deliver = None, sink
    else:
        raise RequestError("stream must be True, False, a callable or an asyncio.Queue", param="stream")

    async def work() -> Any:
        try:
            async with await open_stream(call) as stream:
                async for chunk in stream:
                    if aqueue is not None:
                        await aqueue.put(("data", chunk))
                    else:
                        assert deliver is not None
                        result = deliver(chunk)
                        if inspect.isawaitable(result):
                            await result
                final = await stream.final()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if aqueue is not None:
                await aqueue.put(("error", exc))
            raise
        if aqueue is not None:
            await aqueue.put(("done", final))
        return final

    return asyncio.get_running_loop().create_task(work(), name=f"ollixir-{call.operation}-stream")
