"""The asynchronous client.

The operations are generated (``ollixir_api.surface``: ``AsyncAPI``'s typed signatures, and the methods
themselves, which call ``methods.invoke``, shared with the sync client); this class adds configuration
and the executor.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Literal, TypeVar, Unpack, overload

import httpx
from ollixir_api.surface.async_api import AsyncAPI

from .. import _ops
from .._core.async_exec import AsyncExecutor
from .._core.blob import blob_source
from .._core.call import Call
from .._core.config import ClientBase, Config, ResponseFormat
from .._core.options import AsyncClientOptions, check_options
from .._core.process import run_async_sink
from .._ops.create import CreatePlan
from .methods import apply, with_format
from .types import DictResults, TypedResults

__all__ = ["AsyncClient"]

M = TypeVar("M", TypedResults, DictResults)


class AsyncClient(AsyncAPI[M], ClientBase):
    """The asyncio twin of :class:`~ollixir.Client`: the same operations, arguments, results and
    errors, awaited; streams are ``async for``-able. One ``httpx.AsyncClient`` pool serves every call.

    Configuration is read as for the sync client (see :func:`ollixir.init_async`).
    """

    @overload
    def __init__(
        self: AsyncClient[TypedResults],
        target: str | httpx.AsyncClient | None = None,
        *,
        response_format: Literal["typed"] = "typed",
        **options: Unpack[AsyncClientOptions],
    ) -> None: ...
    @overload
    def __init__(
        self: AsyncClient[DictResults],
        target: str | httpx.AsyncClient | None = None,
        *,
        response_format: Literal["dict"],
        **options: Unpack[AsyncClientOptions],
    ) -> None: ...
    def __init__(self, target: str | httpx.AsyncClient | None = None, **options: Any) -> None:
        check_options(options, "AsyncClient")
        self._start(*self._configure(target, httpx.AsyncClient, options))

    def _start(self, config: Config, http: httpx.AsyncClient | None) -> None:
        self._config = config
        self._exec = AsyncExecutor(config, http)
        self._view = False

    def _owns_http(self) -> bool:
        return self._exec.owns_http

    # -- plumbing --------------------------------------------------------------------------------

    @property
    def http(self) -> httpx.AsyncClient:
        """The shared ``httpx.AsyncClient`` (one connection pool for every call)."""
        return self._exec.http

    @overload
    def with_options(self, *, response_format: Literal["dict"]) -> AsyncClient[DictResults]: ...
    @overload
    def with_options(self, *, response_format: Literal["typed"]) -> AsyncClient[TypedResults]: ...
    def with_options(self, *, response_format: ResponseFormat) -> Any:
        """A view of this client returning another result format, on the same connection pool.

        The per-call form of ``response_format``: ``client.with_options(response_format="dict").chat(...)``.
        Closing a view does nothing; close the client it came from.
        """
        return with_format(self, response_format)

    async def _run(self, call: Call, stream: object = False) -> Any:
        if call.stream is None:
            return await self._exec.run(call)
        if stream is True:
            return await self._exec.stream(call)
        return run_async_sink(self._exec.stream, call, stream)

    async def _create_blob(self, source: object, opts: Mapping[str, Any]) -> str:
        src = blob_source(source)
        # Hashing a large file is CPU and disk work: keep it off the event loop.
        digest = await asyncio.to_thread(src.digest)
        if not await self._exec.run(apply(_ops.check_blob(digest), opts)):
            await self._exec.run(apply(_ops.create_blob(src, digest), opts))
        return digest

    async def _create(self, plan: CreatePlan, stream: object, opts: Mapping[str, Any]) -> Any:
        fields = dict(plan.fields)
        for key, sources in plan.uploads.items():
            digests = dict(fields.get(key, {}))
            for name, source in sources.items():
                digests[name] = await self._create_blob(source, opts)
            fields[key] = digests
        call = _ops.create_model(self._config.typed, fields, stream=stream is not False)
        return await self._run(apply(call, opts), stream)

    async def aclose(self) -> None:
        """Close the connection pools (a caller-supplied ``httpx.AsyncClient`` is left open)."""
        if not self._view:
            await self._exec.aclose()

    async def close(self) -> None:
        """:meth:`aclose` under the official ``ollama`` client's name (``await client.close()``)."""
        await self.aclose()

    async def __aenter__(self) -> AsyncClient[M]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
