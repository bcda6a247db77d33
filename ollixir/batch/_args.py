"""The arguments of a batch job, checked before any traffic (shared by the sync and async jobs)."""

from __future__ import annotations

from collections.abc import Iterable, Sized
from dataclasses import dataclass
from typing import Any

from .. import _ops
from .._errors import RequestError
from .._ops import validate as v
from ._plan import HostState, Plan, host_url, skip
from ._progress import ProgressLike, check_progress

__all__ = ["JobArgs", "check_job", "embed_kwargs"]

_CALL_OPTIONS = ("timeout", "retry")


@dataclass(frozen=True, slots=True)
class JobArgs:
    clients: list[Any]
    model: str
    batch_size: int
    concurrency: int
    window: int
    start: int
    total: int | None
    progress: ProgressLike
    # Passed to every embed call: dtype, truncate, dimensions, keep_alive, options, timeout, retry.
    embed_kwargs: dict[str, Any]

    def plan(self, texts: Iterable[str]) -> Plan:
        hosts = [HostState(c, host_url(c), self.concurrency) for c in self.clients]
        return Plan(hosts, skip(texts, self.start), self.start, self.batch_size, self.window)


def _positive(value: object, param: str, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RequestError(f"{param} must be an integer of at least {minimum}, got {value!r}", param=param)
    return value


def check_job(
    clients: object,
    texts: object,
    *,
    client_type: type,
    other_type: type,
    other_function: str,
    model: object,
    batch_size: object,
    concurrency: object,
    window: object,
    start: object,
    total: object,
    progress: object,
    embed_kwargs: dict[str, Any],
) -> JobArgs:
    listed: list[Any] = list(clients) if isinstance(clients, list | tuple) else [clients]
    if not listed:
        raise RequestError("give at least one client", param="clients")
    for client in listed:
        if isinstance(client, other_type):
            raise RequestError(
                f"{type(client).__name__} is for {other_function}(); this function takes "
                f"{client_type.__name__} objects",
                param="clients",
            )
        if not isinstance(client, client_type):
            raise RequestError(
                f"clients must be {client_type.__name__} objects, got {type(client).__name__}",
                param="clients",
            )
    if isinstance(texts, str | bytes) or not isinstance(texts, Iterable):
        raise RequestError("texts must be an iterable of strings (not one string)", param="texts")
    name = v.check_model(model)
    size = _positive(batch_size, "batch_size")
    width = _positive(concurrency, "concurrency")
    offset = _positive(start, "start", 0)
    depth = 2 * width * len(listed) if window is None else _positive(window, "window")
    if total is not None:
        total = _positive(total, "total", 0)
    elif isinstance(texts, Sized):
        total = len(texts)
    if total is not None and offset > total:
        raise RequestError(f"start={offset} is past the end of the {total} texts", param="start")
    # Build one call now, so bad options (and dtype without numpy) fail before any traffic.
    options = {k: v for k, v in embed_kwargs.items() if k not in _CALL_OPTIONS}
    _ops.embed(True, name, ["probe"], **options)
    return JobArgs(
        listed, name, size, width, max(1, depth), offset, total, check_progress(progress), embed_kwargs
    )


def embed_kwargs(*values: object) -> dict[str, Any]:
    """The embed options given (not None), by name, in the order of the job functions' parameters."""
    names = ("dtype", "truncate", "dimensions", "keep_alive", "options", "timeout", "retry")
    return {name: value for name, value in zip(names, values, strict=True) if value is not None}
