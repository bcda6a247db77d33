"""The documentation of the public batch names, one set for each flavour.

``_async.py`` is written once and ``_sync.py`` generated from it by unasync, which renames names but
leaves strings alone: a docstring written in ``_async.py`` would reach ``_sync.py`` word for word,
telling sync users to ``await``. So the job classes and functions carry no docstring literal; each sets
its ``__doc__`` from the class of its own flavour here (``AsyncDocs`` in ``_async.py``, which unasync
turns into ``SyncDocs`` in ``_sync.py``). ``help()`` and doctest read ``__doc__``; the API reference
reads it too, through ``docs/griffe_runtime_docs.py``.
"""

from __future__ import annotations

__all__ = ["AsyncDocs", "SyncDocs"]


class SyncDocs:
    """The docstrings of ``EmbedJob`` and ``embed_many``."""

    JOB = """A running batch job: iterate it for :class:`EmbedBatch` results in input order.

    Work starts on the first ``next()``. ``hosts`` reports each host's batches, speed and failure;
    ``done`` is the absolute index of the next text to be handed out (where a resumed job would
    start). Closing the job (or leaving its ``with`` block, or dropping out of a ``for`` loop over it
    and closing it) stops handing out work; requests already running finish in the background.
    """

    FUNCTION = """Embed any number of texts in batches, concurrently, on one or several Ollama hosts.

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


class AsyncDocs:
    """The docstrings of ``AsyncEmbedJob`` and ``aembed_many``."""

    JOB = """The async twin of :class:`EmbedJob`: ``async for batch in job``; ``await job.aclose()``.

    Closing it cancels the requests still running and waits for them to stop.
    """

    FUNCTION = """:func:`embed_many` for :class:`~ollixir.AsyncClient` objects: batches run as tasks on the
    running event loop, and the job is an async iterator of :class:`EmbedBatch`:

    >>> async for batch in ollixir.batch.aembed_many(client, texts, model="all-minilm"):
    ...     store(batch.start, batch.embeddings)

    Everything else (windows, resume, several hosts, failures, progress) is as in :func:`embed_many`.
    """
