"""Secrets and transport security: the API key stays where it belongs, TLS is verified."""

from __future__ import annotations

import http.server
import logging
import shutil
import ssl
import subprocess
import threading
import traceback
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ollixir

KEY = "sk-live-0123456789abcdef"  # also set as the test server's key where a call must succeed
USER = [{"role": "user", "content": "hi"}]


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def serve(
    handler: type[http.server.BaseHTTPRequestHandler], context: ssl.SSLContext | None = None
) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    scheme = "https" if context else "http"
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def redirector(ollama_server: Any) -> Iterator[str]:
    """A server on another origin that redirects every request to the test server via ``localhost``."""
    target = urllib.parse.urlsplit(ollama_server.url)

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(307)
            self.send_header("Location", f"http://localhost:{target.port}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args: Any) -> None:
            pass

    yield from serve(Redirect)


def test_authorization_is_not_forwarded_across_origins(ollama_server: Any, redirector: str) -> None:
    with ollixir.init(redirector, api_key=KEY, follow_redirects=True) as client:
        assert client.list().models  # followed to the test server...
    tags = [r for r in ollama_server.requests if r.path == "/api/tags"]
    assert tags and "authorization" not in {k.lower() for k in tags[-1].headers}  # ...without the key


def test_redirects_are_not_followed_by_default(ollama_server: Any, redirector: str) -> None:
    with ollixir.init(redirector, api_key=KEY) as client, pytest.raises(ollixir.ResponseError) as info:
        client.list()
    assert info.value.status == 307
    assert not [r for r in ollama_server.requests if r.path == "/api/tags"]


def test_cloud_key_goes_only_to_cloud_url(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url, api_key="test-key", cloud_url=ollama_server.url) as client:
        client.web_search("x")
    sent = [r for r in ollama_server.requests if r.path == "/api/web_search"][-1]
    assert sent.headers["authorization"] == "Bearer test-key"


def test_web_tools_refuse_plain_http_to_remote_cloud(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url, api_key=KEY, cloud_url="http://cloud.example.com") as client:
        ollama_server.requests.clear()
        with pytest.raises(ollixir.RequestError, match="plain HTTP"):
            client.web_search("x")
        with pytest.raises(ollixir.RequestError, match="plain HTTP"):
            client.web_fetch("https://example.com")
    assert not [r for r in ollama_server.requests if r.path.startswith("/api/web")]


def test_key_never_in_repr_errors_logs_or_tracebacks(
    ollama_server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    ollama_server.faults.fail(503, path="/api/tags", times=1)
    with ollixir.init(
        ollama_server.url, api_key=KEY, retry=ollixir.RetryPolicy(max_attempts=2, base_delay=0.01)
    ) as client:
        texts.append(repr(client))
        client.list()  # retried once: a log line
        for bad in (
            lambda: client.chat("missing", USER),
            lambda: client.web_search(""),
            lambda: client.check_blob("x"),
        ):
            try:
                bad()
            except ollixir.OllixirError as exc:
                texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    with ollixir.init(f"http://127.0.0.1:{_closed_port()}", api_key=KEY) as client:
        try:
            client.list()
        except ollixir.ConnectionError as exc:
            texts += [str(exc), "".join(traceback.format_exception(exc))]
    texts += [r.getMessage() for r in caplog.records]
    assert len(texts) > 8
    assert not [t for t in texts if KEY in t]


def _closed_port() -> int:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port: int = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture
def self_signed(tmp_path: Path) -> ssl.SSLContext:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


def test_tls_is_verified_by_default(self_signed: ssl.SSLContext) -> None:
    class Ok(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"version":"x"}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    for url in serve(Ok, self_signed):
        with ollixir.init(url) as client, pytest.raises(ollixir.ConnectionError) as info:
            client.version()
        assert "TLS" in str(info.value) or "certificate" in str(info.value).lower()
        with ollixir.init(url, verify=False) as insecure:  # an explicit opt-out works
            assert insecure.version().version == "x"
