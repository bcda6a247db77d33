"""``ollixir.init`` and ``ollixir.init_async``: the seed's constructors."""

from __future__ import annotations

from typing import Any, Literal, Unpack, overload

import httpx

from .._core.options import AsyncClientOptions, ClientOptions
from .async_client import AsyncClient
from .client import Client
from .types import DictResults, TypedResults

__all__ = ["init", "init_async"]


@overload
def init(
    target: str | httpx.Client | None = None,
    *,
    response_format: Literal["typed"] = "typed",
    **options: Unpack[ClientOptions],
) -> Client[TypedResults]: ...
@overload
def init(
    target: str | httpx.Client | None = None,
    *,
    response_format: Literal["dict"],
    **options: Unpack[ClientOptions],
) -> Client[DictResults]: ...
def init(target: Any = None, **options: Any) -> Any:
    """Create a :class:`Client`.

    ``target`` is the server: a URL (``"http://ollama.example.com:11434"``), a host without scheme
    (``"ollama.example.com"``, ``":11434"``, ``"[::1]"``), a URL ending in ``/api``, or an
    ``httpx.Client`` to use as is. Without one, ``OLLAMA_HOST`` is read, else
    ``http://127.0.0.1:11434``. Options: ``host=``/``base_url=`` (alternatives to ``target``),
    ``headers=`` (mapping or pairs), ``receive_timeout=`` (ms) or ``timeout=`` (s or
    ``httpx.Timeout``; default: 10 s to connect, no read timeout), ``api_key=`` (default
    ``OLLAMA_API_KEY``; sent as a bearer token; without one, web search and fetch go through the
    server's own proxy to ollama.com), ``cloud_url=`` (default ``OLLAMA_WEB_BASE_URL`` or
    ``https://ollama.com``), ``retry=`` (a :class:`RetryPolicy`, ``True`` or ``False``),
    ``response_format="dict"`` for plain dict results, and any other ``httpx.Client`` keyword.
    """
    return Client(target, **options)


@overload
def init_async(
    target: str | httpx.AsyncClient | None = None,
    *,
    response_format: Literal["typed"] = "typed",
    **options: Unpack[AsyncClientOptions],
) -> AsyncClient[TypedResults]: ...
@overload
def init_async(
    target: str | httpx.AsyncClient | None = None,
    *,
    response_format: Literal["dict"],
    **options: Unpack[AsyncClientOptions],
) -> AsyncClient[DictResults]: ...
def init_async(target: Any = None, **options: Any) -> Any:
    """Create an :class:`AsyncClient`; the same arguments as :func:`init`."""
    return AsyncClient(target, **options)
