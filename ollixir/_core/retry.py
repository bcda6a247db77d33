"""Retry policy: which failures are worth another attempt, and how long to wait before it.

Pure decisions only; the sync and async executors do the sleeping.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from .._errors import ConnectionError, OllixirError, ResponseError

__all__ = ["RETRY_STATUSES", "RetryPolicy", "is_retryable", "parse_retry_after"]

RETRY_STATUSES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})


def is_retryable(exc: BaseException) -> bool:
    """The default predicate: a connection that failed before the request went out, or a
    response status that says "try again" (408, 429, 500, 502, 503, 504).

    A mid-stream error line or a dropped stream is not retryable here: the operation may have had
    effects already, and a stream that delivered chunks must not be replayed.
    """
    if isinstance(exc, ConnectionError):
        return not getattr(exc, "request_sent", True)
    if isinstance(exc, ResponseError):
        return exc.status in RETRY_STATUSES and not getattr(exc, "mid_stream", False)
    return False


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Opt-in retries with exponential backoff and full jitter.

    ``max_attempts`` counts the first try. The wait before attempt ``n + 1`` is a random value in
    ``[0, min(max_delay, base_delay * 2**(n - 1))]``, or the server's ``Retry-After`` when it asks for
    longer (capped at ``max_delay``). ``retry_if`` replaces the default predicate (:func:`is_retryable`).
    """

    max_attempts: int = 3
    base_delay: float = 1.0
    max_delay: float = 30.0
    jitter: bool = True
    retry_if: Callable[[BaseException], bool] | None = None
    statuses: Collection[int] = field(default=RETRY_STATUSES)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("delays must not be negative")

    def should_retry(self, exc: OllixirError, attempt: int) -> bool:
        if attempt >= self.max_attempts:
            return False
        if self.retry_if is not None:
            return bool(self.retry_if(exc))
        if isinstance(exc, ResponseError) and not isinstance(exc, ConnectionError):
            return exc.status in self.statuses and not getattr(exc, "mid_stream", False)
        return is_retryable(exc)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        backoff = min(self.max_delay, self.base_delay * (2 ** max(0, attempt - 1)))
        wait = random.uniform(0.0, backoff) if self.jitter else backoff
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_delay))
        return wait
