"""A fast canned Ollama-shaped HTTP/1.1 server for the benchmarks; runs in its own process.

    python bench/fakeserver.py [--port 0] [--stream-chunks N] [--models N] [--embed-rows N] [--embed-dims N]

Prints ``PORT <n>`` on stdout once listening and serves until stdin closes or it is terminated.

It must cost far less CPU than the clients it serves, so it never parses JSON: responses are
pre-built bytes (see ``_canned``), routing looks at the request line only (plus a byte search for
``"stream":`` in chat bodies), and upload bodies are discarded straight out of one reused receive
buffer (``BufferedProtocol``: no per-read ``bytes`` objects). Keep-alive, chunked request bodies
and pipelining are handled; TCP_NODELAY is set on every connection.

``GET /_bench/cpu`` answers the server's own CPU seconds (user + system) so callers can report
the server's share of a measurement.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import resource
import signal
import socket
import sys

from _canned import Canned, Sizes, build

__all__ = ["main", "serve"]

_RECV = 1 << 20
_HEADERS_MAX = 64 * 1024
# States of the request reader.
_HEAD, _BODY, _CHUNK_SIZE, _CHUNK_DATA, _CHUNK_TRAILER = range(5)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _wants_stream(body: bytes) -> bool:
    # Ollama streams unless the body says "stream": false.
    at = body.find(b'"stream"')
    if at < 0:
        return True
    rest = body[at + 8 : at + 16].lstrip(b" \t:")
    return not rest.startswith(b"false")


class _Connection(asyncio.BufferedProtocol):
    def __init__(self, canned: Canned) -> None:
        self._canned = canned
        self._buf = bytearray(_RECV)
        self._view = memoryview(self._buf)
        self._pending = bytearray()
        self._transport: asyncio.Transport | None = None
        self._state = _HEAD
        self._left = 0  # body bytes (or chunk bytes incl. CRLF) still to come
        self._keep_body = False  # small bodies are kept for routing; uploads are dropped
        self._body = bytearray()
        self._method = b""
        self._path = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._view

    def buffer_updated(self, nbytes: int) -> None:
        data = self._view[:nbytes]
        while data:
            data = self._consume(data)

    def eof_received(self) -> bool:
        return False

    # -- request reading -----------------------------------------------------------------------

    def _consume(self, data: memoryview) -> memoryview:
        """Eat a prefix of ``data`` and return the rest."""
        if self._state in (_BODY, _CHUNK_DATA):
            take = min(self._left, len(data))
            if self._keep_body:
                self._body += data[:take]
            self._left -= take
            if self._left == 0:
                if self._state == _BODY:
                    self._respond()
                else:
                    if self._keep_body:
                        del self._body[-2:]  # the CRLF closing each chunk
                    self._state = _CHUNK_SIZE
            return data[take:]
        # Line-oriented states: collect, then step through every complete line or head.
        self._pending += data
        while self._step():
            pass
        if self._state in (_BODY, _CHUNK_DATA) and self._pending:
            rest = bytes(self._pending)
            self._pending.clear()
            return memoryview(rest)
        return data[:0]

    def _step(self) -> bool:
        """Handle one head or line from ``_pending``; False when more bytes are needed."""
        if self._state == _HEAD:
            return self._read_head()
        if self._state == _CHUNK_SIZE:
            return self._read_chunk_size()
        if self._state == _CHUNK_TRAILER:
            return self._read_trailer()
        return False

    def _read_head(self) -> bool:
        end = self._pending.find(b"\r\n\r\n")
        if end < 0:
            if len(self._pending) > _HEADERS_MAX:
                self._fail()
            return False
        head = bytes(self._pending[:end])
        del self._pending[: end + 4]
        lines = head.split(b"\r\n")
        parts = lines[0].split(b" ")
        if len(parts) != 3:
            self._fail()
            return False
        self._method, self._path = parts[0], parts[1]
        length = 0
        chunked = False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            key = name.strip().lower()
            if key == b"content-length":
                length = int(value.strip())
            elif key == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
        self._keep_body = not self._path.startswith(b"/api/blobs/")
        self._body.clear()
        if chunked:
            self._state = _CHUNK_SIZE
        elif length:
            self._state, self._left = _BODY, length
        else:
            self._respond()
        return True

    def _read_chunk_size(self) -> bool:
        end = self._pending.find(b"\r\n")
        if end < 0:
            return False
        size = int(bytes(self._pending[:end]).split(b";")[0].strip() or b"0", 16)
        del self._pending[: end + 2]
        if size == 0:
            self._state = _CHUNK_TRAILER
        else:
            self._state, self._left = _CHUNK_DATA, size + 2
        return True

    def _read_trailer(self) -> bool:
        end = self._pending.find(b"\r\n")
        if end < 0:
            return False
        empty = end == 0
        del self._pending[: end + 2]
        if empty:
            self._respond()
        return True

    # -- answering -----------------------------------------------------------------------------

    def _respond(self) -> None:
        self._state = _HEAD
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        transport.write(self._answer())

    def _answer(self) -> bytes:
        canned = self._canned
        method, path = self._method, self._path
        if method == b"POST":
            if path == b"/api/chat":
                return canned.chat_stream if _wants_stream(bytes(self._body)) else canned.chat
            if path == b"/api/embed":
                return canned.embed
            if path.startswith(b"/api/blobs/"):
                return canned.blob_created
        elif method == b"GET":
            if path == b"/api/tags":
                return canned.tags
            if path == b"/api/version":
                return canned.version
            if path == b"/_bench/cpu":
                body = b"%.6f" % _cpu_seconds()
                return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
        elif method == b"HEAD" and path.startswith(b"/api/blobs/"):
            return canned.blob_missing
        return canned.not_found

    def _fail(self) -> None:
        if self._transport is not None:
            self._transport.write(
                b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            self._transport.close()
        self._pending.clear()


async def serve(port: int, sizes: Sizes) -> None:
    canned = build(sizes)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: _Connection(canned), "127.0.0.1", port, backlog=2048, reuse_address=True
    )
    bound = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"PORT {bound}\n")
    sys.stdout.flush()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    # The parent holds our stdin open; when it goes away (even by a crash), so do we.
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    eof = asyncio.ensure_future(reader.read())
    stopped = asyncio.ensure_future(stop.wait())
    async with server:
        await asyncio.wait({eof, stopped}, return_when=asyncio.FIRST_COMPLETED)
    for task in (eof, stopped):
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    defaults = Sizes()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stream-chunks", type=int, default=defaults.stream_chunks)
    parser.add_argument("--models", type=int, default=defaults.models)
    parser.add_argument("--embed-rows", type=int, default=defaults.embed_rows)
    parser.add_argument("--embed-dims", type=int, default=defaults.embed_dims)
    args = parser.parse_args(argv)
    sizes = Sizes(args.stream_chunks, args.models, args.embed_rows, args.embed_dims)
    asyncio.run(serve(args.port, sizes))


if __name__ == "__main__":
    main()
