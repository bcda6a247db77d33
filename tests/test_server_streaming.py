"""HTTP framing on raw sockets: chunked NDJSON, keep-alive, request bodies, single-object answers."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx
import pytest

from ollixir.testing import OllamaTestServer


class RawConnection:
    """A minimal HTTP/1.1 client that exposes exactly what the server put on the wire."""

    def __init__(self, server: OllamaTestServer) -> None:
        self.sock = socket.create_connection((server.host, server.port), timeout=10)
        self.buffer = b""

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("server closed the connection")
        self.buffer += data

    def read_until(self, marker: bytes) -> bytes:
        while marker not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(marker, 1)
        return head + marker

    def read_exact(self, n: int) -> bytes:
        while len(self.buffer) < n:
            self._fill()
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def response(self, *, head_only: bool = False) -> tuple[str, dict[str, str], list[bytes]]:
        """Status line, headers and body pieces (one per chunk for chunked bodies)."""
        raw = self.read_until(b"\r\n\r\n").decode("latin-1")
        status, *header_lines = raw.strip().split("\r\n")
        headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in header_lines)}
        if head_only:
            return status, headers, []
        if headers.get("transfer-encoding") == "chunked":
            chunks: list[bytes] = []
            while True:
                size = int(self.read_until(b"\r\n")[:-2], 16)
                if size == 0:
                    self.read_until(b"\r\n")
                    return status, headers, chunks
                chunks.append(self.read_exact(size))
                assert self.read_exact(2) == b"\r\n"
        return status, headers, [self.read_exact(int(headers.get("content-length", "0")))]

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def raw(ollama_server: OllamaTestServer) -> Iterator[RawConnection]:
    conn = RawConnection(ollama_server)
    yield conn
    conn.close()


def post(path: str, body: bytes, extra: str = "") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n{extra}\r\n".encode()
        + body
    )


def test_stream_is_chunked_one_line_per_chunk(raw: RawConnection) -> None:
    raw.send(post("/api/generate", b'{"model":"llama3.2","prompt":"a b c"}'))
    status, headers, chunks = raw.response()
    assert status == "HTTP/1.1 200 OK"
    assert headers["content-type"] == "application/x-ndjson"
    assert "content-length" not in headers
    assert len(chunks) == 6  # You / said: / a / b / c / final
    for chunk in chunks:
        assert chunk.endswith(b"\n") and chunk.count(b"\n") == 1
        json.loads(chunk)
    assert json.loads(chunks[-1])["done"] is True


def test_headers_travel_with_the_first_line(raw: RawConnection) -> None:
    raw.send(post("/api/chat", b'{"model":"llama3.2","messages":[{"role":"user","content":"x"}]}'))
    first = raw.sock.recv(65536)
    # One write carries the status line, the headers and the first chunk (nothing is sent earlier).
    assert first.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b'"content":"You"' in first


def test_keep_alive_serves_many_requests_on_one_connection(
    raw: RawConnection, ollama_server: OllamaTestServer
) -> None:
    for _ in range(3):
        raw.send(b"GET /api/version HTTP/1.1\r\nHost: localhost\r\n\r\n")
        status, headers, body = raw.response()
        assert status == "HTTP/1.1 200 OK" and body == [b'{"version":"0.33.0-rc2"}']
        raw.send(post("/api/generate", b'{"model":"llama3.2","prompt":"x"}'))
        assert raw.response()[0] == "HTTP/1.1 200 OK"
        raw.send(b"HEAD /api/tags HTTP/1.1\r\nHost: localhost\r\n\r\n")
        status, headers, _ = raw.response(head_only=True)
        assert status == "HTTP/1.1 200 OK" and int(headers["content-length"]) > 0
    assert ollama_server.connections_accepted == 1


def test_chunked_request_body(raw: RawConnection) -> None:
    body = b'{"model":"llama3.2","prompt":"chunked body","stream":false}'
    pieces = [body[:10], body[10:25], body[25:]]
    framed = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"
    raw.send(b"POST /api/generate HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n" + framed)
    status, _, [payload] = raw.response()
    assert status == "HTTP/1.1 200 OK"
    assert json.loads(payload)["response"] == "You said: chunked body"


def test_expect_continue_is_answered_when_the_body_is_read(raw: RawConnection) -> None:
    body = b'{"model":"llama3.2","prompt":"x","stream":false}'
    raw.send(
        post("/api/generate", b"", "Expect: 100-continue\r\n").replace(
            b"Content-Length: 0", b"Content-Length: %d" % len(body)
        )
    )
    assert raw.read_until(b"\r\n\r\n") == b"HTTP/1.1 100 Continue\r\n\r\n"
    raw.send(body)
    assert json.loads(raw.response()[2][0])["response"] == "You said: x"


def test_delete_with_body_keeps_connection(raw: RawConnection) -> None:
    body = b'{"model":"nope"}'
    raw.send(
        b"DELETE /api/delete HTTP/1.1\r\nHost: localhost\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    )
    status, _, [payload] = raw.response()
    assert status == "HTTP/1.1 404 Not Found" and payload == b'{"error":"model \'nope\' not found"}'
    raw.send(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert raw.response()[2] == [b"Ollama is running"]


def test_percent_encoded_blob_digest(raw: RawConnection) -> None:
    digest = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    raw.send(post(f"/api/blobs/sha256%3A{digest}", b"hello"))
    assert raw.response()[0] == "HTTP/1.1 201 Created"
    raw.send(f"HEAD /api/blobs/sha256%3a{digest} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    assert raw.response(head_only=True)[0] == "HTTP/1.1 200 OK"


@pytest.mark.parametrize(
    ("path", "body", "reason"),
    [
        ("/api/generate", {"model": "llama3.2"}, "load"),
        ("/api/generate", {"model": "llama3.2", "keep_alive": 0}, "unload"),
        ("/api/chat", {"model": "qwen3", "messages": None, "stream": True}, "load"),
        ("/api/chat", {"model": "qwen3", "messages": [], "keep_alive": "0s"}, "unload"),
    ],
)
def test_load_and_unload_are_single_objects(
    ollama_server: OllamaTestServer, path: str, body: object, reason: str
) -> None:
    r = httpx.post(ollama_server.url + path, json=body)
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert not r.text.endswith("\n")
    answer = r.json()
    assert answer["done"] is True and answer["done_reason"] == reason
    if path.endswith("chat"):
        assert answer["message"] == {"role": "assistant", "content": ""}
    else:
        assert answer["response"] == ""


def test_client_disconnect_mid_stream_is_quiet_and_observed(
    ollama_server: OllamaTestServer, capfd: pytest.CaptureFixture[str]
) -> None:
    ollama_server.faults.slow_stream(0.2, path="/api/generate")
    conn = RawConnection(ollama_server)
    conn.send(post("/api/generate", b'{"model":"llama3.2","prompt":"a b c d e f"}'))
    conn.read_until(b"\n")  # first line arrived
    conn.close()
    assert ollama_server.wait_for_disconnect(timeout=5)
    assert ollama_server.wait_for_connections(0, timeout=5)
    assert httpx.get(ollama_server.url + "/api/version").status_code == 200
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Error" not in captured.err


def test_many_concurrent_clients(ollama_server: OllamaTestServer) -> None:
    socks = [
        socket.create_connection((ollama_server.host, ollama_server.port), timeout=20) for _ in range(500)
    ]
    try:
        for sock in socks:
            sock.sendall(b"GET /api/version HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        for sock in socks:
            data = b""
            while chunk := sock.recv(4096):
                data += chunk
            assert data.startswith(b"HTTP/1.1 200 OK") and data.endswith(b'{"version":"0.33.0-rc2"}')
    finally:
        for sock in socks:
            sock.close()
