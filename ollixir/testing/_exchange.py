"""One request/response exchange: request bodies and Go-like response framing.

Response framing follows Go's ``net/http`` + gin: single objects with ``Content-Length``; NDJSON streams
chunked, one chunk per line, and the status line is only sent together with the first line.
"""

from __future__ import annotations

import contextlib
import gzip
import http
import select
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from email.utils import formatdate
from http import HTTPMethod
from typing import TYPE_CHECKING, Any, Final, Protocol
from urllib.parse import unquote

from ._faults import BODY_KINDS, STREAM_KINDS, FaultKind, Faults, RecordedRequest
from ._gojson import go_dumps
from ._stream import NDJSON, Framing, LineWriter, StreamError, padding_plan, write_padded

if TYPE_CHECKING:
    from ._http import Handler

__all__ = ["Adapter", "BadRequest", "ClientGone", "Exchange", "StreamError", "Tracker"]

_SMALL_BODY: Final = 256 << 10  # Go drains at most this much of an unread body to keep the connection.
PIECE: Final = 1 << 20
_PROBE_EVERY: Final = 0.01  # seconds between two looks at the socket while a handler computes


class BadRequest(Exception):
    """The HTTP framing itself is broken; answer 400 and close."""


class ClientGone(ConnectionError):
    """The client closed its side of the connection while the server was still working for it."""


class Adapter(Protocol):
    """A compatibility layer (the /v1 routes) that reshapes whatever a native handler answers.

    Like Ollama's middleware it wraps the response writer: the native handler runs unchanged and its
    single objects and streams pass through :meth:`json` and :meth:`stream` instead of going out.
    """

    relax_thinking: bool  # think=true on a model that cannot think is dropped instead of refused

    def json(self, ex: Exchange, status: int, obj: object) -> None: ...

    def stream(self, ex: Exchange, events: Iterator[object]) -> None: ...


class Tracker:
    """Connection and disconnect counters shared by all handler threads."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.open_connections = 0
        self.accepted = 0
        self.disconnects = 0
        self.stopping = threading.Event()
        self.sockets: set[socket.socket] = set()

    def opened(self, sock: socket.socket) -> None:
        with self.cond:
            self.open_connections += 1
            self.accepted += 1
            self.sockets.add(sock)
            self.cond.notify_all()

    def closed(self, sock: socket.socket) -> None:
        with self.cond:
            self.open_connections -= 1
            self.sockets.discard(sock)
            self.cond.notify_all()

    def client_gone(self) -> None:
        with self.cond:
            self.disconnects += 1
            self.cond.notify_all()


class Exchange:
    """One request and its response, as the route handlers see it."""

    def __init__(self, handler: Handler, faults: Faults, tracker: Tracker) -> None:
        self._h = handler
        self._faults = faults
        self._tracker = tracker
        self.method = handler.command
        raw_path, _, self.query = handler.path.partition("?")
        self.raw_path = raw_path
        self.path = unquote(raw_path)
        self.headers = handler.headers
        self._body_state = "unread"
        self._continue = self.headers.get("Expect", "").lower() == "100-continue"
        self.responded = False
        self.dead = False
        self.body = b""
        self.param = ""
        self.entry: RecordedRequest | None = None  # set when the request is logged
        self.client_left = False
        self._cpu_start = time.thread_time()
        self._next_probe = time.monotonic() + _PROBE_EVERY
        # Added to whatever answer this exchange sends (the CORS headers of an allowed origin).
        self.extra_headers: list[tuple[str, str]] = []
        self.adapter: Adapter | None = None

    # -- request body ----------------------------------------------------------------------------------
    @property
    def content_length(self) -> int | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return None
        try:
            return max(0, int(self.headers.get("Content-Length", "0")))
        except ValueError:
            raise BadRequest("bad Content-Length") from None

    def body_pieces(self) -> Iterator[bytes]:
        """The request body in pieces of at most 1 MiB (Content-Length or chunked)."""
        if self._body_state != "unread":
            return
        self._body_state = "reading"
        rfile = self._h.rfile
        length = self.content_length
        if self._continue and length != 0:
            self._h.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        if length is not None:
            remaining = length
            while remaining:
                piece = rfile.read1(min(remaining, PIECE))
                if not piece:
                    raise ConnectionError("client closed the connection mid-body")
                remaining -= len(piece)
                yield piece
        else:
            yield from self._chunked(rfile)
        self._body_state = "done"

    @staticmethod
    def _chunked(rfile: Any) -> Iterator[bytes]:
        while True:
            line = rfile.readline(65537)
            if not line:
                raise ConnectionError("client closed the connection mid-body")
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise BadRequest("bad chunk size") from None
            if size == 0:
                while rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                    pass
                return
            while size:
                piece = rfile.read1(min(size, PIECE))
                if not piece:
                    raise ConnectionError("client closed the connection mid-body")
                size -= len(piece)
                yield piece
            rfile.readline(3)

    def read_body(self) -> bytes:
        return b"".join(self.body_pieces())

    def discard_body(self) -> int:
        return sum(len(piece) for piece in self.body_pieces())

    def _settle_body(self) -> None:
        # Go reads a small unread body to keep the connection; a big one makes it close the connection.
        if self._body_state == "done":
            return
        length = self.content_length if self._body_state == "unread" else None
        if (
            self._body_state == "unread"
            and length is not None
            and length <= _SMALL_BODY
            and not self._continue
        ):
            with contextlib.suppress(OSError, ConnectionError, BadRequest):
                self.discard_body()
                return
        self._h.close_connection = True
        self._h.linger = True

    # -- low-level writing -----------------------------------------------------------------------------
    def write(self, data: bytes) -> bool:
        if self.dead:
            return False
        try:
            self._h.wfile.write(data)
            return True
        except OSError:
            self.abort(client_gone=True)
            return False

    def abort(self, *, client_gone: bool = False) -> None:
        """Drop the connection without finishing the response."""
        if client_gone and not self.dead:
            self.client_left = True
            self._tracker.client_gone()
        self.dead = True
        self.responded = True
        self._h.close_connection = True
        with contextlib.suppress(OSError):
            self._h.connection.shutdown(socket.SHUT_RDWR)

    def head_bytes(self, status: int, headers: Iterable[tuple[str, str]]) -> bytes:
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = f"status code {status}"
        lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in (*headers, *self.extra_headers))]
        lines.append("Date: " + formatdate(usegmt=True))
        if self._h.close_connection:
            lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def check_client(self) -> None:
        """Raise :class:`ClientGone` if the client has closed the connection (looks at most every 10 ms).

        Long computations call this as they go, so a client that leaves stops the work at once, as
        Go's request context is cancelled when the connection reads EOF.
        """
        if self.dead:
            raise ClientGone("the client has gone")
        now = time.monotonic()
        if now < self._next_probe:
            return
        self._next_probe = now + _PROBE_EVERY
        try:
            peeked = self._h.connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return  # nothing to read: still connected
        except OSError:
            peeked = b""
        if not peeked:
            self.abort(client_gone=True)
            raise ClientGone("the client has gone")

    def count_generated(self) -> None:
        """One more token produced for this request (the request log shows the count)."""
        if self.entry is not None:
            self.entry._progress.generated += 1

    def finish(self) -> None:
        """The handler has ended: complete this request's log entry."""
        if self.entry is not None:
            progress = self.entry._progress
            progress.client_gone = self.client_left
            progress.cpu_time = time.thread_time() - self._cpu_start
            progress.done.set()

    def wait(self, seconds: float) -> bool:
        """Sleep, watching for the client to hang up; False if it did or the server is stopping."""
        deadline = seconds
        sock = self._h.connection
        while deadline > 0 and not self._tracker.stopping.is_set():
            step = min(deadline, 0.05)
            try:
                readable, _, _ = select.select([sock], [], [], step)
            except (OSError, ValueError):
                self.abort(client_gone=True)
                return False
            deadline -= step
            if readable:
                try:
                    peeked = sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
                except BlockingIOError:
                    continue
                except OSError:
                    peeked = b""
                if not peeked:
                    self.abort(client_gone=True)
                    return False
                self._tracker.stopping.wait(deadline)
                break
        return not self._tracker.stopping.is_set()

    # -- responses -------------------------------------------------------------------------------------
    def send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = None,
        headers: Iterable[tuple[str, str]] = (),
        *,
        length: int | None = None,
    ) -> None:
        """A complete response with ``Content-Length`` (HEAD: headers only)."""
        self._settle_body()
        all_headers = [*headers]
        if content_type is not None:
            all_headers.insert(0, ("Content-Type", content_type))
        if status != 204:  # Go sends no length with a 204
            all_headers.append(("Content-Length", str(len(body) if length is None else length)))
        payload = self.head_bytes(status, all_headers)
        if self.method != HTTPMethod.HEAD:
            payload += body
        self.responded = True
        self.write(payload)

    def send_json(
        self, status: int, obj: object, content_type: str = "application/json; charset=utf-8"
    ) -> None:
        """A single JSON object (no trailing newline), with the body faults applied."""
        if self.adapter is not None:
            self.adapter.json(self, status, obj)
            return
        self.write_json(status, obj, content_type)

    def write_json(self, status: int, obj: object, content_type: str, *, newline: bool = False) -> None:
        """:meth:`send_json` past any adapter; ``newline`` as Go's ``json.Encoder`` ends its output."""
        end = b"\n" if newline else b""
        if self.method != HTTPMethod.HEAD:
            for fault in self._faults.take(BODY_KINDS, self.method, self.path):
                if fault.kind is FaultKind.GZIP:
                    compressed = gzip.compress(go_dumps(obj).encode() + end)
                    self.send(status, compressed, content_type, [("Content-Encoding", "gzip")])
                    return
                if fault.kind is FaultKind.HUGE_LINE:
                    self._send_padded(status, obj, content_type, fault.size, newline)
                    return
                body = go_dumps(obj).encode() + end
                cut = body[: int(len(body) * fault.fraction)]
                self.send(status, cut, content_type, length=len(body) if fault.close else None)
                if fault.close:
                    self.abort()
                return
        self.send(status, go_dumps(obj).encode() + end, content_type)

    def send_error(
        self, status: int, message: str, content_type: str = "application/json; charset=utf-8"
    ) -> None:
        self.send_json(status, {"error": message}, content_type)

    def _send_padded(self, status: int, obj: object, content_type: str, size: int, newline: bool) -> None:
        prefix, suffix, fill = padding_plan(obj, size, newline)
        total = len(prefix) + fill + len(suffix)
        self.send(status, b"", content_type, length=total)
        if not self.dead:
            self.responded = True
            write_padded(self.write, prefix, fill, suffix)

    def send_chunked(self, status: int, headers: Iterable[tuple[str, str]], pieces: Iterable[bytes]) -> None:
        """A body of unknown length sent chunked, each piece on its own (Go's Write+Flush per piece).

        Go adds ``Content-Length: 0`` instead when nothing was written at all.
        """
        self._settle_body()
        head: list[tuple[str, str]] = [*headers]
        first = True
        for piece in pieces:
            if not piece:
                continue
            frame = b"%x\r\n%s\r\n" % (len(piece), piece)
            if first:
                self.responded = True
                frame = self.head_bytes(status, [*head, ("Transfer-Encoding", "chunked")]) + frame
                first = False
            if not self.write(frame):
                return
        if first:
            self.send(status, b"", None, head)
        else:
            self.write(b"0\r\n\r\n")

    def send_stream(self, events: Iterator[object]) -> None:
        """Stream NDJSON lines from ``events``; a :class:`StreamError` ends the stream as Go does."""
        try:
            if self.adapter is not None:
                self.adapter.stream(self, events)
                return
            first = next(events, None)
            if first is None:
                self.send_json(500, {"error": "empty stream"})
                return
            if isinstance(first, StreamError):
                self.send_error(first.status, first.message, "application/json")
                return
            self.write_stream(first, events)
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()

    def write_stream(self, first: object, items: Iterator[object], framing: Framing = NDJSON) -> None:
        """Stream ``first`` and ``items`` as ``framing`` frames, with the stream faults applied."""
        self._settle_body()
        writer = LineWriter(self, self._faults.take(STREAM_KINDS, self.method, self.path), framing)
        writer.run(first, items)

    def chunk(self, data: bytes, *, head: list[tuple[str, str]] | None = None) -> bool:
        """One chunk of a chunked body; ``head`` (the first chunk's headers) sends the status line too."""
        frame = b"%x\r\n%s\r\n" % (len(data), data)
        if head is not None:
            self.responded = True
            frame = self.head_bytes(200, head) + frame
        return self.write(frame)
