"""A stream that ends cleanly but without its final chunk is an error, never a silent truncation."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

import ollixir
from tests.clientkit import KINDS, Api

CHUNK = b'{"model":"m","created_at":"2026-08-21T10:00:00Z","message":{"role":"assistant","content":"a"},"done":false}\n'
PROGRESS = b'{"status":"pulling manifest"}\n'


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = PROGRESS if self.path == "/api/pull" else CHUNK * 3
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def cut_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("kind", KINDS)
def test_chat_stream_without_done_raises(cut_server: str, kind: str) -> None:
    api = Api(kind, cut_server)
    try:
        with pytest.raises(ollixir.ProtocolError, match="final chunk"):
            api.stream("chat", "m", [{"role": "user", "content": "x"}])
    finally:
        api.close()


@pytest.mark.parametrize("kind", KINDS)
def test_pull_stream_without_success_raises(cut_server: str, kind: str) -> None:
    api = Api(kind, cut_server)
    try:
        with pytest.raises(ollixir.ProtocolError, match="success"):
            api.stream("pull", "m")
    finally:
        api.close()
