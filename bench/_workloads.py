"""What each benchmarked client does for each case, written the way a user of that client would.

Every operation returns how many units it handled (1 per call, or the number of streamed chunks)
so the worker can check that each client really consumed the whole answer.

Clients:
  raw / raw_async           httpx.Client / httpx.AsyncClient, ``.post(...).json()``: the floor
  raw_again                 the same code as raw in another process: an A/A control showing how
                            much two identical clients differ from process to process (noise)
  ollama / ollama_async     the official ``ollama`` package
  ollixir / ollixir_async   this project
  ollixir_dict              ollixir with response_format="dict": the cost of typed results, isolated
  ollixir_nospeedups        ollixir with orjson hidden, as without the `speedups` extra (embed only)
  ollixir_f32               ollixir's embed(..., dtype="float32"), the vectors as one NumPy array (embed only)
  raw_aiohttp, ollixir_aiohttp  the async ones on ``httpx_aiohttp.AiohttpTransport`` (if installed)
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ASYNC_CLIENTS",
    "SYNC_CLIENTS",
    "AsyncOps",
    "Env",
    "SyncOps",
    "async_ops",
    "sync_ops",
]

MODEL = "llama3.2"
MESSAGES: list[dict[str, Any]] = [{"role": "user", "content": "Why is the sky blue?"}]

SYNC_CLIENTS = ("raw", "raw_again", "ollama", "ollixir", "ollixir_dict", "ollixir_nospeedups", "ollixir_f32")
ASYNC_CLIENTS = ("raw_async", "ollama_async", "ollixir_async", "raw_aiohttp", "ollixir_aiohttp")


@dataclass(slots=True)
class Env:
    url: str
    embed_rows: int
    # Read at call time, so the worker can warm up on a small file before the big one.
    blob_path: str


def embed_input(rows: int) -> list[str]:
    return [f"document {i}: a short passage of text to embed for retrieval" for i in range(rows)]


SyncOp = Callable[[], int]
AsyncOp = Callable[[], Awaitable[int]]


@dataclass(slots=True)
class SyncOps:
    ops: Mapping[str, SyncOp]
    close: Callable[[], None]


@dataclass(slots=True)
class AsyncOps:
    ops: Mapping[str, AsyncOp]
    close: Callable[[], Awaitable[None]]


# --- sync ------------------------------------------------------------------------------------


def sync_ops(client: str, env: Env) -> SyncOps:
    if client in ("raw", "raw_again"):
        return _raw(env)
    if client == "ollama":
        return _ollama(env)
    if client == "ollixir":
        return _ollixir(env, typed=True)
    if client == "ollixir_dict":
        return _ollixir(env, typed=False)
    if client == "ollixir_nospeedups":
        # The worker hid orjson before anything imported ollixir (see _worker.main).
        return _ollixir(env, typed=True)
    if client == "ollixir_f32":
        return _ollixir(env, typed=True, dtype="float32")
    raise ValueError(f"unknown sync client {client!r}")


def _raw(env: Env) -> SyncOps:
    import httpx

    http = httpx.Client(base_url=env.url, timeout=60)
    inputs = embed_input(env.embed_rows)

    def chat() -> int:
        http.post("/api/chat", json={"model": MODEL, "messages": MESSAGES, "stream": False}).json()
        return 1

    def stream() -> int:
        n = 0
        body = {"model": MODEL, "messages": MESSAGES, "stream": True}
        with http.stream("POST", "/api/chat", json=body) as r:
            for line in r.iter_lines():
                if line:
                    json.loads(line)
                    n += 1
        return n

    def list_() -> int:
        http.get("/api/tags").json()
        return 1

    def embed() -> int:
        http.post("/api/embed", json={"model": MODEL, "input": inputs}).json()
        return 1

    def blob() -> int:
        with open(env.blob_path, "rb") as f:
            digest = "sha256:" + hashlib.file_digest(f, "sha256").hexdigest()
        # The same HEAD-then-upload dance ollixir does, so the comparison is like for like.
        if http.head(f"/api/blobs/{digest}").status_code != 200:
            with open(env.blob_path, "rb") as f:
                http.post(f"/api/blobs/{digest}", content=f).raise_for_status()
        return 1

    ops = {"chat": chat, "stream": stream, "list": list_, "embed": embed, "blob": blob}
    return SyncOps(ops, http.close)


def _ollama(env: Env) -> SyncOps:
    import ollama

    c = ollama.Client(host=env.url)
    inputs = embed_input(env.embed_rows)

    def chat() -> int:
        c.chat(MODEL, messages=MESSAGES)
        return 1

    def stream() -> int:
        n = 0
        for _ in c.chat(MODEL, messages=MESSAGES, stream=True):
            n += 1
        return n

    def list_() -> int:
        c.list()
        return 1

    def embed() -> int:
        c.embed(MODEL, input=inputs)
        return 1

    def blob() -> int:
        c.create_blob(env.blob_path)
        return 1

    ops = {"chat": chat, "stream": stream, "list": list_, "embed": embed, "blob": blob}
    return SyncOps(ops, c._client.close)


def _ollixir(env: Env, *, typed: bool, dtype: str | None = None) -> SyncOps:
    import ollixir

    c: ollixir.Client[Any] = (
        ollixir.Client(env.url) if typed else ollixir.Client(env.url, response_format="dict")
    )
    inputs = embed_input(env.embed_rows)

    def chat() -> int:
        c.chat(MODEL, MESSAGES)
        return 1

    def stream() -> int:
        n = 0
        with c.chat(MODEL, MESSAGES, stream=True) as s:
            for _ in s:
                n += 1
        return n

    def list_() -> int:
        c.list_models()
        return 1

    def embed() -> int:
        if dtype is None:
            c.embed(MODEL, inputs)
        else:
            c.embed(MODEL, inputs, dtype=dtype)  # type: ignore[call-overload]
        return 1

    def blob() -> int:
        c.create_blob(env.blob_path)
        return 1

    ops = {"chat": chat, "stream": stream, "list": list_, "embed": embed, "blob": blob}
    return SyncOps(ops, c.close)


# --- async -----------------------------------------------------------------------------------


def async_ops(client: str, env: Env) -> AsyncOps:
    if client == "raw_async":
        return _raw_async(env, aiohttp=False)
    if client == "raw_aiohttp":
        return _raw_async(env, aiohttp=True)
    if client == "ollama_async":
        return _ollama_async(env)
    if client == "ollixir_async":
        return _ollixir_async(env, aiohttp=False)
    if client == "ollixir_aiohttp":
        return _ollixir_async(env, aiohttp=True)
    raise ValueError(f"unknown async client {client!r}")


def aiohttp_available() -> bool:
    try:
        import httpx_aiohttp  # noqa: F401
    except ImportError:
        return False
    return True


def _aiohttp_transport() -> Any:
    from httpx_aiohttp import AiohttpTransport

    return AiohttpTransport()


def _raw_async(env: Env, *, aiohttp: bool) -> AsyncOps:
    import httpx

    transport = _aiohttp_transport() if aiohttp else None
    http = httpx.AsyncClient(base_url=env.url, transport=transport, timeout=60)
    inputs = embed_input(env.embed_rows)

    async def chat() -> int:
        body = {"model": MODEL, "messages": MESSAGES, "stream": False}
        (await http.post("/api/chat", json=body)).json()
        return 1

    async def stream() -> int:
        n = 0
        body = {"model": MODEL, "messages": MESSAGES, "stream": True}
        async with http.stream("POST", "/api/chat", json=body) as r:
            async for line in r.aiter_lines():
                if line:
                    json.loads(line)
                    n += 1
        return n

    async def list_() -> int:
        (await http.get("/api/tags")).json()
        return 1

    async def embed() -> int:
        (await http.post("/api/embed", json={"model": MODEL, "input": inputs})).json()
        return 1

    async def blob() -> int:
        def digest_of() -> str:
            with open(env.blob_path, "rb") as f:
                return "sha256:" + hashlib.file_digest(f, "sha256").hexdigest()

        digest = await asyncio.to_thread(digest_of)
        if (await http.head(f"/api/blobs/{digest}")).status_code != 200:
            f = await asyncio.to_thread(open, env.blob_path, "rb")
            try:

                async def chunks() -> AsyncIterator[bytes]:
                    while data := await asyncio.to_thread(f.read, 1 << 22):
                        yield data

                (await http.post(f"/api/blobs/{digest}", content=chunks())).raise_for_status()
            finally:
                f.close()
        return 1

    ops = {"chat": chat, "stream": stream, "list": list_, "embed": embed, "blob": blob}
    return AsyncOps(ops, http.aclose)


def _ollama_async(env: Env) -> AsyncOps:
    import ollama

    c = ollama.AsyncClient(host=env.url)
    inputs = embed_input(env.embed_rows)

    async def chat() -> int:
        await c.chat(MODEL, messages=MESSAGES)
        return 1

    async def stream() -> int:
        n = 0
        async for _ in await c.chat(MODEL, messages=MESSAGES, stream=True):
            n += 1
        return n

    async def list_() -> int:
        await c.list()
        return 1

    async def embed() -> int:
        await c.embed(MODEL, input=inputs)
        return 1

    async def blob() -> int:
        await c.create_blob(env.blob_path)
        return 1

    ops = {"chat": chat, "stream": stream, "list": list_, "embed": embed, "blob": blob}
    return AsyncOps(ops, c._client.aclose)


def _ollixir_async(env: Env, *, aiohttp: bool) -> AsyncOps:
    import ollixir

    kwargs: dict[str, Any] = {"transport": _aiohttp_transport()} if aiohttp else {}
    c = ollixir.AsyncClient(env.url, **kwargs)
    inputs = embed_input(env.embed_rows)

    async def chat() -> int:
        await c.chat(MODEL, MESSAGES)
        return 1

    async def stream() -> int:
        n = 0
        async with await c.chat(MODEL, MESSAGES, stream=True) as s:
            async for _ in s:
                n += 1
        return n

    async def list_() -> int:
        await c.list_models()
        return 1

    async def embed() -> int:
        await c.embed(MODEL, inputs)
        return 1

    async def blob() -> int:
        await c.create_blob(env.blob_path)
        return 1

    ops = {"chat": chat, "stream": stream, "list": list_, "embed": embed, "blob": blob}
    return AsyncOps(ops, c.aclose)
