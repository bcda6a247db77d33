"""What one operation sends and how its answer is read: a plain value, free of I/O.

Builders in ``_ops`` turn user arguments into a :class:`Call`; the sync and async executors run it.
Everything that decides *meaning* (status handling, error messages, aggregation) lives here or in
``_ops`` so the two executors cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .._errors import ProtocolError, ResponseError
from .aggregate import Aggregator
from .blob import BlobSource
from .jsonbody import JsonStream
from .jsondecode import loads

__all__ = ["NOT_SET", "Call", "StreamSpec", "error_for_status", "raise_error_object", "read_json"]


class _NotSet:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_SET"


NOT_SET: Any = _NotSet()


@dataclass(slots=True, frozen=True)
class StreamSpec:
    """How a streaming answer is read: chunk conversion, folding, and the final conversion."""

    aggregator: Callable[[str], Aggregator]
    chunk: Callable[[dict[str, Any]], Any]
    final: Callable[[dict[str, Any]], Any]


@dataclass(slots=True, eq=False)
class Call:
    operation: str
    method: str
    path: str
    body: bytes | JsonStream | None = None
    # Non-streamed success: (status, body) -> result.
    read: Callable[[int, bytes], Any] = field(default=lambda status, body: None)
    stream: StreamSpec | None = None
    upload: BlobSource | None = None
    # Result to return on a 404 instead of raising (copy, delete, check_blob, preload, unload); the
    # status can be another one (signout: 401 means "was not signed in").
    not_found: Any = NOT_SET
    not_found_status: int = 404
    # Result to return when the server cannot be reached (refused, DNS, timeout, dropped) instead of
    # raising ConnectionError, once retries are exhausted (is_running).
    unreachable: Any = NOT_SET
    # Advice for an error status, set as the ResponseError's hint (401: how to sign in). A 404's
    # hint is for a server without the route, so it is used only when the answer is not a handler's
    # JSON error but a router's "404 page not found".
    hints: dict[int, str] | None = None
    cloud: bool = False
    # False for operations that must never be repeated automatically (push).
    idempotent: bool = True
    # Per-call overrides; NOT_SET means "use the client's setting".
    timeout: Any = NOT_SET
    retry: Any = NOT_SET
    headers: dict[str, str] | None = None


def read_json(operation: str, status: int, body: bytes) -> Any:
    """Decode a JSON body, treating an ``{"error": ...}`` object as a failure even under 2xx."""
    try:
        data = loads(body)
    except (ValueError, RecursionError) as exc:
        snippet = body[:200].decode("utf-8", "replace")
        raise ProtocolError(
            f"the server's answer is not valid JSON ({exc}): {snippet!r}", status=status, operation=operation
        ) from None
    raise_error_object(operation, status, body, data)
    return data


def raise_error_object(operation: str, status: int, body: bytes, data: Any) -> None:
    """Raise the :class:`ResponseError` an ``{"error": ...}`` answer stands for, even under 2xx."""
    if type(data) is dict and "error" in data and len(data) <= 2 and isinstance(data["error"], str):
        raise ResponseError(
            data["error"],
            status=status,
            operation=operation,
            body=body.decode("utf-8", "replace"),
            signin_url=_signin_url(data),
        )


def _signin_url(data: dict[str, Any]) -> str | None:
    url = data.get("signin_url")
    return url if isinstance(url, str) and url else None


def error_for_status(operation: str, status: int, body: bytes, reason: str = "") -> ResponseError:
    """The :class:`ResponseError` for an HTTP error status, with the server's message when it gave one.

    Ollama sends ``{"error": "..."}``; proxies and routers send text or nothing at all.
    """
    text = body.decode("utf-8", "replace")
    message = ""
    signin_url = None
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("error"), str):
            message = data["error"]
            signin_url = _signin_url(data)
    if not message:
        if stripped:
            message = stripped if len(stripped) <= 500 else stripped[:500] + "..."
        else:
            message = reason or f"HTTP {status} with an empty body"
    return ResponseError(message, status=status, operation=operation, body=text, signin_url=signin_url)
