"""Stream writing with the stream faults applied, and padded ("huge") JSON lines.

A :class:`Framing` turns stream items into bytes: NDJSON lines here (the native API), server-sent events
in ``_sse.py`` (the /v1 compatibility routes). Faults count written frames either way.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final

from ._faults import Fault, FaultKind
from ._gojson import go_dumps

if TYPE_CHECKING:
    from ._exchange import Exchange

__all__ = ["NDJSON", "Framing", "LineWriter", "StreamError", "padding_plan", "write_padded"]

_PIECE: Final = 1 << 20


class StreamError:
    """An error event in a streamed answer (becomes an error response or a final error line)."""

    def __init__(self, message: str, status: int = 500) -> None:
        self.message = message
        self.status = status


def padding_plan(obj: object, size: int, newline: bool = False) -> tuple[bytes, bytes, int]:
    """Split ``obj``'s JSON around a text field so ``prefix + x * fill + suffix`` is ``size`` bytes."""
    marker = "\x00PAD\x00"
    target: dict[str, object] = dict(obj) if isinstance(obj, dict) else {"value": obj}
    message = target.get("message")
    if isinstance(message, dict):
        target["message"] = {**message, "content": marker}
    else:
        key = next((k for k in ("response", "status", "error") if isinstance(target.get(k), str)), "padding")
        target[key] = marker
    text = go_dumps(target) + ("\n" if newline else "")
    prefix, suffix = (part.encode() for part in text.split("\\u0000PAD\\u0000"))
    return prefix, suffix, max(0, size - len(prefix) - len(suffix))


def write_padded(write: Callable[[bytes], bool], prefix: bytes, fill: int, suffix: bytes) -> bool:
    if not write(prefix):
        return False
    block = b"x" * min(fill, _PIECE)
    while fill > 0:
        piece = block if fill >= len(block) else block[:fill]
        if not write(piece):
            return False
        fill -= len(piece)
    return write(suffix)


class Framing:
    """NDJSON: one compact JSON object per line (what ``/api/*`` streams)."""

    content_type = "application/x-ndjson"
    headers: tuple[tuple[str, str], ...] = ()

    def encode(self, item: object) -> bytes:
        return go_dumps(item).encode() + b"\n"

    def error(self, message: str | None) -> bytes:
        """What an error after the first frame looks like (Go's json.Encoder line)."""
        return self.encode({"error": message})

    def raw(self, text: str) -> bytes:
        """A malformed frame carrying ``text``."""
        return text.encode() + b"\n"

    def padding(self, item: object, size: int) -> tuple[bytes, bytes, int]:
        """``prefix``, ``suffix`` and the fill so one frame padded with ``x`` is ``size`` bytes."""
        return padding_plan(item, size, newline=True)


NDJSON: Final = Framing()


class LineWriter:
    """Writes stream frames and applies the stream faults claimed for this response."""

    def __init__(self, ex: Exchange, faults: list[Fault], framing: Framing = NDJSON) -> None:
        self.ex = ex
        self.framing = framing
        self.lines = 0
        self.pending = {f.kind: f for f in faults}
        # gzip (wbits 31), each line sync-flushed so the client can decode it on arrival.
        self._gzip = zlib.compressobj(wbits=31) if self.pending.pop(FaultKind.GZIP, None) else None

    def _line(self, data: bytes) -> bool:
        if not data:
            return True  # an empty chunk would end the chunked body
        slow = self.pending.get(FaultKind.SLOW_STREAM)
        if slow is not None and self.lines and not self.ex.wait(slow.delay):
            return False
        if self._gzip is not None:
            data = self._gzip.compress(data) + self._gzip.flush(zlib.Z_SYNC_FLUSH)
        ok = self.ex.chunk(data, head=self._head() if self.lines == 0 else None)
        self.lines += 1
        return ok

    def _fire(self, upcoming: object, at_end: bool) -> bool:
        """Apply faults due before the next line; False ends the stream."""
        for kind in (FaultKind.MALFORMED_LINE, FaultKind.HUGE_LINE, FaultKind.ERROR_LINE, FaultKind.DROP):
            fault = self.pending.get(kind)
            if fault is None or (fault.after > self.lines and not at_end):
                continue
            del self.pending[kind]
            if kind is FaultKind.MALFORMED_LINE and not self._line(self.framing.raw(fault.text)):
                return False
            if kind is FaultKind.HUGE_LINE and not self._huge(upcoming, fault.size):
                return False
            if kind is FaultKind.ERROR_LINE:
                self._line(self.framing.error(fault.message))
                self._end()
                return False
            if kind is FaultKind.DROP:
                self.ex.abort()
                return False
        return True

    def _huge(self, template: object, size: int) -> bool:
        prefix, suffix, fill = self.framing.padding(template, size)
        if self._gzip is not None:
            # Compressed, the line must pass through the compressor: build it whole.
            return self._line(prefix + b"x" * fill + suffix)
        total = len(prefix) + fill + len(suffix)
        head = b"%x\r\n" % total
        if self.lines == 0:
            head = self.ex.head_bytes(200, self._head()) + head
            self.ex.responded = True
        self.lines += 1
        return write_padded(self.ex.write, head + prefix, fill, suffix + b"\r\n")

    def _head(self) -> list[tuple[str, str]]:
        head = [("Content-Type", self.framing.content_type), *self.framing.headers]
        head.append(("Transfer-Encoding", "chunked"))
        if self._gzip is not None:
            head.append(("Content-Encoding", "gzip"))
        return head

    def _end(self) -> None:
        if self.lines == 0:  # nothing written yet (an error frame can be empty): the head still goes out
            self.ex.responded = True
            self.ex.write(self.ex.head_bytes(200, self._head()))
        if self._gzip is not None:
            tail = self._gzip.flush()
            self.ex.write(b"%x\r\n%s\r\n" % (len(tail), tail))
        self.ex.write(b"0\r\n\r\n")

    def run(self, first: object, events: Iterator[object]) -> None:
        event: object = first
        last: object = first
        while True:
            if not self._fire(event, at_end=False):
                return
            if isinstance(event, StreamError):
                # Go's json.Encoder output: the error object plus a newline, then the stream ends.
                self._line(self.framing.error(event.message))
                self._end()
                return
            if not self._line(self.framing.encode(event)):
                return
            last = event
            following = next(events, None)
            if following is None:
                break
            event = following
        if self._fire(last, at_end=True):
            self._end()
