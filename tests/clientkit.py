"""One test body for both clients: ``Api`` runs an operation on the sync or the async client and
gives back plain results, so a test is written once and parametrized over both."""

from __future__ import annotations

import asyncio
from typing import Any

import ollixir

KINDS = ["sync", "async"]


class Api:
    def __init__(self, kind: str, url: str, **options: Any) -> None:
        self.kind = kind
        self.url = url
        self.options = options
        self._runner = asyncio.Runner() if kind == "async" else None
        self.client: Any = self.make(**options)

    def make(self, target: Any = None, **options: Any) -> Any:
        if target is None and "host" not in options and "base_url" not in options:
            target = self.url
        if self.kind == "sync":
            return ollixir.Client(target, **options)
        return self.run_coro(self._make_async(target, options))

    async def _make_async(self, target: Any, options: dict[str, Any]) -> Any:
        return ollixir.AsyncClient(target, **options)

    def run_coro(self, coro: Any) -> Any:
        assert self._runner is not None
        return self._runner.run(coro)

    def call(self, name: str, /, *args: Any, client: Any = None, **kwargs: Any) -> Any:
        """Run an operation and return its result (awaited for the async client)."""
        target = getattr(client or self.client, name)
        if self.kind == "sync":
            return target(*args, **kwargs)

        async def go() -> Any:
            return await target(*args, **kwargs)

        return self.run_coro(go())

    def stream(self, name: str, /, *args: Any, client: Any = None, **kwargs: Any) -> tuple[list[Any], Any]:
        """Run a streaming operation; return (chunks, final aggregated response)."""
        target = getattr(client or self.client, name)
        if self.kind == "sync":
            with target(*args, stream=True, **kwargs) as s:
                chunks = list(s)
                return chunks, s.final()

        async def go() -> tuple[list[Any], Any]:
            async with await target(*args, stream=True, **kwargs) as s:
                chunks = [c async for c in s]
                return chunks, await s.final()

        return self.run_coro(go())

    def first_then_close(self, name: str, /, *args: Any, **kwargs: Any) -> Any:
        """Read one chunk of a stream, then close it."""
        target = getattr(self.client, name)
        if self.kind == "sync":
            s = target(*args, stream=True, **kwargs)
            it = iter(s)
            first = next(it)
            s.close()
            return first

        async def go() -> Any:
            s = await target(*args, stream=True, **kwargs)
            it = s.__aiter__()
            first = await it.__anext__()
            await s.aclose()
            return first

        return self.run_coro(go())

    def close(self) -> None:
        if self.kind == "sync":
            self.client.close()
        else:
            self.run_coro(self.client.aclose())
            assert self._runner is not None
            self._runner.close()
