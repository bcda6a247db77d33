"""Executor logic shared by the sync and async shells: turning transport failures and HTTP
statuses into ollixir errors, and deciding about retries. No I/O happens here."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from .._errors import ConnectionError, OllixirError, ResponseError, TimeoutError
from .call import NOT_SET, Call, error_for_status
from .retry import RetryPolicy, parse_retry_after

__all__ = [
    "ParsedUrls",
    "answer",
    "answers_unreachable",
    "log",
    "raw_body_stream",
    "retry_delay",
    "small_body_stream",
    "status_error",
    "timeout_for",
    "transport_error",
]

log = logging.getLogger("ollixir")


class ParsedUrls:
    """httpx parses a URL string on every request (about 7 µs, 2-3 % of a small call on loopback);
    a client talks to a handful of URLs, so each is parsed once. ``httpx.URL`` is immutable."""

    __slots__ = ("_parsed",)
    _LIMIT = 256  # blob URLs are one per digest; don't let them grow the cache without bound

    def __init__(self) -> None:
        self._parsed: dict[str, httpx.URL] = {}

    def __call__(self, url: str) -> httpx.URL:
        parsed = self._parsed.get(url)
        if parsed is None:
            parsed = httpx.URL(url)
            if len(self._parsed) < self._LIMIT:
                self._parsed[url] = parsed
        return parsed


def raw_body_stream(response: httpx.Response, kind: type[Any]) -> Any:
    """The transport's own byte stream when it carries the body exactly (no content encoding, not
    read yet, e.g. by a caller's response hook), else None.

    Iterating it directly skips httpx's per-piece decoder and re-chunker layers: about 0.3 µs per
    streamed line, and 51 pieces for a 3 MB embedding answer.
    """
    raw = response.stream
    if (
        isinstance(raw, kind)
        and not response.is_stream_consumed
        and "content-encoding" not in response.headers
    ):
        return raw
    return None


# Up to this size a whole body is joined straight from the transport's stream. Past it the saved
# layers are noise next to JSON parsing, and httpx's own read measured cheaper for a 3.3 MB
# embedding answer in fresh processes (half the page faults: httpx frees its copy later, so glibc
# does not hand the heap top back to the kernel and fault it in again on the next call).
_SMALL_BODY = 1 << 20


def small_body_stream(response: httpx.Response, kind: type[Any]) -> Any:
    """:func:`raw_body_stream` for an answer that declares a length of at most 1 MiB, else None."""
    length = response.headers.get("content-length")
    if length is None or not length.isdigit() or int(length) > _SMALL_BODY:
        return None
    return raw_body_stream(response, kind)


_HINT = (
    "check that Ollama is running there (`ollama serve`), or start the bundled test server with "
    "`ollixir serve-test`, and that OLLAMA_HOST / host= point at it"
)


def transport_error(exc: httpx.HTTPError, call: Call, url: str) -> ConnectionError:
    """A :class:`ConnectionError` naming the operation, the URL and what to check."""
    op = call.operation
    cause = str(exc) or type(exc).__name__
    err: ConnectionError
    if isinstance(exc, httpx.ConnectTimeout):
        err = TimeoutError(f"{op}: timed out connecting to {url}: {cause}; {_HINT}", url=url, operation=op)
        sent = False
    elif isinstance(exc, httpx.PoolTimeout):
        err = TimeoutError(f"{op}: no free connection to {url} in time: {cause}", url=url, operation=op)
        sent = False
    elif isinstance(exc, httpx.TimeoutException):
        err = TimeoutError(
            f"{op}: timed out waiting for {url} ({type(exc).__name__}): {cause}", url=url, operation=op
        )
        sent = True
    elif isinstance(exc, httpx.ConnectError):
        if "CERTIFICATE" in cause.upper() or "SSL" in cause.upper():
            what = f"TLS handshake with {url} failed: {cause}; check the server certificate or pass verify="
        else:
            what = f"cannot connect to {url}: {cause}; {_HINT}"
        err = ConnectionError(f"{op}: {what}", url=url, operation=op)
        sent = False
    elif isinstance(exc, httpx.RemoteProtocolError):
        err = ConnectionError(
            f"{op}: the server at {url} closed the connection unexpectedly: {cause}", url=url, operation=op
        )
        sent = True
    else:
        err = ConnectionError(
            f"{op}: connection to {url} failed ({type(exc).__name__}): {cause}", url=url, operation=op
        )
        sent = not isinstance(exc, httpx.ConnectError)
    err.request_sent = sent  # type: ignore[attr-defined]
    return err


def status_error(call: Call, response: httpx.Response, body: bytes) -> ResponseError:
    err = error_for_status(call.operation, response.status_code, body, response.reason_phrase)
    hint = call.hints.get(err.status) if call.hints else None
    if hint and (err.status != 404 or not body.lstrip().startswith(b"{")):
        err = ResponseError(
            err.error,
            status=err.status,
            operation=call.operation,
            body=err.body,
            signin_url=err.signin_url,
            hint=hint,
        )
    err.retry_after = parse_retry_after(response.headers.get("retry-after"))  # type: ignore[attr-defined]
    return err


def answer(call: Call, response: httpx.Response, body: bytes) -> Any:
    """The result of a non-streamed call from its status and body, or the error it amounts to."""
    status = response.status_code
    if status >= 300:
        if status == call.not_found_status and call.not_found is not NOT_SET:
            return call.not_found
        raise status_error(call, response, body)
    return call.read(status, body)


def answers_unreachable(call: Call, exc: OllixirError) -> bool:
    """Whether a call whose last attempt failed with ``exc`` returns its ``unreachable`` result instead of
    raising: the server could not be reached (refused, DNS, timeout, dropped) and the call asked for one."""
    if call.unreachable is NOT_SET or not isinstance(exc, ConnectionError):
        return False
    log.debug("ollixir: %s; answering %r", exc, call.unreachable)
    return True


def timeout_for(call: Call) -> Any:
    if call.timeout is NOT_SET:
        return httpx.USE_CLIENT_DEFAULT
    return call.timeout


def retry_delay(
    policy: RetryPolicy | None, call: Call, exc: OllixirError, attempt: int, url: str
) -> float | None:
    """Seconds to wait before the next attempt, or None to give up and raise ``exc``."""
    if policy is None or not call.idempotent or not policy.should_retry(exc, attempt):
        return None
    delay = policy.delay(attempt, getattr(exc, "retry_after", None))
    # The URL and the error's own text only: never headers, so no credentials reach the log.
    log.debug(
        "ollixir: %s %s %s failed on attempt %d/%d (%s); retrying in %.2fs",
        call.operation,
        call.method,
        url,
        attempt,
        policy.max_attempts,
        exc,
        delay,
    )
    return delay


def resolve_retry(call: Call, default: RetryPolicy | None) -> RetryPolicy | None:
    if call.retry is NOT_SET:
        return default
    if call.retry is True:
        return RetryPolicy()
    if call.retry is False or call.retry is None:
        return None
    return call.retry  # type: ignore[no-any-return]
