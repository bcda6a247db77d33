"""Fault injection for reliability tests, and the log of received requests.

What each fault does, which requests it matches and how often it fires is documented once, on
:class:`Faults` (the public face of this module, ``server.faults``).
"""

from __future__ import annotations

import enum
import fnmatch
import glob
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ollixir_api.api import operation

__all__ = ["Fault", "FaultKind", "Faults", "RecordedRequest"]


class FaultKind(enum.Enum):
    """The kinds of fault, named like the :class:`Faults` helpers that add them."""

    FAIL = "fail"
    ERROR_BODY = "error_body"
    CLOSE_BEFORE_HEADERS = "close_before_headers"
    DELAY_HEADERS = "delay_headers"
    ERROR_LINE = "error_line"
    DROP = "drop"
    MALFORMED_LINE = "malformed_line"
    SLOW_STREAM = "slow_stream"
    HUGE_LINE = "huge_line"
    TRUNCATED_BODY = "truncated_body"
    GZIP = "gzip"


PRE_KINDS = frozenset(
    {FaultKind.FAIL, FaultKind.ERROR_BODY, FaultKind.CLOSE_BEFORE_HEADERS, FaultKind.DELAY_HEADERS}
)
STREAM_KINDS = frozenset(
    {
        FaultKind.ERROR_LINE,
        FaultKind.DROP,
        FaultKind.MALFORMED_LINE,
        FaultKind.SLOW_STREAM,
        FaultKind.HUGE_LINE,
        FaultKind.GZIP,
    }
)
BODY_KINDS = frozenset({FaultKind.TRUNCATED_BODY, FaultKind.HUGE_LINE, FaultKind.GZIP})


@dataclass
class Fault:
    """One injected fault (see :class:`Faults`); ``hits`` counts the requests it has affected so far.

    ``operation`` (or ``path``/``method``) and ``times`` choose the requests; the other fields are the
    settings of its kind. A fault built with ``operation`` fills ``path`` and ``method`` in from the
    operation table; giving both, or an id openapi.yaml does not have, raises ``ValueError``.
    """

    kind: FaultKind
    path: str | None = None
    method: str | None = None
    times: int | None = 1
    status: int = 500
    message: str | None = None
    body: Literal["json", "text", "empty"] = "json"
    retry_after: str | None = None
    after: int = 0
    size: int = 0
    delay: float = 0.0
    text: str = '{"model":"broken'
    fraction: float = 0.5
    close: bool = False
    operation: str | None = None
    hits: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.operation is not None:
            self.path, self.method = operation_target(self.operation, self.path, self.method)

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method:
            return False
        return self.path is None or fnmatch.fnmatchcase(path, self.path)

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times


def operation_target(operation_id: str, path: str | None, method: str | None) -> tuple[str, str]:
    """The ``path`` pattern and ``method`` a fault on ``operation_id`` matches.

    Raises ``ValueError`` naming the id when openapi.yaml has no such operation, or when ``path`` or
    ``method`` is given too (two ways of choosing the requests that could disagree).
    """
    if path is not None or method is not None:
        raise ValueError(f"a fault takes operation={operation_id!r} or path/method, not both")
    try:
        op = operation(operation_id)
    except KeyError:
        raise ValueError(f"operation {operation_id!r} is not an operation of openapi.yaml") from None
    # A path parameter matches any value; literal parts are escaped so they match only themselves.
    parts = ("*" if part.startswith("{") else glob.escape(part) for part in op.path.split("/"))
    return "/".join(parts), op.method


_DEFAULT_MESSAGES: Mapping[int, str] = {
    429: "rate limit exceeded",
    499: "request canceled",
    500: "internal server error",
    502: "bad gateway",
    503: "server busy, please try again.  maximum pending requests exceeded",
}


class Faults:
    """The server's fault plan (``server.faults``): what goes wrong, for which requests, how often.

    Add faults with the helpers below (each returns the :class:`Fault` it added, whose ``hits`` counts
    the requests it affected); :meth:`clear` removes them all (``server.reset()`` and the
    ``ollama_server`` fixture do too). Example: ``server.faults.fail(503, operation="chat", times=2)``
    answers the next two chat requests with 503, then chat works again.

    Every fault matches requests by ``operation`` (an operation id of openapi.yaml, e.g. ``"chat"`` or
    ``"create_blob"``: that operation's method and path, any value in a path parameter), or else by ``path``
    (an ``fnmatch`` pattern on the decoded path, e.g. ``"/v1/*"`` for the compatibility routes, which are
    no operations; None matches all) and ``method`` (None matches all), and affects the next ``times``
    matching requests (None: every one until :meth:`Faults.clear`). A request is only
    counted against a fault when the fault actually applies to it: stream faults wait for a streamed
    (NDJSON) response, body faults for a single-object response.

    ==========================  =======  ===================================================================
    helper                      applies  effect
    ==========================  =======  ===================================================================
    ``fail``                    always   answer ``status`` at once (JSON ``{"error"}``, plain text or empty
                                         body; optional ``Retry-After``); the request body is discarded
    ``error_body``              always   200 with a JSON body ``{"error": message}``
    ``close_before_headers``    always   read the request, then close the connection without answering
    ``delay_headers``           always   wait ``seconds`` before handling (nothing is sent meanwhile)
    ``error_line``              stream   after ``after`` lines, a final ``{"error": message}`` line
    ``drop``                    stream   after ``after`` lines, close the connection abruptly
    ``malformed_line``          stream   after ``after`` lines, the line ``text`` (not JSON), then go on
    ``slow_stream``             stream   wait ``delay`` seconds before every line after the first
    ``huge_line``               both     stream: after ``after`` lines, one line of exactly ``size`` bytes
                                         (newline included) whose text field is padded with ``x``; single
                                         object: the body padded to ``size`` bytes the same way
    ``gzip``                    both     answer with ``Content-Encoding: gzip``, as a compressing proxy in
                                         front of Ollama would: single objects compressed whole, stream
                                         lines each flushed as they are written
    ``truncated_body``          body     send only ``fraction`` of the JSON body; with ``close`` the
                                         ``Content-Length`` announces the full body and the connection is
                                         closed early (a transport error), else it matches the cut body (a
                                         JSON error)
    ==========================  =======  ===================================================================

    Stream faults whose line count is never reached fire at the end of the stream instead.

    On the /v1 compatibility routes, ``fail`` with a JSON body answers in that protocol's error shape, the
    stream faults count server-sent events instead of lines, ``malformed_line`` sends ``data: <text>``, and
    ``error_line`` ends the stream the way Ollama does when the model fails mid-answer (its writer turns the
    native ``{"error"}`` line into an empty chunk: an empty OpenAI chunk, no event at all for the
    Responses and Anthropic streams).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Add a fault built by hand (the helpers below are easier)."""
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every fault."""
        with self._lock:
            self._faults.clear()

    def __iter__(self) -> Iterator[Fault]:
        with self._lock:
            return iter(list(self._faults))

    def __len__(self) -> int:
        with self._lock:
            return len(self._faults)

    def take(self, kinds: frozenset[FaultKind], method: str, path: str) -> list[Fault]:
        """Claim the first matching fault of each kind in ``kinds`` for one request."""
        claimed: list[Fault] = []
        seen: set[FaultKind] = set()
        with self._lock:
            for fault in list(self._faults):
                if fault.kind in kinds and fault.kind not in seen and fault.matches(method, path):
                    seen.add(fault.kind)
                    fault.hits += 1
                    claimed.append(fault)
                    if fault.exhausted:
                        self._faults.remove(fault)
        return claimed

    # -- helpers ---------------------------------------------------------------------------------------
    def fail(
        self,
        status: int = 500,
        *,
        message: str | None = None,
        body: Literal["json", "text", "empty"] = "json",
        retry_after: str | int | None = None,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Answer ``status`` instead of handling the request."""
        text = message if message is not None else _DEFAULT_MESSAGES.get(status, f"status {status}")
        after = None if retry_after is None else str(retry_after)
        return self.add(
            Fault(
                FaultKind.FAIL,
                path,
                method,
                times,
                operation=operation,
                status=status,
                message=text,
                body=body,
                retry_after=after,
            )
        )

    def error_body(
        self,
        message: str = "internal error",
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """HTTP 200 whose JSON body is ``{"error": message}``."""
        return self.add(
            Fault(FaultKind.ERROR_BODY, path, method, times, operation=operation, status=200, message=message)
        )

    def close_before_headers(
        self,
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Close the connection without sending a response."""
        return self.add(Fault(FaultKind.CLOSE_BEFORE_HEADERS, path, method, times, operation=operation))

    def delay_headers(
        self,
        seconds: float,
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Wait before answering (the client sees no status line meanwhile)."""
        return self.add(
            Fault(FaultKind.DELAY_HEADERS, path, method, times, operation=operation, delay=seconds)
        )

    def error_line(
        self,
        after: int = 1,
        message: str = "an error was encountered while running the model: unexpected EOF",
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """End a stream with an ``{"error": ...}`` line after ``after`` lines (HTTP status stays 200)."""
        return self.add(
            Fault(
                FaultKind.ERROR_LINE, path, method, times, operation=operation, message=message, after=after
            )
        )

    def drop(
        self,
        after: int = 1,
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Close the connection abruptly after ``after`` stream lines."""
        return self.add(Fault(FaultKind.DROP, path, method, times, operation=operation, after=after))

    def malformed_line(
        self,
        after: int = 1,
        text: str = '{"model":"broken',
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Insert a line that is not JSON after ``after`` stream lines."""
        return self.add(
            Fault(FaultKind.MALFORMED_LINE, path, method, times, operation=operation, after=after, text=text)
        )

    def slow_stream(
        self,
        delay: float,
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Pause ``delay`` seconds before each stream line after the first."""
        return self.add(Fault(FaultKind.SLOW_STREAM, path, method, times, operation=operation, delay=delay))

    def huge_line(
        self,
        size: int = 64 << 20,
        after: int = 0,
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """One line (or single-object body) of exactly ``size`` bytes."""
        return self.add(
            Fault(FaultKind.HUGE_LINE, path, method, times, operation=operation, size=size, after=after)
        )

    def truncated_body(
        self,
        fraction: float = 0.5,
        *,
        close: bool = False,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Cut a single-object JSON body short."""
        return self.add(
            Fault(
                FaultKind.TRUNCATED_BODY,
                path,
                method,
                times,
                operation=operation,
                fraction=fraction,
                close=close,
            )
        )

    def gzip(
        self,
        *,
        path: str | None = None,
        method: str | None = None,
        operation: str | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Compress the answer (single object or stream) with ``Content-Encoding: gzip``."""
        return self.add(Fault(FaultKind.GZIP, path, method, times, operation=operation))


class _Progress:
    """What became of one request; written by its handler thread while it answers."""

    def __init__(self) -> None:
        self.generated = 0
        self.client_gone = False
        self.cpu_time = 0.0
        self.done = threading.Event()

    def __deepcopy__(self, memo: dict[int, object]) -> _Progress:
        # Copies of a log entry (dataclasses.asdict, copy.deepcopy) follow the same request.
        return self


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it (``server.requests``, oldest first), and what became of it.

    ``path`` is decoded and ``query`` is the raw query string; ``headers`` are keyed in lower case
    (repeated headers joined with ``", "``); ``json`` is the decoded JSON body (None when there was no
    body or it was not JSON, and for blob uploads); ``body_size`` counts the body's bytes. Requests
    the server refused before routing (CORS, Host guard, faults) are logged too.

    ``generated``, ``client_gone``, ``cpu_time`` and ``finished`` follow the server's work on it: a test
    can wait for the handler to end (:meth:`wait_finished`) and see whether it noticed the client leave
    and how much the fake model produced, without sleeping blindly.
    """

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    json: object | None
    body_size: int
    _progress: _Progress = field(default_factory=_Progress, repr=False, compare=False)

    @property
    def generated(self) -> int:
        """Tokens (thinking and answer) the fake model has produced for this request so far."""
        return self._progress.generated

    @property
    def client_gone(self) -> bool:
        """The server saw the client leave before the answer was complete."""
        return self._progress.client_gone

    @property
    def cpu_time(self) -> float:
        """CPU seconds the handler thread spent on this request (set when it is finished)."""
        return self._progress.cpu_time

    @property
    def finished(self) -> bool:
        """The handler has ended: answered, or gave up because the client left."""
        return self._progress.done.is_set()

    def wait_finished(self, timeout: float = 5.0) -> bool:
        """Wait until the handler has ended; False if it is still running after ``timeout`` seconds."""
        return self._progress.done.wait(timeout)
