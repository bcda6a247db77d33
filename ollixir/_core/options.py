"""The keyword options of the client constructors, declared once for the type checker and checked at
run time: ollixir's own settings plus the ``httpx`` options passed through to its client.

A misspelt option fails ``mypy`` (the constructors take ``**options: Unpack[...]``) and raises a
``TypeError`` naming the closest known option before any client is built.
"""

from __future__ import annotations

import difflib
import ssl
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypedDict

import httpx

from .retry import RetryPolicy

__all__ = ["AsyncClientOptions", "ClientOptions", "check_options"]

HeadersLike = Mapping[str, str] | Iterable[tuple[str, str]]


class _Common(TypedDict, total=False):
    host: str | None
    base_url: str | None
    headers: HeadersLike | None
    receive_timeout: float | None
    timeout: float | httpx.Timeout | None
    api_key: str | None
    cloud_url: str | None
    retry: RetryPolicy | bool | None
    # httpx's own options, passed through to the connection pool.
    verify: ssl.SSLContext | str | bool
    cert: str | tuple[str, str] | tuple[str, str, str] | None
    proxy: str | httpx.URL | httpx.Proxy | None
    limits: httpx.Limits
    http1: bool
    http2: bool
    trust_env: bool
    follow_redirects: bool
    max_redirects: int
    default_encoding: str | Callable[[bytes], str]
    cookies: httpx.Cookies | Mapping[str, str] | None
    params: Mapping[str, str] | None
    auth: httpx.Auth | tuple[str, str] | None


class ClientOptions(_Common, total=False):
    """Options of :class:`~ollixir.Client` and :func:`~ollixir.init`."""

    transport: httpx.BaseTransport | None
    mounts: Mapping[str, httpx.BaseTransport | None] | None
    event_hooks: Mapping[str, list[Callable[..., Any]]] | None


class AsyncClientOptions(_Common, total=False):
    """Options of :class:`~ollixir.AsyncClient` and :func:`~ollixir.init_async`."""

    transport: httpx.AsyncBaseTransport | None
    mounts: Mapping[str, httpx.AsyncBaseTransport | None] | None
    event_hooks: Mapping[str, list[Callable[..., Any]]] | None


_KNOWN = frozenset(ClientOptions.__annotations__) | {"response_format"}


def check_options(options: Mapping[str, object], where: str) -> None:
    """Raise ``TypeError`` for an option no constructor takes, with the closest known one as a hint."""
    for name in options:
        if name not in _KNOWN:
            close = difflib.get_close_matches(name, sorted(_KNOWN), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise TypeError(f"{where}() got an unexpected keyword argument {name!r}{hint}")
