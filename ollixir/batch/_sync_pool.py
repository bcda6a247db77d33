"""How a sync batch job runs its requests: on a pool of threads, one per slot.

The twin of ``_async_pool.py`` under the names unasync gives it when it generates ``_sync.py`` from
``_async.py``.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["SyncPool", "client_types"]

K = TypeVar("K")


class SyncPool(Generic[K]):
    """The requests of one job, each a future of a thread pool, found by the key it was started with."""

    def __init__(self, slots: int) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=slots, thread_name_prefix="ollixir-embed"
        )
        self._running: dict[concurrent.futures.Future[Any], K] = {}

    def __len__(self) -> int:
        return len(self._running)

    def start(self, key: K, call: Callable[..., Any], *args: Any) -> None:
        self._running[self._pool.submit(call, *args)] = key

    def first_done(self) -> list[tuple[K, concurrent.futures.Future[Any]]]:
        """Wait until at least one request has finished; hand those back (their ``result()`` is ready)."""
        finished, _ = concurrent.futures.wait(self._running, return_when=concurrent.futures.FIRST_COMPLETED)
        return [(self._running.pop(future), future) for future in finished]

    def close(self) -> None:
        """Drop the queued requests; those running finish on their threads, unread (a thread cannot be
        cancelled, and waiting for them would hold up the caller for no result)."""
        self._running.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)


def client_types() -> tuple[type, type, str]:
    """The client class a sync job takes, the async one (refused by name), and the function for that one."""
    from .._clients.async_client import AsyncClient
    from .._clients.client import Client

    return Client, AsyncClient, "aembed_many"
