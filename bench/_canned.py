"""The fake server's canned answers, built once as complete HTTP/1.1 responses.

Bodies are shaped like a real Ollama server's (nanosecond RFC 3339 timestamps, float32-precision
embedding values, one NDJSON line per HTTP chunk) so client-side parsing costs are realistic, but
everything is pre-encoded so the server itself only copies bytes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

__all__ = ["Canned", "Sizes", "build"]

_DATE = "Date: Sun, 01 Jun 2025 12:00:00 GMT\r\n"
_STAMP = "2025-06-01T12:00:00.123456789Z"
_TEXT = (
    "The sky appears blue because molecules in the atmosphere scatter shorter wavelengths of "
    "sunlight more strongly than longer ones, an effect known as Rayleigh scattering, so blue "
    "light reaches our eyes from every direction"
)
_WORDS = _TEXT.split(" ")


@dataclass(frozen=True, slots=True)
class Sizes:
    stream_chunks: int = 20_000
    models: int = 50
    embed_rows: int = 256
    embed_dims: int = 1024


@dataclass(frozen=True, slots=True)
class Canned:
    chat: bytes
    chat_stream: bytes
    tags: bytes
    embed: bytes
    version: bytes
    blob_missing: bytes
    blob_created: bytes
    not_found: bytes


def _compact(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def _plain(status: str, body: bytes, content_type: str = "application/json; charset=utf-8") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{_DATE}Content-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def _metrics() -> dict[str, Any]:
    return {
        "done_reason": "stop",
        "total_duration": 4883583458,
        "load_duration": 1334875,
        "prompt_eval_count": 26,
        "prompt_eval_duration": 342546000,
        "eval_count": 282,
        "eval_duration": 4535599000,
    }


def _chat() -> bytes:
    body = {
        "model": "llama3.2",
        "created_at": _STAMP,
        "message": {"role": "assistant", "content": _TEXT},
        "done": True,
        **_metrics(),
    }
    return _plain("200 OK", _compact(body))


def _chat_stream(chunks: int) -> bytes:
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\n{_DATE}Transfer-Encoding: chunked\r\n\r\n"
    )
    parts = [head.encode()]
    for i in range(max(chunks - 1, 0)):
        word = _WORDS[i % len(_WORDS)]
        line = _compact(
            {
                "model": "llama3.2",
                "created_at": _STAMP,
                "message": {"role": "assistant", "content": " " + word},
                "done": False,
            }
        )
        parts.append(b"%x\r\n%s\n\r\n" % (len(line) + 1, line))
    last = _compact(
        {
            "model": "llama3.2",
            "created_at": _STAMP,
            "message": {"role": "assistant", "content": ""},
            "done": True,
            **_metrics(),
        }
    )
    parts.append(b"%x\r\n%s\n\r\n0\r\n\r\n" % (len(last) + 1, last))
    return b"".join(parts)


def _tags(count: int) -> bytes:
    models = []
    for i in range(count):
        name = f"bench-model-{i:03d}:latest"
        models.append(
            {
                "name": name,
                "model": name,
                "modified_at": f"2025-05-04T17:{i % 60:02d}:44.706015396-07:00",
                "size": 2019393189 + i,
                "digest": f"{i:064x}",
                "details": {
                    "parent_model": "",
                    "format": "gguf",
                    "family": "llama",
                    "families": ["llama"],
                    "parameter_size": "3.2B",
                    "quantization_level": "Q4_K_M",
                },
                "capabilities": ["completion", "tools"],
            }
        )
    return _plain("200 OK", _compact({"models": models}))


def _embed(rows: int, dims: int) -> bytes:
    rng = random.Random(8)
    vectors = []
    for _ in range(rows):
        raw = [rng.gauss(0.0, 1.0) for _ in range(dims)]
        norm = sum(x * x for x in raw) ** 0.5 or 1.0
        # Go prints float32 values with at most 9 significant digits; 8 is typical.
        vectors.append("[" + ",".join(f"{x / norm:.8g}" for x in raw) + "]")
    body = (
        '{"model":"all-minilm","embeddings":['
        + ",".join(vectors)
        + '],"total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}'
    )
    return _plain("200 OK", body.encode())


def build(sizes: Sizes) -> Canned:
    return Canned(
        chat=_chat(),
        chat_stream=_chat_stream(sizes.stream_chunks),
        tags=_tags(sizes.models),
        embed=_embed(sizes.embed_rows, sizes.embed_dims),
        version=_plain("200 OK", b'{"version":"0.12.6"}'),
        # HEAD answers carry no body; Content-Length 0 keeps every client's framing simple.
        blob_missing=f"HTTP/1.1 404 Not Found\r\n{_DATE}Content-Length: 0\r\n\r\n".encode(),
        blob_created=f"HTTP/1.1 201 Created\r\n{_DATE}Content-Length: 0\r\n\r\n".encode(),
        not_found=_plain("404 Not Found", b'{"error":"404 page not found"}', "text/plain"),
    )
