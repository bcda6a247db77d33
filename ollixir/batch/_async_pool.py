"""How an async batch job runs its requests: as tasks on the running event loop.

``_async.py`` is the one hand-written job; ``_sync.py`` is generated from it by unasync
(``scripts/unasync_gen.py``), which renames this module to ``_sync_pool.py`` and ``AsyncPool`` to
``SyncPool``. Everything in which the two jobs really differ lives in this pair, under matching names:
starting a request, waiting for the first to finish, what closing does with those still running, and
which clients the job takes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Generic, TypeVar

__all__ = ["AsyncPool", "client_types"]

K = TypeVar("K")


class AsyncPool(Generic[K]):
    """The requests of one job, each a task, found by the key it was started with."""

    def __init__(self, slots: int) -> None:
        # ``slots`` sizes the sync twin's thread pool; the event loop runs any number of tasks, and the
        # job itself starts at most ``slots`` at once.
        self._running: dict[asyncio.Task[Any], K] = {}

    def __len__(self) -> int:
        return len(self._running)

    def start(self, key: K, call: Callable[..., Coroutine[Any, Any, Any]], *args: Any) -> None:
        self._running[asyncio.create_task(call(*args))] = key

    async def first_done(self) -> list[tuple[K, asyncio.Task[Any]]]:
        """Wait until at least one request has finished; hand those back (their ``result()`` is ready)."""
        finished, _ = await asyncio.wait(self._running, return_when=asyncio.FIRST_COMPLETED)
        return [(self._running.pop(task), task) for task in finished]

    async def aclose(self) -> None:
        """Cancel the requests still running and wait until they have stopped."""
        running = list(self._running)
        self._running.clear()
        for task in running:
            task.cancel()
        if running:
            await asyncio.gather(*running, return_exceptions=True)


def client_types() -> tuple[type, type, str]:
    """The client class an async job takes, the sync one (refused by name), and the function for that one."""
    from .._clients.async_client import AsyncClient
    from .._clients.client import Client

    return AsyncClient, Client, "embed_many"
