"""``embed_many``: a batch job on :class:`~ollixir.Client` objects, batches running on threads."""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._args import JobArgs, check_job
from ._plan import Batch, EmbedBatch, HostState, HostStats, Plan
from ._progress import ProgressLike, open_progress

if TYPE_CHECKING:
    from .._clients.client import Client
    from .._clients.types import KeepAliveLike, OptionsLike, TimeoutLike
    from .._core.retry import RetryPolicy
    from .._ops.arrays import EmbedDType

__all__ = ["EmbedJob", "embed_many"]


class EmbedJob(Iterator[EmbedBatch]):
    """A running batch job: iterate it for :class:`EmbedBatch` results in input order.

    Work starts on the first ``next()``. ``hosts`` reports each host's batches, speed and failure;
    ``done`` is the absolute index of the next text to be handed out (where a resumed job would
    start). Closing the job (or leaving its ``with`` block, or dropping out of a ``for`` loop over it
    and closing it) stops handing out work; requests already running finish in the background.
    """

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

    def __iter__(self) -> EmbedJob:
        return self

    def __next__(self) -> EmbedBatch:
        return next(self._run)

    def close(self) -> None:
        self._run.close()

    def __enter__(self) -> EmbedJob:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _call(self, host: HostState, batch: Batch) -> Any:
        began = time.monotonic()
        result = host.client.embed(self._args.model, batch.texts, **self._args.embed_kwargs)
        return result, time.monotonic() - began

    def _steps(self) -> Generator[EmbedBatch, None, None]:
        plan, args = self._plan, self._args
        progress = open_progress(args.progress, args.total, args.start)
        slots = args.concurrency * len(args.clients)
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=slots, thread_name_prefix="ollixir-embed")
        running: dict[concurrent.futures.Future[Any], tuple[Batch, HostState]] = {}
        try:
            while True:
                for batch, host in plan.assign():
                    running[pool.submit(self._call, host, batch)] = (batch, host)
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
                finished, _ = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in finished:
                    batch, host = running.pop(future)
                    try:
                        result, seconds = future.result()
                    except BaseException as exc:
                        plan.failed(batch, host, exc)
                    else:
                        plan.succeeded(batch, host, result, seconds)
        finally:
            # Queued batches are dropped; running requests finish on their threads, unread.
            pool.shutdown(wait=False, cancel_futures=True)
            progress.close()


def embed_many(
    clients: Client[Any] | Sequence[Client[Any]],
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
) -> EmbedJob:
    """Embed any number of texts in batches, concurrently, on one or several Ollama hosts.

    Returns an :class:`EmbedJob`, an iterator of :class:`EmbedBatch` (``start``, ``stop``,
    ``embeddings``, ``host``) in input order:

    >>> job = ollixir.batch.embed_many(client, texts, model="all-minilm", batch_size=64)
    >>> for batch in job:
    ...     store(batch.start, batch.embeddings)

    * ``batch_size`` texts go in each ``/api/embed`` call, and up to ``concurrency`` calls run at once
      per host, on threads.
    * ``texts`` may be any iterable, read as batches are cut: at most ``window`` batches (default
      twice the number of slots) exist at once, so memory is bounded for any corpus size.
    * ``start`` skips that many texts and resumes there (results keep absolute indices); after a
      failure, :class:`BatchError`'s ``resume_from`` is the value to pass.
    * Several clients (one per host) share the work by speed; a host that fails after its client's
      own retries (``retry=`` on the client or here) is taken out and its batches go to the others.
    * ``progress=True`` shows a bar (rich, the ``cli`` extra) on a terminal, else plain lines on stderr;
      ``total`` is the number of texts for it when ``texts`` has no ``len()``.
    * ``dtype`` and the embed options (``truncate``, ``dimensions``, ``keep_alive``, ``options``,
      ``timeout``) are those of :meth:`Client.embed`; with ``dtype`` each batch's ``embeddings`` is
      a NumPy array.

    Arguments are checked here, before any traffic; the work starts with the first ``next()``.
    """
    from .._clients.async_client import AsyncClient
    from .._clients.client import Client

    kwargs = _embed_kwargs(dtype, truncate, dimensions, keep_alive, options, timeout, retry)
    args = check_job(
        clients,
        texts,
        client_type=Client,
        other_type=AsyncClient,
        other_function="aembed_many",
        model=model,
        batch_size=batch_size,
        concurrency=concurrency,
        window=window,
        start=start,
        total=total,
        progress=progress,
        embed_kwargs=kwargs,
    )
    return EmbedJob(args, texts)


def _embed_kwargs(*values: object) -> dict[str, Any]:
    names = ("dtype", "truncate", "dimensions", "keep_alive", "options", "timeout", "retry")
    return {name: value for name, value in zip(names, values, strict=True) if value is not None}
