"""Streams of typed chunks, sync and async, over one shared decoding core.

The core decodes NDJSON, detects ``{"error": ...}`` lines, folds chunks into the final answer and
knows whether the stream ended properly; the two shells only differ in how they read bytes.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx
from ollixir_api.types import ShapeError

from .._errors import ConnectionError, ProtocolError, ResponseError, malformed_field
from .call import Call
from .exec import transport_error
from .ndjson import NdjsonDecoder

__all__ = ["AsyncStream", "Stream", "StreamCore"]

C = TypeVar("C", covariant=True)
R = TypeVar("R", covariant=True)


class StreamCore:
    """Bytes in, typed chunks out; no I/O."""

    __slots__ = ("_add", "_agg", "_chunk", "_decoder", "_final", "call", "url")

    def __init__(self, call: Call, url: str) -> None:
        assert call.stream is not None
        self.call = call
        self.url = url
        self._decoder = NdjsonDecoder(call.operation)
        self._agg = call.stream.aggregator(call.operation)
        self._add = self._agg.add
        self._chunk = call.stream.chunk
        self._final = call.stream.final

    def feed(self, data: bytes) -> list[Any]:
        objects = self._decoder.feed(data)
        if len(objects) == 1:
            # The usual read holds one line (Ollama flushes per token): convert in place.
            obj = objects[0]
            if type(obj) is dict and "error" not in obj:
                # Converted before folding, so a malformed chunk is reported by the model's checks.
                try:
                    objects[0] = self._chunk(obj)
                except ShapeError as exc:
                    raise self._malformed(exc) from exc
                self._add(obj)
                return objects
        return self._accept(objects)

    def end(self) -> list[Any]:
        return self._accept(self._decoder.close())

    def _accept(self, objects: list[Any]) -> list[Any]:
        out = []
        add = self._add
        convert = self._chunk
        for obj in objects:
            if type(obj) is not dict:
                raise ProtocolError(
                    f"expected a JSON object per line, got {type(obj).__name__}",
                    status=200,
                    operation=self.call.operation,
                )
            if "error" in obj:
                err = ResponseError(str(obj["error"]), status=200, operation=self.call.operation)
                err.mid_stream = True  # type: ignore[attr-defined]
                raise err
            try:
                out.append(convert(obj))
            except ShapeError as exc:
                raise self._malformed(exc) from exc
            add(obj)
        return out

    def _malformed(self, exc: ShapeError) -> ProtocolError:
        return malformed_field(self.call.operation, exc.path, exc.cause)

    @property
    def done(self) -> bool:
        return self._agg.done

    def final(self) -> Any:
        try:
            return self._final(self._agg.result())
        except ShapeError as exc:
            raise self._malformed(exc) from exc

    def dropped(self, exc: httpx.HTTPError) -> ConnectionError:
        err = transport_error(exc, self.call, self.url)
        err.args = (f"{err.args[0]} (after {self._decoder.lines} streamed lines)",)
        err.message = err.args[0]
        return err


class _StreamBase(Generic[C, R]):
    def __init__(self, core: StreamCore, response: httpx.Response, pieces: Any, buffered: list[Any]) -> None:
        self._core = core
        self._response = response
        self._pieces = pieces
        self._buffered = buffered
        self._closed = False
        self._exhausted = False
        self._final: Any = None
        self._has_final = False

    @property
    def operation(self) -> str:
        return self._core.call.operation

    @property
    def response(self) -> httpx.Response:
        """The underlying HTTP response (status, headers)."""
        return self._response

    def _finish(self) -> R:
        if not self._has_final:
            self._final = self._core.final()
            self._has_final = True
        return self._final  # type: ignore[no-any-return]

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            # Shown under -X dev or -W default, like an unclosed file.
            warnings.warn(
                f"ollixir stream for {self.operation} was not closed; use it as a context manager",
                ResourceWarning,
                stacklevel=1,
                source=self,
            )
            self._close_on_gc()

    def _close_on_gc(self) -> None:
        self._closed = True


class Stream(_StreamBase[C, R]):
    """An iterable of typed chunks from a streaming call.

    Use it as a context manager (or call :meth:`close`) so the connection returns to the pool even
    when you stop early. :meth:`final` gives the aggregated answer, the same a non-streamed call
    returns: after iterating, or instead of it.
    """

    def __iter__(self) -> Iterator[C]:
        try:
            yield from self._buffered
            self._buffered = []
            if self._exhausted:
                return
            core = self._core
            try:
                for data in self._pieces:
                    for chunk in core.feed(data):
                        yield chunk
            except httpx.HTTPError as exc:
                raise core.dropped(exc) from exc
            for chunk in core.end():
                yield chunk
            self._exhausted = True
            self._finish()
        finally:
            if self._exhausted or sys.exc_info()[0] is not None:
                self.close()

    def final(self) -> R:
        """Read whatever is left and return the aggregated response."""
        if self._closed and not self._exhausted:
            raise ProtocolError("the stream was closed before its end", status=200, operation=self.operation)
        if not self._exhausted:
            for _ in self:
                pass
        return self._finish()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._response.close()

    def _close_on_gc(self) -> None:
        self.close()

    def __enter__(self) -> Stream[C, R]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncStream(_StreamBase[C, R]):
    """The async twin of :class:`Stream`: ``async for``, ``async with``, ``await stream.final()``."""

    async def _iterate(self) -> AsyncIterator[C]:
        try:
            for chunk in self._buffered:
                yield chunk
            self._buffered = []
            if self._exhausted:
                return
            core = self._core
            try:
                async for data in self._pieces:
                    for chunk in core.feed(data):
                        yield chunk
            except httpx.HTTPError as exc:
                raise core.dropped(exc) from exc
            for chunk in core.end():
                yield chunk
            self._exhausted = True
            self._finish()
        except BaseException:
            await self.aclose()
            raise
        if self._exhausted:
            await self.aclose()

    def __aiter__(self) -> AsyncIterator[C]:
        return self._iterate()

    async def final(self) -> R:
        if self._closed and not self._exhausted:
            raise ProtocolError("the stream was closed before its end", status=200, operation=self.operation)
        if not self._exhausted:
            async for _ in self._iterate():
                pass
        return self._finish()

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            await self._response.aclose()

    close = aclose

    def _close_on_gc(self) -> None:
        # Can't await here; dropping the reference lets httpx's pool reclaim the connection.
        self._closed = True

    async def __aenter__(self) -> AsyncStream[C, R]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
