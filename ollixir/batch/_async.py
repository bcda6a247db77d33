"""The batch job engine: a job class and the function that starts it.

``_async.py`` (``AsyncEmbedJob``, ``aembed_many``) is written by hand; ``_sync.py`` (``EmbedJob``,
``embed_many``) is generated from it by unasync (``scripts/unasync_gen.py``, run by
``scripts/generate``), so the two jobs cannot drift apart. Where they really differ (requests on tasks
or on threads, what closing does with those still running, which clients they take), the async code
calls ``_async_pool.py`` and the generated code its twin ``_sync_pool.py``. unasync leaves strings
alone, so the public names take their docstrings from ``_docs.py``, one set for each flavour.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._args import JobArgs, check_job, embed_kwargs
from ._async_pool import AsyncPool, client_types
from ._docs import AsyncDocs
from ._plan import Batch, EmbedBatch, HostState, HostStats, Plan
from ._progress import ProgressLike, open_progress

if TYPE_CHECKING:
    from .. import AsyncClient
    from .._clients.types import KeepAliveLike, OptionsLike, TimeoutLike
    from .._core.retry import RetryPolicy
    from .._ops.arrays import EmbedDType

__all__ = ["AsyncEmbedJob", "aembed_many"]


class AsyncEmbedJob(AsyncIterator[EmbedBatch]):
    __doc__ = AsyncDocs.JOB

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
        pool: AsyncPool[tuple[Batch, HostState]] = AsyncPool(args.concurrency * len(args.clients))
        try:
            while True:
                for batch, host in plan.assign():
                    pool.start((batch, host), self._call, host, batch)
                handed = plan.ready()
                for item in handed:
                    progress.advance(item.stop, sum(1 for h in plan.hosts if h.alive))
                    yield item
                if plan.complete():
                    return
                if handed:
                    continue  # the window moved on: more batches may start before waiting
                if not pool:
                    raise RuntimeError("ollixir.batch: the job stalled with no request running (a bug)")
                for (batch, host), finished in await pool.first_done():
                    try:
                        result, seconds = finished.result()
                    except BaseException as exc:
                        # Everything goes to the plan, which counts the request as over and raises
                        # again what is not the host's fault (KeyboardInterrupt and the like).
                        plan.failed(batch, host, exc)
                    else:
                        plan.succeeded(batch, host, result, seconds)
        finally:
            await pool.aclose()
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
    client_type, other_type, other_function = client_types()
    args = check_job(
        clients,
        texts,
        client_type=client_type,
        other_type=other_type,
        other_function=other_function,
        model=model,
        batch_size=batch_size,
        concurrency=concurrency,
        window=window,
        start=start,
        total=total,
        progress=progress,
        embed_kwargs=embed_kwargs(dtype, truncate, dimensions, keep_alive, options, timeout, retry),
    )
    return AsyncEmbedJob(args, texts)


aembed_many.__doc__ = AsyncDocs.FUNCTION
