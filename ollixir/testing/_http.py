"""The threaded HTTP/1.1 socket server and its request handler."""

from __future__ import annotations

import contextlib
import socket
import sys
import traceback
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final

from ._exchange import BadRequest, Exchange, Tracker
from ._faults import Faults

__all__ = ["HTTPServer", "Handler"]

_PIECE: Final = 1 << 20


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: HTTPServer
    linger = False

    def setup(self) -> None:
        super().setup()
        self.server.tracker.opened(self.connection)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        if self.linger:
            _linger(self.connection)
        self.server.tracker.closed(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: a test server must not litter test output."""

    def handle_expect_100(self) -> bool:
        # Sent lazily on the first body read, like Go, so a known blob is answered without the body.
        return True

    def handle_one_request(self) -> None:
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.send_error(414)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            exchange = Exchange(self, self.server.faults, self.server.tracker)
            try:
                self.server.dispatch(exchange)
            except BadRequest:
                self.close_connection = True
                if not exchange.responded:
                    exchange.send(400, b"400 Bad Request", "text/plain; charset=utf-8")
            except (ConnectionError, TimeoutError):
                exchange.abort(client_gone=True)
            except Exception:
                traceback.print_exc(file=sys.stderr)
                self.close_connection = True
                if not exchange.responded:
                    exchange.send_error(500, "internal test server error")
                else:
                    exchange.abort()
            finally:
                exchange.finish()
        except OSError:
            self.close_connection = True


def _linger(sock: socket.socket) -> None:
    # Read what the client still sends after our answer so closing does not reset the connection and
    # destroy the answer in flight (Go does the same with a short "lingering close").
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(1.0)
        received = 0
        while received < 64 << 20:
            data = sock.recv(_PIECE)
            if not data:
                break
            received += len(data)


class HTTPServer(ThreadingHTTPServer):
    """Threaded server with a deep accept queue (hundreds of clients connect at once)."""

    request_queue_size = 2048
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], family: int, dispatch: Callable[[Exchange], None], faults: Faults
    ) -> None:
        self.address_family = family
        self.dispatch = dispatch
        self.faults = faults
        self.tracker = Tracker()
        super().__init__(address, Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn) that can stall for seconds.
        import socketserver

        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            super().handle_error(request, client_address)

    def close_all(self) -> None:
        self.tracker.stopping.set()
        with self.tracker.cond:
            sockets = list(self.tracker.sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
