"""Large inputs go out as a stream of JSON pieces (no whole-body copies) and arrive intact."""

from __future__ import annotations

import base64
import json
from typing import Any

from ollixir._core.jsonbody import LARGE, JsonStream, encode_body
from tests.clientkit import Api


def test_small_bodies_are_plain_bytes() -> None:
    assert encode_body({"model": "m", "prompt": "hi"}) == b'{"model":"m","prompt":"hi"}'


def test_stream_encoding_equals_json() -> None:
    value = {"a": 'é"\\\n<' * (LARGE // 3), "b": [1, 2.5, None, True, {"c": "x"}], 'k"': "v" * (LARGE + 7)}
    body = encode_body(value)
    assert isinstance(body, JsonStream)
    pieces = list(body)
    assert max(len(p) for p in pieces) <= 4 * LARGE  # bounded pieces, never the whole body
    assert json.loads(b"".join(pieces)) == value
    assert b"".join(body) == b"".join(pieces)  # re-iterable, so a retry can send it again


def test_large_prompt_and_images_arrive_intact(api: Api, ollama_server: Any) -> None:
    prompt = "describe " + "x" * (3 * LARGE)  # two tokens for the fake model, 3 MiB on the wire
    images = [bytes([i]) * 2048 for i in range(200)]
    r = api.call("completion", "llava", prompt, images=images, options={"num_predict": 2})
    assert r.response == "You said:"
    sent = [x for x in ollama_server.requests if x.path == "/api/generate"][-1]
    assert sent.headers.get("transfer-encoding") == "chunked"
    assert sent.json["prompt"] == prompt
    assert sent.json["images"][7] == base64.b64encode(images[7]).decode()


def test_a_large_prompt_streams_back_on_both_clients(api: Api, ollama_server: Any) -> None:
    # The async client once sent a JsonStream to httpx.AsyncClient as a sync iterable on streamed calls.
    prompt = "describe " + "x" * (2 * LARGE)
    chunks, final = api.stream("completion", "llama3.2", prompt, options={"num_predict": 2})
    assert chunks and final.done
    sent = [x for x in ollama_server.requests if x.path == "/api/generate"][-1]
    assert sent.headers.get("transfer-encoding") == "chunked"
    assert sent.json["prompt"] == prompt


def test_ten_thousand_messages(api: Api, ollama_server: Any) -> None:
    messages = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"m{i}"} for i in range(10_000)]
    r = api.call("chat", "llama3.2", messages)
    assert r.message.content == "You said: m9998"
    assert len([x for x in ollama_server.requests if x.path == "/api/chat"][-1].json["messages"]) == 10_000


def test_binary_images_are_encoded_while_writing() -> None:
    from ollixir._core.jsonbody import Base64Data
    from ollixir._ops.images import prepare_images

    canonical = base64.b64encode(b"\x89PNG\r\n\x1a\nabc").decode()
    prepared = prepare_images([b"\x00\x01\x02", bytearray(b"xyz"), canonical])
    assert isinstance(prepared[0], Base64Data) and isinstance(prepared[1], Base64Data)
    assert prepared[2] is canonical  # standard padded base64 is sent as given, not re-encoded
    small = encode_body({"images": prepared})
    assert isinstance(small, bytes)
    assert json.loads(small)["images"] == [base64.b64encode(b"\x00\x01\x02").decode(), "eHl6", canonical]
    big = bytes(range(256)) * 20_000  # 5 MB: streamed in base64 slices
    streamed = encode_body({"images": [big, "x"]} | {"images": prepare_images([big])})
    assert isinstance(streamed, JsonStream)
    assert json.loads(b"".join(streamed))["images"] == [base64.b64encode(big).decode()]
