"""The default client behind module-level calls without one (``ollixir.chat(model=..., ...)``), as the
official client has: built on first use from ``OLLAMA_HOST`` and ``OLLAMA_API_KEY``, and built again
when either changes, so a test that sets them gets a client for the new server."""

from __future__ import annotations

import inspect
import os
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._core.config import ClientBase

if TYPE_CHECKING:
    import asyncio

    from .async_client import AsyncClient
    from .client import Client
    from .types import TypedResults

__all__ = ["close_default", "default", "default_async"]

_lock = threading.Lock()
_sync: tuple[tuple[str | None, str | None], Client[TypedResults]] | None = None
_async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[tuple[str | None, str | None], Any]] = (
    weakref.WeakKeyDictionary()
)


def _environment() -> tuple[str | None, str | None]:
    return os.environ.get("OLLAMA_HOST"), os.environ.get("OLLAMA_API_KEY")


def default() -> Client[TypedResults]:
    """The process's default :class:`Client` (thread-safe)."""
    global _sync
    from .client import Client

    env = _environment()
    with _lock:
        if _sync is None or _sync[0] != env:
            old, _sync = _sync, (env, Client())
            if old is not None:
                old[1].close()
        return _sync[1]


def close_default() -> None:
    """Close the default sync client's connections (a new one is built on next use)."""
    global _sync
    with _lock:
        old, _sync = _sync, None
    if old is not None:
        old[1].close()


def default_async() -> AsyncClient[TypedResults]:
    """The default :class:`AsyncClient` of the running event loop (an async pool belongs to one loop)."""
    import asyncio

    from .async_client import AsyncClient

    loop = asyncio.get_running_loop()
    env = _environment()
    entry = _async.get(loop)
    if entry is None or entry[0] != env:
        entry = (env, AsyncClient())
        _async[loop] = entry
    client: AsyncClient[TypedResults] = entry[1]
    return client


def _dispatch(name: str, kind: type[Any], make_default: Callable[[], Any]) -> Callable[..., Any]:
    """The module-level form of method ``name``: a client of ``kind`` first, or the default client."""
    method = getattr(kind, name)

    def operation(*args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], ClientBase):
            if not isinstance(args[0], kind):
                other = "ollixir" if kind.__name__ == "AsyncClient" else "ollixir.aio"
                raise TypeError(f"{name}() got a {type(args[0]).__name__}; use {other}.{name} with it")
            return getattr(args[0], name)(*args[1:], **kwargs)
        return getattr(make_default(), name)(*args, **kwargs)

    operation.__name__ = operation.__qualname__ = name
    # Lets tools.normalize_tool recognise ollixir.web_search/web_fetch passed as tools.
    operation.__ollixir_operation__ = name  # type: ignore[attr-defined]
    operation.__doc__ = method.__doc__
    # help() and IDEs see the method's parameters, with the client as an optional first argument.
    signature = inspect.signature(method)
    first = inspect.Parameter(
        "client", inspect.Parameter.POSITIONAL_ONLY, default=None, annotation=f"{kind.__name__} | None"
    )
    params = list(signature.parameters.values())[1:]
    operation.__signature__ = signature.replace(parameters=[first, *params])  # type: ignore[attr-defined]
    return operation
