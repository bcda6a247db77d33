"""Text enters the test server as Go's ``encoding/json`` decodes it: invalid text becomes U+FFFD.

Go never refuses a request body for its text: an unpaired UTF-16 surrogate escape (``"\\ud83d"``)
becomes U+FFFD, a surrogate pair becomes its code point, and each byte that does not start a valid
UTF-8 sequence becomes one U+FFFD. The real server then answers 200. These tests send such bodies over
sockets to every route and compare the answers with those for the same body holding U+FFFD itself.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollixir.testing import OllamaTestServer
from ollixir.testing._goscan import decode_first_value, go_text

FFFD = "\ufffd"
FFFD_BYTES = FFFD.encode()

# (name, what the placeholder becomes on the wire, how many U+FFFD Go decodes it to)
INVALID: list[tuple[str, bytes, str]] = [
    ("lone-high-escape", b"\\ud83d", FFFD),
    ("lone-low-escape", b"\\udc00", FFFD),
    ("low-then-high-escapes", b"\\ude00\\ud83d", FFFD * 2),
    ("high-escape-then-letter", b"\\ud83dA", FFFD + "A"),
    ("byte-ff", b"\xff", FFFD),
    ("cut-three-byte-sequence", b"\xe2\x82", FFFD * 2),
    ("cut-four-byte-sequence", b"\xf0\x9f\x98", FFFD * 3),
    ("utf8-encoded-surrogate", b"\xed\xa0\xbd", FFFD * 3),
    ("overlong-slash", b"\xc0\xaf", FFFD * 2),
    ("above-u10ffff", b"\xf4\x90\x80\x80", FFFD * 4),
    ("stray-continuation", b"\x80\xbf", FFFD * 2),
]
IDS = [case[0] for case in INVALID]

# Request sequences, with "@@" where the invalid text goes. Each runs on a fresh server state.
JSON_ROUTES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("generate", [("POST", "/api/generate", '{"model":"llama3.2","prompt":"hi @@ there","stream":false}')]),
    ("generate-stream", [("POST", "/api/generate", '{"model":"llama3.2","system":"s@@","prompt":"p @@"}')]),
    ("generate-thinking-stream", [("POST", "/api/generate", '{"model":"qwen3","prompt":"@@ q"}')]),
    ("generate-logprobs", [("POST", "/api/generate", '{"model":"llama3.2","prompt":"x@@","logprobs":true,"top_logprobs":2,"stream":false}')]),
    ("chat", [("POST", "/api/chat", '{"model":"llama3.2","messages":[{"role":"user","content":"a @@ b"}],"stream":false}')]),
    ("chat-stream", [("POST", "/api/chat", '{"model":"qwen3","messages":[{"role":"system","content":"@@"},{"role":"user","content":"a @@"}],"think":true}')]),
    ("chat-tools", [("POST", "/api/chat", '{"model":"llama3.2","messages":[{"role":"user","content":"get_weather city=@@ days=2"}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","required":["city","days"],"properties":{"city":{"type":"string"},"days":{"type":"integer"}}}}}],"stream":false}')]),
    ("chat-tool-result", [("POST", "/api/chat", '{"model":"llama3.2","messages":[{"role":"tool","tool_name":"t@@","content":"r@@"}],"stream":false}')]),
    ("chat-schema-keys", [("POST", "/api/chat", '{"model":"llama3.2","messages":[{"role":"user","content":"k@@=v"}],"format":{"type":"object","properties":{"k@@":{"type":"string"}}},"stream":false}')]),
    ("chat-role", [("POST", "/api/chat", '{"model":"llama3.2","messages":[{"role":"us@@er","content":"x"}],"stream":false}')]),
    ("embed", [("POST", "/api/embed", '{"model":"all-minilm","input":"a@@"}')]),
    ("embed-list", [("POST", "/api/embed", '{"model":"nomic-embed-text","input":["@@","b @@ c"],"dimensions":8}')]),
    ("embeddings", [("POST", "/api/embeddings", '{"model":"all-minilm","prompt":"a@@"}')]),
    ("create-then-show", [
        ("POST", "/api/create", '{"model":"m1","from":"llama3.2","system":"be @@","parameters":{"stop":["@@"]},"messages":[{"role":"user","content":"@@"}],"license":"L@@","stream":false}'),
        ("POST", "/api/show", '{"model":"m1"}'),
        ("POST", "/api/chat", '{"model":"m1","messages":[{"role":"user","content":"x @@ y"}],"stream":false}'),
    ]),
    ("create-stream", [("POST", "/api/create", '{"model":"m2","from":"qwen3","template":"{{ .Prompt }}@@"}')]),
    ("show-name", [("POST", "/api/show", '{"model":"llama@@"}')]),
    ("show-system", [("POST", "/api/show", '{"model":"llama3.2","system":"@@","verbose":true}')]),
    ("copy", [("POST", "/api/copy", '{"source":"llama3.2","destination":"c@@"}')]),
    ("delete", [("DELETE", "/api/delete", '{"model":"n@@"}')]),
    ("pull", [("POST", "/api/pull", '{"model":"p@@","stream":false}')]),
    ("push", [("POST", "/api/push", '{"model":"test/x@@"}')]),
    ("keep-alive", [("POST", "/api/generate", '{"model":"llama3.2","prompt":"x","keep_alive":"5@@"}')]),
    ("think-value", [("POST", "/api/chat", '{"model":"qwen3","messages":[],"think":"hi@@"}')]),
    ("images", [("POST", "/api/generate", '{"model":"llava","prompt":"x","images":["AAAA@@"]}')]),
    ("unknown-key", [("POST", "/api/generate", '{"model":"llama3.2","prompt@@":"x","stream":false}')]),
    ("web-search", [("POST", "/api/web_search", '{"query":"q@@","max_results":2}')]),
    ("web-fetch", [("POST", "/api/web_fetch", '{"url":"https://e.com/@@"}')]),
]  # fmt: skip
VOLATILE = re.compile(rb'"(created_at|modified_at|expires_at)":"[^"]*"')
# The route sweep uses one case of each kind; the full list runs on the inference routes.
SWEEP = [
    case
    for case in INVALID
    if case[0] in ("lone-high-escape", "lone-low-escape", "byte-ff", "cut-four-byte-sequence")
]
FULL_ROUTES = [route for route in JSON_ROUTES if route[0] in ("generate", "chat-stream", "embed-list")]


def _run(
    server: OllamaTestServer, requests: list[tuple[str, str, str]], text: bytes
) -> list[tuple[int, bytes]]:
    server.reset()
    answers: list[tuple[int, bytes]] = []
    with httpx.Client(
        base_url=server.url, timeout=30, headers={"Authorization": "Bearer test-key"}
    ) as client:
        for method, path, template in requests:
            body = template.encode().replace(b"@@", text)
            r = client.request(method, path, content=body, headers={"Content-Type": "application/json"})
            answers.append((r.status_code, VOLATILE.sub(b"", r.content)))
    return answers


def _same_as_replacement(
    server: OllamaTestServer, requests: list[tuple[str, str, str]], wire: bytes, decoded: str
) -> None:
    # A stream cut short would raise in httpx or differ from the complete one.
    got = _run(server, requests, wire)
    assert got == _run(server, requests, decoded.encode())
    assert all(status != 500 for status, _ in got), got


@pytest.mark.parametrize(("name", "wire", "decoded"), SWEEP, ids=[case[0] for case in SWEEP])
@pytest.mark.parametrize(("route", "requests"), JSON_ROUTES, ids=[r[0] for r in JSON_ROUTES])
def test_every_route_answers_invalid_text_as_its_replacement(
    ollama_server: OllamaTestServer,
    route: str,
    requests: list[tuple[str, str, str]],
    name: str,
    wire: bytes,
    decoded: str,
) -> None:
    """Every JSON route answers a body with invalid text exactly as the same body holding Go's
    replacement (statuses, streams to their last line, error messages, stored models)."""
    _same_as_replacement(ollama_server, requests, wire, decoded)


@pytest.mark.parametrize(("name", "wire", "decoded"), INVALID, ids=IDS)
@pytest.mark.parametrize(("route", "requests"), FULL_ROUTES, ids=[r[0] for r in FULL_ROUTES])
def test_each_kind_of_invalid_text(
    ollama_server: OllamaTestServer,
    route: str,
    requests: list[tuple[str, str, str]],
    name: str,
    wire: bytes,
    decoded: str,
) -> None:
    _same_as_replacement(ollama_server, requests, wire, decoded)
    assert _run(ollama_server, requests, wire)[0][0] == 200


def _lines(r: httpx.Response) -> list[dict[str, Any]]:
    assert r.status_code == 200, r.text
    return [json.loads(line) for line in r.text.splitlines()]


@pytest.mark.parametrize("escape", ["\\ud83d", "\\udc00", "\\udbff"])
def test_lone_surrogates_echo_as_replacement(ollama_server: OllamaTestServer, escape: str) -> None:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as client:
        body = '{"model":"llama3.2","prompt":"a' + escape + ' b","stream":false}'
        r = client.post("/api/generate", content=body)
        assert r.status_code == 200 and r.json()["response"] == f"You said: a{FFFD} b"
        assert r.json()["context"][0] == sum(f"a{FFFD}".encode())
        chat = '{"model":"qwen3","messages":[{"role":"user","content":"' + escape + '"}]}'
        lines = _lines(client.post("/api/chat", content=chat))
        assert "".join(c["message"].get("thinking", "") for c in lines) == f"Thinking about: {FFFD}"
        assert "".join(c["message"]["content"] for c in lines) == f"You said: {FFFD}"
        assert lines[-1]["done"] is True


def test_surrogate_pair_escape_is_its_code_point(ollama_server: OllamaTestServer) -> None:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as client:
        body = '{"model":"llama3.2","prompt":"\\ud83d\\ude00 \\uD83D\\uDE00","stream":false}'
        assert client.post("/api/generate", content=body).json()["response"] == "You said: 😀 😀"


def test_invalid_utf8_bytes_in_a_stream(ollama_server: OllamaTestServer) -> None:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as client:
        body = (
            b'{"model":"llama3.2","messages":[{"role":"user","content":"x\xff\xe2\x82y \xf0\x9f\x98\x80"}]}'
        )
        lines = _lines(client.post("/api/chat", content=body))
        assert "".join(c["message"]["content"] for c in lines) == f"You said: x{FFFD * 3}y 😀"
        assert lines[-1]["done"] is True and len(lines) == 5


def test_embed_hashes_the_replacement(ollama_server: OllamaTestServer) -> None:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as client:

        def embed(raw: bytes) -> list[list[float]]:
            r = client.post("/api/embed", content=b'{"model":"all-minilm","input":' + raw + b"}")
            assert r.status_code == 200, r.text
            vectors: list[list[float]] = r.json()["embeddings"]
            return vectors

        replaced = embed('"a\ufffd"'.encode())
        assert embed(b'"a\\ud83d"') == replaced
        assert embed(b'"a\xff"') == replaced
        assert embed(b'["a\\udc00", "b"]')[0] == replaced[0]
        assert embed(b'"a\\ud83d"') != embed(b'"a"')
        legacy = client.post("/api/embeddings", content=b'{"model":"all-minilm","prompt":"a\\ud83d"}')
        assert (
            legacy.json()
            == client.post("/api/embeddings", json={"model": "all-minilm", "prompt": "a\ufffd"}).json()
        )


def test_error_messages_carry_the_replacement(ollama_server: OllamaTestServer) -> None:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as client:
        r = client.post("/api/generate", content=b'{"model":"llama3.2","prompt":"x","keep_alive":"5\\ud83d"}')
        assert r.status_code == 400
        assert r.json() == {"error": 'time: unknown unit "\\xef\\xbf\\xbd" in duration "5\\xef\\xbf\\xbd"'}
        r = client.post("/api/chat", content=b'{"model":"qwen3","think":"\\udc00"}')
        assert r.status_code == 400
        assert r.json()["error"].startswith(f'invalid think value: "{FFFD}"')


def _go_utf8(data: bytes) -> str:
    """Go's ``utf8.DecodeRune`` loop: a well-formed sequence (Unicode Table 3-7) is one rune, any
    other byte is one U+FFFD."""
    second = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}
    out: list[str] = []
    i = 0
    while i < len(data):
        lead = data[i]
        size = (
            1
            if lead < 0x80
            else 2
            if 0xC2 <= lead <= 0xDF
            else 3
            if 0xE0 <= lead <= 0xEF
            else 4
            if 0xF0 <= lead <= 0xF4
            else 0
        )
        lo, hi = second.get(lead, (0x80, 0xBF))
        rest = data[i + 1 : i + size]
        ok = size == 1 or (
            size > 1
            and len(rest) == size - 1
            and lo <= rest[0] <= hi
            and all(0x80 <= b <= 0xBF for b in rest[1:])
        )
        if ok:
            out.append(data[i : i + size].decode())
            i += size
        else:
            out.append(FFFD)
            i += 1
    return "".join(out)


@settings(max_examples=400)
@given(
    st.binary(max_size=40)
    | st.lists(
        st.sampled_from(
            [b"\xe2", b"\x82", b"\xac", b"\xf0", b"\x9f", b"\xed", b"\xa0", b"\xc3", b"a", b"\xff"]
        )
    ).map(b"".join)
)
def test_go_text_replaces_per_invalid_byte(data: bytes) -> None:
    assert go_text(data) == _go_utf8(data)


def _go_unquote(units: list[int]) -> str:
    """Go's ``unquote`` for a string of ``\\uXXXX`` escapes: a high then a low surrogate is one rune,
    any other surrogate is U+FFFD."""
    out: list[str] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if 0xD800 <= unit <= 0xDBFF and i + 1 < len(units) and 0xDC00 <= units[i + 1] <= 0xDFFF:
            out.append(chr(0x10000 + ((unit - 0xD800) << 10) + (units[i + 1] - 0xDC00)))
            i += 2
            continue
        out.append(FFFD if 0xD800 <= unit <= 0xDFFF else chr(unit))
        i += 1
    return "".join(out)


@settings(max_examples=400)
@given(st.lists(st.sampled_from([0x41, 0xE9, 0xD83D, 0xDE00, 0xDBFF, 0xDC00, 0xDFFF, 0xD800, 0x20AC, 0x5C])))
def test_escapes_decode_as_go_unquote(units: list[int]) -> None:
    escaped = "".join(f"\\u{u:04x}" for u in units)
    decoded = decode_first_value(f'{{"k{escaped}":["{escaped}"]}}'.encode())
    expected = _go_unquote(units)
    assert decoded == {f"k{expected}": [expected]}
