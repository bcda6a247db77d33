"""Fault injection, the request log and connection observation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Literal

import httpx
import pytest

from ollixir.testing import Fault, FaultKind, OllamaTestServer

GEN = {"model": "llama3.2", "prompt": "a b c d"}  # 6 lines: You / said: / a / b / c / d + final = 7


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


@pytest.mark.parametrize(
    ("body", "content_type", "content"),
    [
        ("json", "application/json; charset=utf-8", b'{"error":"server busy, please try again.  maximum pending requests exceeded"}'),
        ("text", "text/plain; charset=utf-8", b"server busy, please try again.  maximum pending requests exceeded"),
        ("empty", None, b""),
    ],
)  # fmt: skip
def test_fail_kinds(
    client: httpx.Client,
    ollama_server: OllamaTestServer,
    body: Literal["json", "text", "empty"],
    content_type: str | None,
    content: bytes,
) -> None:
    fault = ollama_server.faults.fail(503, body=body, retry_after=7, path="/api/tags", times=2)
    for _ in range(2):
        r = client.get("/api/tags")
        assert (r.status_code, r.content, r.headers["retry-after"]) == (503, content, "7")
        assert r.headers.get("content-type") == content_type
    assert client.get("/api/tags").status_code == 200
    assert fault.hits == 2 and len(ollama_server.faults) == 0


def test_fault_matching_by_path_pattern_and_method(
    client: httpx.Client, ollama_server: OllamaTestServer
) -> None:
    ollama_server.faults.fail(429, path="/api/*", method="POST", times=None)
    assert client.get("/api/tags").status_code == 200
    r = client.post("/api/show", json={"model": "llama3.2"})
    assert (r.status_code, r.json()) == (429, {"error": "rate limit exceeded"})
    assert client.post("/api/show", json={"model": "llama3.2"}).status_code == 429
    ollama_server.faults.clear()
    assert client.post("/api/show", json={"model": "llama3.2"}).status_code == 200


def test_fault_matching_by_operation(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    # The operation's method and path, from the same table the client uses: chat only, POST only.
    fault = ollama_server.faults.fail(503, operation="chat", times=None)
    assert (fault.method, fault.path) == ("POST", "/api/chat")
    assert client.post("/api/generate", json={"model": "llama3.2"}).status_code == 200
    assert client.get("/api/chat").status_code == 405  # the router's answer, not the fault's
    r = client.post("/api/chat", json={"model": "llama3.2", "messages": []})
    assert (r.status_code, r.json()["error"]) == (
        503,
        "server busy, please try again.  maximum pending requests exceeded",
    )
    assert fault.hits == 1


def test_fault_matching_by_operation_with_a_path_parameter(
    client: httpx.Client, ollama_server: OllamaTestServer
) -> None:
    # check_blob is HEAD /api/blobs/{digest}: any digest, but not the upload (POST) on the same path.
    ollama_server.faults.fail(500, operation="check_blob", times=None)
    digest = "sha256:" + "0" * 64
    assert client.post(f"/api/blobs/{digest}", content=b"").status_code == 400  # digest mismatch
    assert client.head(f"/api/blobs/{digest}").status_code == 500
    assert client.head("/api/blobs/sha256-" + "1" * 64).status_code == 500


def test_head_and_get_are_separate_operations(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.fail(503, operation="version_head", times=None)
    assert client.get("/api/version").status_code == 200
    assert client.head("/api/version").status_code == 503


def test_stream_fault_by_operation(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.error_line(2, "boom", operation="generate")
    lines = client.post("/api/generate", json=GEN).text.splitlines()
    assert len(lines) == 3 and json.loads(lines[-1]) == {"error": "boom"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"operation": "chatter"}, "operation 'chatter' is not an operation of openapi.yaml"),
        ({"operation": "chat", "path": "/api/chat"}, "operation='chat' or path/method, not both"),
        ({"operation": "chat", "method": "POST"}, "operation='chat' or path/method, not both"),
    ],
)
def test_bad_operation_is_refused_before_any_request(
    ollama_server: OllamaTestServer, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        ollama_server.faults.fail(503, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        Fault(FaultKind.DROP, **kwargs)  # type: ignore[arg-type]
    assert len(ollama_server.faults) == 0


def test_fault_object_api(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    fault = ollama_server.faults.add(Fault(FaultKind.FAIL, path="/", status=500, message="boom"))
    assert list(ollama_server.faults) == [fault]
    assert client.get("/").json() == {"error": "boom"}


def test_error_body(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.error_body("model runner has unexpectedly stopped", path="/api/chat")
    r = client.post("/api/chat", json={"model": "llama3.2", "messages": []})
    assert (r.status_code, r.json()) == (200, {"error": "model runner has unexpectedly stopped"})


def test_close_before_headers(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.close_before_headers(path="/api/tags")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/api/tags")
    assert client.get("/api/tags").status_code == 200
    assert [r.path for r in ollama_server.requests] == ["/api/tags", "/api/tags"]


def test_delay_headers_and_timeout_disconnect(ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.delay_headers(5, path="/api/version")
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(ollama_server.url + "/api/version", timeout=0.2)
    assert ollama_server.wait_for_disconnect(timeout=5)
    ollama_server.faults.delay_headers(0.05, path="/api/version")
    assert httpx.get(ollama_server.url + "/api/version").status_code == 200


def stream_lines(client: httpx.Client, body: object, path: str = "/api/generate") -> list[str]:
    got: list[str] = []
    with client.stream("POST", path, json=body) as r:
        assert r.status_code == 200
        for line in r.iter_lines():
            got.append(line)
    return got


def test_error_line(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.error_line(after=2, message="runner crashed", path="/api/generate")
    got = stream_lines(client, GEN)
    assert len(got) == 3 and json.loads(got[2]) == {"error": "runner crashed"}


def test_drop(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.drop(after=2, path="/api/generate")
    got: list[str] = []
    with pytest.raises(httpx.RemoteProtocolError), client.stream("POST", "/api/generate", json=GEN) as r:
        got.extend(r.iter_lines())
    assert [json.loads(line)["response"] for line in got] == ["You", " said:"]


def test_drop_before_first_line(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.drop(after=0, path="/api/pull")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/api/pull", json={"model": "tinyllama"})


def test_malformed_line(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.malformed_line(after=1, text="{not json", path="/api/generate")
    got = stream_lines(client, GEN)
    assert got[1] == "{not json" and len(got) == 8
    assert json.loads(got[-1])["done"] is True


def test_stream_fault_fires_at_end_when_stream_is_short(
    client: httpx.Client, ollama_server: OllamaTestServer
) -> None:
    ollama_server.faults.error_line(after=100, message="late", path="/api/pull")
    got = stream_lines(client, {"model": "tinyllama"}, "/api/pull")
    assert json.loads(got[-2]) == {"status": "success"} and json.loads(got[-1]) == {"error": "late"}


def test_stream_faults_wait_for_a_streamed_response(
    client: httpx.Client, ollama_server: OllamaTestServer
) -> None:
    fault = ollama_server.faults.drop(after=1)
    assert client.get("/api/tags").status_code == 200  # not a stream: the fault stays armed
    assert fault.hits == 0
    with pytest.raises(httpx.RemoteProtocolError):
        stream_lines(client, GEN)
    assert fault.hits == 1


@pytest.mark.parametrize("size", [1 << 20, 64 << 20])
def test_huge_line_in_stream(client: httpx.Client, ollama_server: OllamaTestServer, size: int) -> None:
    ollama_server.faults.huge_line(size, after=1, path="/api/generate")
    lengths: list[int] = []
    current = 0
    with client.stream("POST", "/api/generate", json=GEN) as r:
        for piece in r.iter_bytes():
            while b"\n" in piece:
                head, piece = piece.split(b"\n", 1)
                lengths.append(current + len(head) + 1)
                current = 0
            current += len(piece)
    assert lengths[1] == size and len(lengths) == 8


def test_huge_line_is_valid_json(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.huge_line(5000, after=0, path="/api/chat")
    got = stream_lines(
        client, {"model": "llama3.2", "messages": [{"role": "user", "content": "x"}]}, "/api/chat"
    )
    huge = json.loads(got[0])
    assert len(got[0]) + 1 == 5000 and set(huge["message"]["content"]) == {"x"}
    assert json.loads(got[1])["message"]["content"] == "You"


def test_huge_single_object_body(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.huge_line(100_000, path="/api/version")
    r = client.get("/api/version")
    body = r.json()
    assert len(r.content) == 100_000 and body["version"] == "0.33.0-rc2" and set(body["padding"]) == {"x"}


def test_truncated_body(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.truncated_body(0.5, path="/api/tags")
    r = client.get("/api/tags")
    with pytest.raises(json.JSONDecodeError):
        r.json()
    assert 0 < len(r.content) < len(client.get("/api/tags").content)
    ollama_server.faults.truncated_body(0.5, close=True, path="/api/tags")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/api/tags")


def test_slow_stream_and_cancellation(ollama_server: OllamaTestServer) -> None:
    ollama_server.faults.slow_stream(0.1, path="/api/chat")
    with (
        httpx.Client(base_url=ollama_server.url) as c,
        c.stream(
            "POST",
            "/api/chat",
            json={"model": "llama3.2", "messages": [{"role": "user", "content": "a b c d e f g h"}]},
        ) as r,
    ):
        first = next(r.iter_lines())
        assert json.loads(first)["message"]["content"] == "You"
    # Leaving the block closed the connection mid-stream: the server notices.
    assert ollama_server.wait_for_disconnect(timeout=5)
    assert ollama_server.disconnects == 1
    assert ollama_server.wait_for_connections(0, timeout=5)


def test_request_log(client: httpx.Client, ollama_server: OllamaTestServer) -> None:
    client.post("/api/show?x=1", json={"model": "llama3.2"}, headers={"X-Trace": "abc"})
    client.post("/api/blobs/sha256:" + "0" * 64, content=b"12345")
    client.get("/nope")
    show, blob, missing = ollama_server.requests
    assert (show.method, show.path, show.query, show.json) == (
        "POST",
        "/api/show",
        "x=1",
        {"model": "llama3.2"},
    )
    assert show.headers["x-trace"] == "abc" and show.body_size == len(b'{"model":"llama3.2"}')
    assert (blob.json, blob.body_size) == (None, 5)
    assert missing.path == "/nope"
    ollama_server.requests.clear()
    assert ollama_server.requests == []


def test_open_connections(ollama_server: OllamaTestServer) -> None:
    clients = [httpx.Client(base_url=ollama_server.url) for _ in range(3)]
    for c in clients:
        c.get("/")
    assert ollama_server.wait_for_connections(3, timeout=5)
    assert ollama_server.open_connections == 3 and ollama_server.connections_accepted == 3
    for c in clients:
        c.close()
    assert ollama_server.wait_for_connections(0, timeout=5)
