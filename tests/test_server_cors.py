"""CORS and the Host-header guard, as the Ollama server's middleware answers them, over raw sockets."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from ollixir.testing import OllamaTestServer
from ollixir.testing._host_guard import HostGuard, _interface_addresses, host_verdict, split_host_port

METHODS = "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS"
HEADERS = (
    "Authorization,Content-Type,User-Agent,Accept,X-Requested-With,Openai-Beta,X-Stainless-Arch,"
    "X-Stainless-Async,X-Stainless-Custom-Poll-Interval,X-Stainless-Helper-Method,X-Stainless-Lang,"
    "X-Stainless-Os,X-Stainless-Package-Version,X-Stainless-Poll-Helper,X-Stainless-Retry-Count,"
    "X-Stainless-Runtime,X-Stainless-Runtime-Version,X-Stainless-Timeout"
)
CHAT = b'{"model":"llama3.2","messages":[{"role":"user","content":"hi"}],"stream":false}'


class Reply:
    def __init__(self, raw: bytes) -> None:
        head, _, self.body = raw.partition(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        self.status = int(status_line.split()[1])
        self.headers: list[tuple[str, str]] = []
        for line in lines:
            key, _, value = line.partition(":")
            self.headers.append((key.lower(), value.strip()))

    def get(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k == name.lower()]

    def cors(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.headers if k.startswith("access-control-") or k == "vary"]


def request(
    server: OllamaTestServer,
    method: str,
    path: str,
    *,
    host: str | None = "",
    origin: str | None = None,
    body: bytes = b"",
    extra: str = "",
) -> Reply:
    """One request on a fresh connection (``Connection: close``), read to the end.

    ``host`` "" sends ``127.0.0.1:<port>`` as a browser would; None sends no Host header.
    """
    host = f"127.0.0.1:{server.port}" if host == "" else host
    lines = [f"{method} {path} HTTP/1.1"]
    if host is not None:
        lines.append(f"Host: {host}")
    if origin is not None:
        lines.append(f"Origin: {origin}")
    if body:
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    raw = ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode() + body
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(raw)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return Reply(data)


def preflight(server: OllamaTestServer, origin: str, path: str = "/api/chat", host: str = "") -> Reply:
    extra = "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n"
    return request(server, "OPTIONS", path, host=host, origin=origin, extra=extra)


@pytest.fixture
def server(ollama_server: OllamaTestServer) -> OllamaTestServer:
    return ollama_server


# -- CORS ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "origin",
    [
        "http://localhost",
        "https://localhost",
        "http://localhost:3000",
        "https://localhost:8443",
        "http://127.0.0.1",
        "http://127.0.0.1:5173",
        "https://0.0.0.0:1",
        "app://obsidian.md",
        "file://",
        "tauri://localhost",
        "vscode-webview://1234abcd",
        "vscode-file://vscode-app",
    ],
)
def test_preflight_from_an_allowed_origin(server: OllamaTestServer, origin: str) -> None:
    reply = preflight(server, origin)
    assert reply.status == 204 and reply.body == b""
    assert reply.get("content-length") == [] and reply.get("content-type") == []
    assert reply.cors() == [
        ("access-control-allow-headers", HEADERS),
        ("access-control-allow-methods", METHODS),
        ("access-control-allow-origin", origin),
        ("access-control-max-age", "43200"),
        ("vary", "Origin"),
        ("vary", "Access-Control-Request-Method"),
        ("vary", "Access-Control-Request-Headers"),
    ]


@pytest.mark.parametrize("path", ["/api/tags", "/api/version", "/no/such/route", "/v1/chat/completions"])
def test_preflight_is_answered_on_any_path(server: OllamaTestServer, path: str) -> None:
    reply = preflight(server, "http://localhost:3000", path)
    assert reply.status == 204
    assert reply.get("access-control-allow-origin") == ["http://localhost:3000"]


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "https://localhost.evil.example",
        "http://127.0.0.1.nip.io",
        "http://localhostx",
        "null",
        "chrome-extension://abcdef",
        "HTTP://LOCALHOST",
        "ws://localhost",
    ],
)
def test_other_origins_are_refused_with_403(server: OllamaTestServer, origin: str) -> None:
    for method, body in (("OPTIONS", b""), ("POST", CHAT), ("GET", b"")):
        path = "/api/tags" if method == "GET" else "/api/chat"
        reply = request(server, method, path, origin=origin, body=body)
        assert (reply.status, reply.body, reply.cors()) == (403, b"", []), method
        assert reply.get("content-length") == ["0"]
    # The route never ran: nothing was answered or logged as a chat.
    assert [r.path for r in server.requests][-1] == "/api/tags"


def test_allowed_origin_gets_its_origin_echoed_on_normal_and_streamed_answers(
    server: OllamaTestServer,
) -> None:
    reply = request(server, "POST", "/api/chat", origin="http://localhost:3000", body=CHAT)
    assert reply.status == 200 and b'"content":"You said: hi"' in reply.body
    assert reply.cors() == [("access-control-allow-origin", "http://localhost:3000"), ("vary", "Origin")]
    streamed = request(
        server, "POST", "/api/generate", origin="app://x", body=b'{"model":"llama3.2","prompt":"a b"}'
    )
    assert streamed.status == 200 and streamed.get("transfer-encoding") == ["chunked"]
    assert streamed.get("access-control-allow-origin") == ["app://x"]
    errors = request(server, "POST", "/api/show", origin="http://127.0.0.1:8080", body=b'{"model":"nope"}')
    assert errors.status == 404 and errors.get("access-control-allow-origin") == ["http://127.0.0.1:8080"]
    # gin-contrib's simple-request branch never adds the preflight headers.
    assert reply.get("access-control-allow-methods") == []


def test_requests_without_origin_or_from_their_own_host_are_unaffected(server: OllamaTestServer) -> None:
    plain = request(server, "GET", "/api/version")
    assert plain.status == 200 and plain.cors() == []
    # An Origin naming the request's own host is not a cross-origin request, even for OPTIONS.
    own = f"http://127.0.0.1:{server.port}"
    same = request(server, "GET", "/api/version", origin=own)
    assert same.status == 200 and same.cors() == []
    assert preflight(server, own, "/api/tags").status == 405
    assert preflight(server, "http://127.0.0.1", "/api/tags", host="127.0.0.1").status == 405
    # Without an Origin, OPTIONS is not a preflight: an IP Host goes on to the router (405 here)...
    assert request(server, "OPTIONS", "/api/tags").status == 405
    # ...while an allowed host *name* is answered 204 by the Host guard.
    by_name = request(server, "OPTIONS", "/api/tags", host="localhost")
    assert (by_name.status, by_name.cors(), by_name.body) == (204, [], b"")
    # httpx sends no Origin, and the client works as before.
    assert httpx.get(server.url + "/api/version").headers.get("access-control-allow-origin") is None


@pytest.fixture
def env_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[OllamaTestServer]:
    monkeypatch.setenv("OLLAMA_ORIGINS", " 'http://example.com,https://*.example.org' ")
    with OllamaTestServer() as server:
        yield server


def test_ollama_origins_environment_variable(env_server: OllamaTestServer) -> None:
    assert env_server.origins[:2] == ("http://example.com", "https://*.example.org")
    assert preflight(env_server, "http://example.com").status == 204
    assert preflight(env_server, "https://api.example.org").get("access-control-allow-origin") == [
        "https://api.example.org"
    ]
    assert preflight(env_server, "https://example.org").status == 403  # the * needs the dot before it
    assert preflight(env_server, "http://example.com:8080").status == 403
    assert preflight(env_server, "http://localhost:1").status == 204  # built-ins stay


def test_origins_argument_replaces_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_ORIGINS", "http://from-env.test")
    with OllamaTestServer(origins=["https://Mixed.Case.test", "*-suffix.test"]) as server:
        assert preflight(server, "http://from-env.test").status == 403
        # Exact entries are lower-cased; the request's Origin is compared as sent.
        assert preflight(server, "https://mixed.case.test").status == 204
        assert preflight(server, "https://Mixed.Case.test").status == 403
        assert preflight(server, "http://a-suffix.test").status == 204


def test_wildcard_origin_allows_everything_with_a_star(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_ORIGINS", "*")
    with OllamaTestServer() as server:
        reply = preflight(server, "https://anything.example")
        assert reply.status == 204
        assert reply.cors() == [
            ("access-control-allow-headers", HEADERS),
            ("access-control-allow-methods", METHODS),
            ("access-control-allow-origin", "*"),
            ("access-control-max-age", "43200"),
        ]
        simple = request(server, "GET", "/api/version", origin="https://anything.example")
        assert simple.cors() == [("access-control-allow-origin", "*")]


@pytest.mark.parametrize(
    ("origins", "message"),
    [
        (["example.com"], "'example.com'"),
        (["http://a.test", " http://b.test"], "' http://b.test'"),
        (["http://*.a.*"], "only one *"),
        ([""], "''"),
    ],
)
def test_bad_origins_fail_before_listening(origins: list[str], message: str) -> None:
    with pytest.raises(ValueError, match="bad origin") as info:
        OllamaTestServer(origins=origins)
    assert message in str(info.value)


def test_bad_environment_origins_fail_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_ORIGINS", "http://ok.test, http://spaced.test")
    with pytest.raises(ValueError, match="bad origin") as info:
        OllamaTestServer()
    assert "' http://spaced.test'" in str(info.value)


# -- Host guard ------------------------------------------------------------------------------------


ALLOWED_HOSTS = [
    "localhost",
    "LocalHost:11434",
    "127.0.0.1:80",
    "127.9.9.9",
    "[::1]:11434",
    "::1",
    "10.0.0.7:1",
    "172.16.5.4",
    "172.31.255.255:9",
    "192.168.1.20",
    "0.0.0.0",
    "[::]:80",
    "[fd12::1]:80",
    "[::ffff:127.0.0.1]:80",
    "app.localhost:3000",
    "printer.local",
    "db.internal:5432",
]
FOREIGN_HOSTS = [
    "evil.example",
    "evil.example:11434",
    "localhost.evil.example",
    "8.8.8.8",
    "172.32.0.1",
    "[2001:db8::1]:80",
    "[::1]",  # SplitHostPort fails without a port, and "[::1]" is not an IP: refused, like the server
    "127.0.0.1.nip.io",
    "internal",
    "010.0.0.1",
]


@pytest.mark.parametrize("host", ALLOWED_HOSTS)
def test_allowed_hosts_reach_the_routes(server: OllamaTestServer, host: str) -> None:
    reply = request(server, "GET", "/api/version", host=host)
    assert reply.status == 200 and reply.body == b'{"version":"0.33.0-rc2"}'


@pytest.mark.parametrize("host", FOREIGN_HOSTS)
def test_foreign_hosts_get_403_with_an_empty_body_on_any_route(server: OllamaTestServer, host: str) -> None:
    for method, path, body in (
        ("GET", "/api/version", b""),
        ("GET", "/", b""),
        ("POST", "/api/chat", CHAT),
        ("GET", "/no/such/route", b""),
        ("DELETE", "/api/tags", b""),
        ("OPTIONS", "/api/tags", b""),
    ):
        reply = request(server, method, path, host=host, body=body)
        assert (reply.status, reply.body, reply.get("content-length")) == (403, b"", ["0"]), (method, path)
    assert len(server.requests) == 6  # still logged


def test_host_guard_accepts_this_machines_hostname_and_a_missing_host(server: OllamaTestServer) -> None:
    name = socket.gethostname()
    assert request(server, "GET", "/api/version", host=name.upper()).status == 200
    assert request(server, "GET", "/api/version", host=f"{name}:{server.port}").status == 200
    # HTTP/1.0 may leave Host out; an empty host is allowed.
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(b"GET /api/version HTTP/1.0\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert Reply(data).status == 200


def test_host_guard_accepts_an_address_of_this_machine(server: OllamaTestServer) -> None:
    hosts = [f"[{a}]:80" if a.version == 6 else str(a) for a in _interface_addresses()]
    # Addresses that only the "one of this machine's interfaces" rule lets through.
    only_local = [h for h in hosts if host_verdict(h, "GET", hostname="-") == "forbid"]
    if not only_local:
        pytest.skip("every interface address of this machine is loopback or private")
    for host in only_local:
        assert request(server, "GET", "/api/version", host=host).status == 200, host


def test_cors_runs_before_the_host_guard(server: OllamaTestServer) -> None:
    # An allowed origin's preflight is answered by CORS, so the Host guard never sees it...
    assert preflight(server, "http://localhost:3000", host="evil.example").status == 204
    # ...while a simple request gets the CORS headers and then the guard's 403.
    reply = request(server, "GET", "/api/version", host="evil.example", origin="http://localhost:3000")
    assert reply.status == 403 and reply.body == b""
    assert reply.cors() == [("access-control-allow-origin", "http://localhost:3000"), ("vary", "Origin")]


def test_trailing_slash_redirect_comes_before_the_middleware(server: OllamaTestServer) -> None:
    # gin redirects before running middleware, so even a foreign Host is redirected.
    reply = request(server, "GET", "/api/tags/", host="evil.example", origin="http://evil.example")
    assert reply.status == 301 and reply.get("location") == ["/api/tags"]


def test_guard_is_off_unless_bound_to_loopback() -> None:
    assert HostGuard("127.0.0.1").active and HostGuard("::1").active and HostGuard("127.0.0.2").active
    for bound in ("0.0.0.0", "::", "192.0.2.10", "10.1.1.1"):
        guard = HostGuard(bound)
        assert not guard.active and guard.verdict("evil.example", "GET") == "pass"
    assert HostGuard("127.0.0.1").verdict("evil.example", "GET") == "forbid"


def test_split_host_port_follows_go() -> None:
    assert split_host_port("localhost:80") == ("localhost", "80")
    assert split_host_port("[::1]:80") == ("::1", "80")
    assert split_host_port("host:") == ("host", "")
    for bad in ("localhost", "::1", "[::1]", "[::1]x:80", "a:b:c", "[a]:b]:1", "x[:1"):
        assert split_host_port(bad) is None, bad
