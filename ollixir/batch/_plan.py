"""The scheduling of a batch job, free of I/O: which batch goes to which host, what to do with a
failure, and which finished batches can be handed out in input order.

The sync (threads) and async (tasks) shells both drive one :class:`Plan`, so they cannot drift apart.

* **Batches** are cut lazily from the input iterator, so at most ``window`` batches exist at once
  (running, waiting to be retried, or finished but not yet handed out): memory stays bounded for any
  corpus size.
* **Hosts** each have ``concurrency`` slots. A host whose speed is not known yet gets one batch (a
  probe); after that, free slots are filled fastest host first (seconds per text, a moving average),
  so each host's share follows its speed. A host much slower than the fastest one
  (:data:`MAX_SLOWDOWN` times, or as many times as the window holds batches per fast slot) is left
  idle: every batch it held would stall the in-order output.
* **Failures**: a host whose call failed (after the client's own retries) is taken out for the rest
  of the job and its batch goes back to the front of the queue for the others. Only a ``400`` (the
  input itself is wrong, and every host would say so) stops the job at once; so does running out of
  hosts. Either raises :class:`BatchError` with ``resume_from``, the offset to restart from.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn

from .._errors import OllixirError, ProtocolError, RequestError, ResponseError

__all__ = ["MAX_SLOWDOWN", "Batch", "BatchError", "EmbedBatch", "HostState", "HostStats", "Plan"]

MAX_SLOWDOWN = 4.0
_EWMA = 0.3  # weight of the newest measurement in a host's seconds per text


class BatchError(OllixirError):
    """A batch job stopped: no host could embed a batch, or the input was refused.

    ``errors`` maps each failed host's URL to its error (the last one is also ``__cause__``);
    ``resume_from`` is the absolute index of the first text not handed out yet: pass it as
    ``start=`` to carry on where the job stopped.
    """

    def __init__(self, message: str, *, errors: dict[str, BaseException], resume_from: int) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors
        self.resume_from = resume_from


@dataclass(frozen=True, slots=True)
class EmbedBatch:
    """One finished batch: the texts ``[start, stop)`` of the input (absolute indices, so resumed jobs
    keep counting from where they started) and their vectors, in input order.

    ``embeddings`` is a list of lists of floats, or a NumPy array when the job was given ``dtype=``;
    ``host`` is the base URL of the server that answered.
    """

    start: int
    stop: int
    embeddings: Any
    host: str

    def __len__(self) -> int:
        return self.stop - self.start


@dataclass(frozen=True, slots=True)
class HostStats:
    """How one host did in a job (``job.hosts``)."""

    url: str
    batches: int
    texts: int
    seconds_per_text: float | None
    in_flight: int
    error: BaseException | None

    @property
    def removed(self) -> bool:
        """The host failed and was taken out of the job."""
        return self.error is not None


@dataclass(slots=True, eq=False)
class Batch:
    index: int
    start: int
    texts: list[str]


@dataclass(slots=True, eq=False)
class HostState:
    client: Any
    url: str
    slots: int
    in_flight: int = 0
    batches: int = 0
    texts: int = 0
    seconds_per_text: float | None = None
    error: BaseException | None = None

    @property
    def alive(self) -> bool:
        return self.error is None

    def stats(self) -> HostStats:
        return HostStats(
            self.url, self.batches, self.texts, self.seconds_per_text, self.in_flight, self.error
        )


def _vectors(result: Any) -> Any:
    return result["embeddings"] if isinstance(result, dict) else result.embeddings


@dataclass(slots=True, eq=False)
class Plan:
    hosts: list[HostState]
    texts: Iterator[str]
    start: int
    batch_size: int
    window: int
    next_index: int = 0  # the next batch to cut from the input
    next_out: int = 0  # the next batch to hand out
    handed_out: int = 0  # texts handed out so far (absolute index of the next one)
    exhausted: bool = False
    retry: collections.deque[Batch] = field(default_factory=collections.deque)
    finished: dict[int, EmbedBatch] = field(default_factory=dict)
    _cut: int = 0  # texts cut into batches so far

    def __post_init__(self) -> None:
        self.handed_out = self.start
        self._cut = self.start

    # -- dispatch ------------------------------------------------------------------------------------

    def _new_batch(self) -> Batch | None:
        if self.exhausted or self.next_index - self.next_out >= self.window:
            return None
        texts = list(itertools.islice(self.texts, self.batch_size))
        for offset, text in enumerate(texts):
            if not isinstance(text, str):
                position = self._cut + offset
                raise RequestError(
                    f"texts[{position}] must be a string, got {type(text).__name__}", param="texts"
                )
        if len(texts) < self.batch_size:
            self.exhausted = True
        if not texts:
            return None
        batch = Batch(self.next_index, self._cut, texts)
        self.next_index += 1
        self._cut += len(texts)
        return batch

    def _host_for_next(self) -> HostState | None:
        alive = [h for h in self.hosts if h.alive]
        known = [h.seconds_per_text for h in alive if h.seconds_per_text is not None]
        best = min(known) if known else None
        candidates: list[HostState] = []
        for host in alive:
            if host.seconds_per_text is None:
                if host.in_flight == 0:  # probe an unmeasured host with one batch
                    candidates.append(host)
            elif host.in_flight < host.slots and (
                best is None or host.seconds_per_text <= best * self._slowdown_allowed()
            ):
                candidates.append(host)
        if not candidates:
            return None
        # Unmeasured hosts first (their probe), then the fastest; ties go to the least busy.
        return min(
            candidates,
            key=lambda h: (h.seconds_per_text is not None, h.seconds_per_text or 0.0, h.in_flight),
        )

    def _slowdown_allowed(self) -> float:
        fastest = min(
            (h for h in self.hosts if h.alive and h.seconds_per_text is not None),
            key=lambda h: h.seconds_per_text or 0.0,
        )
        return max(MAX_SLOWDOWN, self.window / max(1, fastest.slots))

    def assign(self) -> list[tuple[Batch, HostState]]:
        """Batches to start now, each with its host (whose ``in_flight`` is already counted)."""
        out: list[tuple[Batch, HostState]] = []
        while True:
            host = self._host_for_next()
            if host is None:
                return out
            batch = self.retry.popleft() if self.retry else self._new_batch()
            if batch is None:
                return out
            host.in_flight += 1
            out.append((batch, host))

    # -- results -------------------------------------------------------------------------------------

    def succeeded(self, batch: Batch, host: HostState, result: Any, seconds: float) -> None:
        host.in_flight -= 1
        vectors = _vectors(result)
        if len(vectors) != len(batch.texts):
            error = ProtocolError(
                f"answered {len(vectors)} vectors for {len(batch.texts)} texts", status=200, operation="embed"
            )
            self._host_failed(batch, host, error)
            return
        per_text = seconds / len(batch.texts)
        old = host.seconds_per_text
        host.seconds_per_text = per_text if old is None else old + _EWMA * (per_text - old)
        host.batches += 1
        host.texts += len(batch.texts)
        self.finished[batch.index] = EmbedBatch(
            batch.start, batch.start + len(batch.texts), vectors, host.url
        )

    def failed(self, batch: Batch, host: HostState, error: BaseException) -> None:
        """Take ``host`` out and queue ``batch`` again; raise :class:`BatchError` when the job cannot go on."""
        host.in_flight -= 1
        if isinstance(error, RequestError):
            raise error  # our own check of the arguments: no host would do better
        if isinstance(error, ResponseError) and error.status == 400 and not isinstance(error, ProtocolError):
            self._stop(
                f"{host.url} refused texts {batch.start}..{batch.start + len(batch.texts) - 1}: {error}",
                {host.url: error},
                error,
            )
        if not isinstance(error, Exception):
            raise error  # KeyboardInterrupt and the like are not the host's fault
        self._host_failed(batch, host, error)

    def _host_failed(self, batch: Batch, host: HostState, error: BaseException) -> None:
        if host.error is None:
            host.error = error
        # Back to the front, oldest first: the in-order output is waiting for it.
        self.retry.append(batch)
        self.retry = collections.deque(sorted(self.retry, key=lambda b: b.index))
        if not any(h.alive for h in self.hosts):
            errors = {h.url: h.error for h in self.hosts if h.error is not None}
            details = "; ".join(f"{url}: {exc}" for url, exc in errors.items())
            self._stop(f"every host failed ({details})", errors, error)

    def _stop(self, message: str, errors: dict[str, BaseException], cause: BaseException) -> NoReturn:
        error = BatchError(
            f"embedding stopped at text {self.handed_out}: {message}",
            errors=errors,
            resume_from=self.handed_out,
        )
        raise error from cause

    def ready(self) -> list[EmbedBatch]:
        """Finished batches that can be handed out now, in input order."""
        out: list[EmbedBatch] = []
        while self.next_out in self.finished:
            item = self.finished.pop(self.next_out)
            self.next_out += 1
            self.handed_out = item.stop
            out.append(item)
        return out

    def running(self) -> int:
        return sum(h.in_flight for h in self.hosts)

    def complete(self) -> bool:
        return self.exhausted and not self.retry and self.next_out == self.next_index and not self.running()

    def stats(self) -> list[HostStats]:
        return [h.stats() for h in self.hosts]


def host_url(client: Any) -> str:
    url = getattr(client, "base_url", None)
    return url if isinstance(url, str) else repr(client)


def skip(texts: Any, start: int) -> Iterator[str]:
    """The texts from ``start`` on: sliced for a sequence, read past for any other iterable."""
    if isinstance(texts, Sequence) and not isinstance(texts, str | bytes):
        return (texts[i] for i in range(start, len(texts)))
    return itertools.islice(iter(texts), start, None)
