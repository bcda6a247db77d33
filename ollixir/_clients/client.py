"""The synchronous client.

The operations are generated (``ollixir_api.surface``: ``SyncAPI``'s typed signatures, and the methods
themselves, which call ``methods.invoke``, shared with the async client); this class adds configuration
and the executor.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any, Literal, TypeVar, Unpack, overload

import httpx
from ollixir_api.surface.sync_api import SyncAPI

from .. import _ops
from .._core.blob import blob_source
from .._core.call import Call
from .._core.config import ClientBase, Config, ResponseFormat
from .._core.options import ClientOptions, check_options
from .._core.sync_exec import SyncExecutor
from .._ops.create import CreatePlan
from .methods import apply, with_format
from .types import DictResults, TypedResults

__all__ = ["Client"]

M = TypeVar("M", TypedResults, DictResults)


class Client(SyncAPI[M], ClientBase):
    """A client for one Ollama server (and ollama.com for web search and fetch).

    ``Client()`` reads ``OLLAMA_HOST`` (default ``http://127.0.0.1:11434``) and ``OLLAMA_API_KEY``;
    see :func:`ollixir.init` for every argument. One ``httpx.Client`` connection pool serves every
    call. Safe to share between threads.
    """

    @overload
    def __init__(
        self: Client[TypedResults],
        target: str | httpx.Client | None = None,
        *,
        response_format: Literal["typed"] = "typed",
        **options: Unpack[ClientOptions],
    ) -> None: ...
    @overload
    def __init__(
        self: Client[DictResults],
        target: str | httpx.Client | None = None,
        *,
        response_format: Literal["dict"],
        **options: Unpack[ClientOptions],
    ) -> None: ...
    def __init__(self, target: str | httpx.Client | None = None, **options: Any) -> None:
        check_options(options, "Client")
        self._start(*self._configure(target, httpx.Client, options))

    def _start(self, config: Config, http: httpx.Client | None) -> None:
        self._config = config
        self._exec = SyncExecutor(config, http)
        self._view = False

    def _owns_http(self) -> bool:
        return self._exec.owns_http

    # -- plumbing --------------------------------------------------------------------------------

    @property
    def http(self) -> httpx.Client:
        """The shared ``httpx.Client`` (one connection pool for every call)."""
        return self._exec.http

    @overload
    def with_options(self, *, response_format: Literal["dict"]) -> Client[DictResults]: ...
    @overload
    def with_options(self, *, response_format: Literal["typed"]) -> Client[TypedResults]: ...
    def with_options(self, *, response_format: ResponseFormat) -> Any:
        """A view of this client returning another result format, on the same connection pool.

        The per-call form of ``response_format``: ``client.with_options(response_format="dict").chat(...)``.
        Closing a view does nothing; close the client it came from.
        """
        return with_format(self, response_format)

    def _run(self, call: Call, stream: object = False) -> Any:
        if call.stream is None:
            return self._exec.run(call)
        if stream is True:
            return self._exec.stream(call)
        # Imported here: process mode needs asyncio (~8 ms), which plain sync calls never use.
        from .._core.process import run_sync_sink

        return run_sync_sink(self._exec.stream, call, stream)

    def _create_blob(self, source: object, opts: Mapping[str, Any]) -> str:
        src = blob_source(source)
        digest = src.digest()
        if not self._exec.run(apply(_ops.check_blob(digest), opts)):
            self._exec.run(apply(_ops.create_blob(src, digest), opts))
        return digest

    def _create(self, plan: CreatePlan, stream: object, opts: Mapping[str, Any]) -> Any:
        fields = dict(plan.fields)
        for key, sources in plan.uploads.items():
            digests = dict(fields.get(key, {}))
            for name, source in sources.items():
                digests[name] = self._create_blob(source, opts)
            fields[key] = digests
        call = _ops.create_model(self._config.typed, fields, stream=stream is not False)
        return self._run(apply(call, opts), stream)

    def close(self) -> None:
        """Close the connection pools (a caller-supplied ``httpx.Client`` is left open)."""
        if not self._view:
            self._exec.close()

    def __enter__(self) -> Client[M]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
