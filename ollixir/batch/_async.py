"""``aembed_many``: a batch job on :class:`~ollixir.AsyncClient` objects, batches running as tasks."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._args import JobArgs, check_job
from ._plan import Batch, EmbedBatch, HostState, HostStats, Plan
from ._progress import ProgressLike, open_progress
from ._sync import _embed_kwargs

if TYPE_CHECKING:
    from .._clients.async_client import AsyncClient
    from .._clients.types import KeepAliveLike, OptionsLike, TimeoutLike
    from .._core.retry import RetryPolicy
    from .._ops.arrays import EmbedDType

__all__ = ["AsyncEmbedJob", "aembed_many"]


class AsyncEmbedJob(AsyncIterator[EmbedBatch]):
    """The async twin of :class:`EmbedJob`: ``async for batch in job``; ``await job.aclose()``."""

    def __init__(self, args: JobArgs, texts: Iterable[str]) -> None:
        self._args = args
        self._plan: Plan = args.plan(texts)
        self._run = self._steps()

    @property
    def hosts(self) -> list[HostStats]:
        return self._plan.stats()

    @property
    def done(self) -> int:
        return self._plan.handed_out

    def __aiter__(self) -> AsyncEmbedJob:
        return self

    async def __anext__(self) -> EmbedBatch:
        return await self._run.__anext__()

    async def aclose(self) -> None:
        await self._run.aclose()

    async def __aenter__(self) -> AsyncEmbedJob:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _call(self, host: HostState, batch: Batch) -> Any:
        began = time.monotonic()
        result = await host.client.embed(self._args.model, batch.texts, **self._args.embed_kwargs)
        return result, time.monotonic() - began

    async def _steps(self) -> AsyncGenerator[EmbedBatch, None]:
        plan, args = self._plan, self._args
        progress = open_progress(args.progress, args.total, args.start)
        running: dict[asyncio.Task[Any], tuple[Batch, HostState]] = {}
        try:
            while True:
                for batch, host in plan.assign():
                    running[asyncio.create_task(self._call(host, batch))] = (batch, host)
                handed = plan.ready()
                for item in handed:
                    progress.advance(item.stop, sum(1 for h in plan.hosts if h.alive))
                    yield item
                if plan.complete():
                    return
                if handed:
                    continue  # the window moved on: more batches may start before waiting
                if not running:
                    raise RuntimeError("ollixir.batch: the job stalled with no request running (a bug)")
                finished, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                for task in finished:
                    batch, host = running.pop(task)
                    try:
                        result, seconds = task.result()
                    except Exception as exc:
                        plan.failed(batch, host, exc)
                    else:
                        plan.succeeded(batch, host, result, seconds)
        finally:
            for task in running:
                task.cancel()
            if running:
                await asyncio.gather(*running, return_exceptions=True)
            progress.close()


def aembed_many(
    clients: AsyncClient[Any] | Sequence[AsyncClient[Any]],
    texts: Iterable[str],
    *,
    model: str,
    batch_size: int = 64,
    concurrency: int = 4,
    progress: ProgressLike = False,
    start: int = 0,
    total: int | None = None,
    window: int | None = None,
    dtype: EmbedDType | None = None,
    truncate: bool | None = None,
    dimensions: int | None = None,
    keep_alive: KeepAliveLike | None = None,
    options: OptionsLike | None = None,
    timeout: TimeoutLike = None,
    retry: RetryPolicy | bool | None = None,
) -> AsyncEmbedJob:
    """:func:`embed_many` for :class:`~ollixir.AsyncClient` objects: batches run as tasks on the
    running event loop, and the job is an async iterator of :class:`EmbedBatch`:

    >>> async for batch in ollixir.batch.aembed_many(client, texts, model="all-minilm"):
    ...     store(batch.start, batch.embeddings)

    Everything else (windows, resume, several hosts, failures, progress) is as in :func:`embed_many`.
    """
    from .._clients.async_client import AsyncClient
    from .._clients.client import Client

    kwargs = _embed_kwargs(dtype, truncate, dimensions, keep_alive, options, timeout, retry)
    args = check_job(
        clients,
        texts,
        client_type=AsyncClient,
        other_type=Client,
        other_function="embed_many",
        model=model,
        batch_size=batch_size,
        concurrency=concurrency,
        window=window,
        start=start,
        total=total,
        progress=progress,
        embed_kwargs=kwargs,
    )
    return AsyncEmbedJob(args, texts)
