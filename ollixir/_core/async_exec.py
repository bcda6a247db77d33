"""The asynchronous executor: the same :class:`Call` values over one shared ``httpx.AsyncClient``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx

from .._errors import OllixirError
from .blob import CHUNK_SIZE, BlobSource
from .call import Call
from .config import Config
from .exec import (
    ParsedUrls,
    answer,
    answers_unreachable,
    raw_body_stream,
    resolve_retry,
    retry_delay,
    small_body_stream,
    status_error,
    timeout_for,
    transport_error,
)
from .jsonbody import JsonStream
from .stream import AsyncStream, StreamCore

__all__ = ["AsyncExecutor"]


class AsyncExecutor:
    def __init__(self, config: Config, http: httpx.AsyncClient | None) -> None:
        self.config = config
        self.owns_http = http is None
        if http is None:
            http = httpx.AsyncClient(headers=config.headers, timeout=config.timeout, **config.httpx_kwargs)
            self._extra_headers: dict[str, str] | None = None
        else:
            self._extra_headers = dict(config.headers)
        self.http = http
        self._cloud: httpx.AsyncClient | None = None
        self._url = ParsedUrls()

    def _target(self, call: Call) -> tuple[httpx.AsyncClient, str, dict[str, str] | None]:
        if call.cloud:
            cloud_headers = self.config.cloud_headers(call.operation)
            if self._cloud is None:
                self._cloud = httpx.AsyncClient(
                    headers={k: v for k, v in self.config.headers.items() if k.lower() != "authorization"},
                    timeout=self.config.timeout,
                    follow_redirects=False,
                )
            return self._cloud, self.config.cloud_url + call.path, {**cloud_headers, **(call.headers or {})}
        headers: dict[str, str] | None = self._extra_headers
        if call.headers:
            headers = {**(headers or {}), **call.headers}
        return self.http, self.config.base_url + call.path, headers

    async def _retrying(self, call: Call, once: Callable[[Call], Awaitable[Any]]) -> Any:
        policy = resolve_retry(call, self.config.retry)
        attempt = 0
        while True:
            attempt += 1
            try:
                return await once(call)
            except OllixirError as exc:
                delay = retry_delay(policy, call, exc, attempt, self.config.base_url + call.path)
                if delay is None:
                    if answers_unreachable(call, exc):
                        return call.unreachable
                    raise
                await asyncio.sleep(delay)

    async def run(self, call: Call) -> Any:
        return await self._retrying(call, self._once)

    async def _once(self, call: Call) -> Any:
        http, url, headers = self._target(call)
        content: Any = _file_chunks(call.upload) if call.upload is not None else _content(call.body)
        request = http.build_request(
            call.method, self._url(url), content=content, headers=headers, timeout=timeout_for(call)
        )
        try:
            response = await http.send(request, stream=True)
            try:
                raw = small_body_stream(response, httpx.AsyncByteStream)
                body = b"".join([piece async for piece in raw]) if raw is not None else await response.aread()
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            raise transport_error(exc, call, url) from exc
        return answer(call, response, body)

    async def stream(self, call: Call) -> AsyncStream[Any, Any]:
        result: AsyncStream[Any, Any] = await self._retrying(call, self._open)
        return result

    async def _open(self, call: Call) -> AsyncStream[Any, Any]:
        http, url, headers = self._target(call)
        request = http.build_request(
            call.method, self._url(url), content=call.body, headers=headers, timeout=timeout_for(call)
        )
        try:
            response = await http.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise transport_error(exc, call, url) from exc
        try:
            if response.status_code >= 300:
                try:
                    body = await response.aread()
                except httpx.HTTPError:
                    body = b""
                raise status_error(call, response, body)
            core = StreamCore(call, url)
            raw = raw_body_stream(response, httpx.AsyncByteStream)
            pieces = raw.__aiter__() if raw is not None else response.aiter_bytes()
            first: list[Any] = []
            try:
                async for data in pieces:
                    first.extend(core.feed(data))
                    if first:
                        break
                else:
                    first.extend(core.end())
            except httpx.HTTPError as exc:
                raise core.dropped(exc) from exc
        except BaseException:
            await response.aclose()
            raise
        return AsyncStream(core, response, pieces, first)

    async def aclose(self) -> None:
        cloud, self._cloud = self._cloud, None
        if cloud is not None:
            await cloud.aclose()
        if self.owns_http:
            await self.http.aclose()


def _content(body: bytes | JsonStream | None) -> Any:
    # httpx's async client needs an async iterable for a streamed body.
    return body.aiter() if isinstance(body, JsonStream) else body


async def _file_chunks(source: BlobSource) -> AsyncIterator[bytes]:
    """File reads happen on a worker thread so a large upload never blocks the event loop."""
    f = await asyncio.to_thread(source.open)
    try:
        while chunk := await asyncio.to_thread(f.read, CHUNK_SIZE):
            yield chunk
    finally:
        await asyncio.to_thread(f.close)
