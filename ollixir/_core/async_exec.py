"""The executor: runs :class:`Call` values over one shared httpx client.

``async_exec.py`` is written by hand; ``sync_exec.py`` is generated from it by unasync
(``scripts/unasync_gen.py``, run by ``scripts/generate``), so the two cannot drift apart. Where sync
and async really differ, the async code calls a primitive of ``async_io.py`` and the generated code
its twin of the same name, less the ``async_`` prefix, in ``sync_io.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx

from .._errors import OllixirError
from .async_io import async_request_content, async_sleep
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
            # A caller's client is used as is; our headers travel with each request instead.
            self._extra_headers = dict(config.headers)
        self.http = http
        self._cloud: httpx.AsyncClient | None = None
        self._url = ParsedUrls()
        # Guards creating and dropping the cloud client against other threads. Nothing is awaited
        # while it is held, so in the async executor it never blocks the event loop.
        self._lock = threading.Lock()

    # -- plumbing ------------------------------------------------------------------------------

    def _request(self, call: Call) -> tuple[httpx.AsyncClient, str, httpx.Request]:
        """The client to send ``call`` with, its URL (for errors) and the request itself."""
        if call.cloud:
            cloud_headers = self.config.cloud_headers(call.operation)
            with self._lock:
                if self._cloud is None:
                    self._cloud = httpx.AsyncClient(
                        headers={
                            k: v for k, v in self.config.headers.items() if k.lower() != "authorization"
                        },
                        timeout=self.config.timeout,
                        follow_redirects=False,
                    )
            http, url = self._cloud, self.config.cloud_url + call.path
            headers: dict[str, str] | None = {**cloud_headers, **(call.headers or {})}
        else:
            http, url, headers = self.http, self.config.base_url + call.path, self._extra_headers
            if call.headers:
                headers = {**(headers or {}), **call.headers}
        request = http.build_request(
            call.method,
            self._url(url),
            content=async_request_content(call),
            headers=headers,
            timeout=timeout_for(call),
        )
        return http, url, request

    async def _retrying(self, call: Call, once: Callable[[Call], Any]) -> Any:
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
                await async_sleep(delay)

    # -- non-streamed ----------------------------------------------------------------------------

    async def run(self, call: Call) -> Any:
        return await self._retrying(call, self._once)

    async def _once(self, call: Call) -> Any:
        http, url, request = self._request(call)
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

    # -- streamed ------------------------------------------------------------------------------

    async def stream(self, call: Call) -> AsyncStream[Any, Any]:
        result: AsyncStream[Any, Any] = await self._retrying(call, self._open)
        return result

    async def _open(self, call: Call) -> AsyncStream[Any, Any]:
        http, url, request = self._request(call)
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
            # Read up to the first chunk here, so a failure before it is still retried.
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
        with self._lock:
            cloud, self._cloud = self._cloud, None
        if cloud is not None:
            await cloud.aclose()
        if self.owns_http:
            await self.http.aclose()
