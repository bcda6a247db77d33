"""Malformed answers end in one error: a valid result, or a ProtocolError naming the operation and the
response field, for every operation with a JSON or NDJSON answer, streamed and not, typed and dict
mode. Nothing else (no KeyError, TypeError, AttributeError or bare ValueError) may escape.

A tiny canned-answer HTTP server on 127.0.0.1 serves valid answers (the spec examples) with one
mutation each: a key dropped, a value of another JSON type, a corrupt timestamp, a nested object
replaced by a string. Whether the mutated answer is still valid is decided independently of the
generated code, by validating it against openapi.yaml's schema with jsonschema, adjusted for two
documented client rules: an optional field that is null reads as absent, and number arrays are
checked as numbers in C, so true/false pass among them (README, "Absent fields are None").
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ollixir
from tests.spec_examples_responses import RESPONSES, TIMESTAMP_KEYS

SPEC = yaml.safe_load((Path(__file__).resolve().parent.parent / "openapi.yaml").read_text())


# ---------------------------------------------------------------- the oracle


def _relax(schema: Any) -> Any:
    """The spec's schema under the client's documented reading rules (see the module docstring)."""
    if isinstance(schema, list):
        return [_relax(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _relax(v) for k, v in schema.items()}
    required = set(schema.get("required", []))
    if "properties" in out:
        out["properties"] = {
            name: prop if name in required else {"anyOf": [prop, {"type": "null"}]}
            for name, prop in out["properties"].items()
        }
    items = out.get("items")
    if isinstance(items, dict) and items.get("type") == "number":
        out["items"] = {"type": ["number", "boolean"]}
    return out


COMPONENTS = {"schemas": _relax(SPEC["components"]["schemas"])}
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    return not isinstance(value, str) or isinstance(datetime.fromisoformat(value), datetime)


def is_valid(schema_name: str, body: Any) -> bool:
    schema = {"components": COMPONENTS, "$ref": f"#/components/schemas/{schema_name}"}
    validator = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    return validator.is_valid(body)


# ---------------------------------------------------------------- the canned server


class Canned:
    def __init__(self) -> None:
        self.body = b"{}"
        self.content_type = "application/json"


class _Handler(BaseHTTPRequestHandler):
    canned: Canned

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = self.canned.body
        self.send_response(200)
        self.send_header("Content-Type", self.canned.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def canned() -> Iterator[tuple[Canned, str]]:
    state = Canned()
    handler = type("Handler", (_Handler,), {"canned": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- operations and valid answers


def _examples(name: str) -> list[Any]:
    return [body for schema, body in RESPONSES if schema == name]


def _progress() -> list[Any]:
    lines = [b for b in _examples("ProgressResponse") if b["status"] != "success"]
    return [*lines, {"status": "success"}]


def _chunks(name: str) -> list[Any]:
    chunks = _examples(name)
    return [c for c in chunks if not c["done"]] + [c for c in chunks if c["done"]][:1]


# operation name (as errors say it) -> (call, answer schema, chunk schema or None, stream chunks)
OPERATIONS: dict[str, tuple[Any, str, str | None, list[Any]]] = {
    "chat": (
        lambda c, **kw: c.chat("m", [{"role": "user", "content": "x"}], **kw),
        "ChatResponse",
        "ChatStreamChunk",
        _chunks("ChatStreamChunk"),
    ),
    "completion": (
        lambda c, **kw: c.completion("m", "x", **kw),
        "GenerateResponse",
        "GenerateStreamChunk",
        _chunks("GenerateStreamChunk"),
    ),
    "embed": (lambda c: c.embed("m", ["a"]), "EmbedResponse", None, []),
    "embeddings": (lambda c: c.embeddings("m", "a"), "EmbeddingsResponse", None, []),
    "list_models": (lambda c: c.list_models(), "ListResponse", None, []),
    "list_running": (lambda c: c.list_running(), "ProcessResponse", None, []),
    "show_model": (lambda c: c.show_model("m"), "ShowResponse", None, []),
    "create_model": (
        lambda c, **kw: c.create_model("x", from_="m", **kw),
        "ProgressResponse",
        "ProgressResponse",
        _progress(),
    ),
    "pull_model": (
        lambda c, **kw: c.pull_model("m", **kw),
        "ProgressResponse",
        "ProgressResponse",
        _progress(),
    ),
    "push_model": (
        lambda c, **kw: c.push_model("me/m", **kw),
        "ProgressResponse",
        "ProgressResponse",
        _progress(),
    ),
    "version": (lambda c: c.version(), "VersionResponse", None, []),
    "web_search": (lambda c: c.web_search("q"), "WebSearchResponse", None, []),
    "web_fetch": (lambda c: c.web_fetch("https://example.com"), "WebFetchResponse", None, []),
}


# Operations of the table the client has no method for yet: their answers are mutated and parsed
# with the generated model directly (ShapeError instead of the client's ProtocolError).
MODEL_ONLY = {
    "whoami": "UserResponse",
    "server_status": "StatusResponse",
    "model_recommendations": "ModelRecommendationsResponse",
}


def test_every_operation_with_a_json_answer_is_covered() -> None:
    from ollixir_api.api import OPERATIONS as TABLE

    answered = {op.response_model for op in TABLE.values() if op.response_model}
    assert answered == {schema for _, schema, _, _ in OPERATIONS.values()} | set(MODEL_ONLY.values())
    assert {TABLE[op].response_model for op in MODEL_ONLY} == set(MODEL_ONLY.values())
    streamed = {op.stream_model for op in TABLE.values() if op.stream_model}
    assert streamed == {chunk for _, _, chunk, _ in OPERATIONS.values() if chunk}


def test_the_examples_are_valid() -> None:
    for _, schema, chunk_schema, chunks in OPERATIONS.values():
        assert _examples(schema) and all(is_valid(schema, body) for body in _examples(schema))
        assert all(is_valid(chunk_schema or "", c) for c in chunks)
    for schema in MODEL_ONLY.values():
        assert _examples(schema) and all(is_valid(schema, body) for body in _examples(schema))


# ---------------------------------------------------------------- mutations

Path_ = tuple[str | int, ...]


def _paths(value: Any, prefix: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    if prefix:
        yield prefix, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


def _field(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    return type(value).__name__


OTHER_VALUES = ["text", 7, 0.5, True, None, [1], {"k": 1}]


def _mutate(body: Any, kind: str, pick: int, replacement: int) -> tuple[Any, Path_] | None:
    """``body`` with one mutation of ``kind`` at the ``pick``-th eligible place, and where it was."""
    places = list(_paths(body))
    if kind == "drop":
        eligible = [p for p, _ in places if isinstance(p[-1], str)]
    elif kind == "retype":
        eligible = [p for p, _ in places]
    elif kind == "timestamp":
        eligible = [p for p, _ in places if p[-1] in TIMESTAMP_KEYS]
    else:  # "object to string"
        eligible = [p for p, v in places if isinstance(v, dict)]
    if not eligible:
        return None
    path = eligible[pick % len(eligible)]
    out = copy.deepcopy(body)
    parent = out
    for part in path[:-1]:
        parent = parent[part]
    old = parent[path[-1]]
    if kind == "drop":
        del parent[path[-1]]
    elif kind == "retype":
        choices = [v for v in OTHER_VALUES if _kind(v) != _kind(old)]
        parent[path[-1]] = copy.deepcopy(choices[replacement % len(choices)])
    elif kind == "timestamp":
        parent[path[-1]] = ["yesterday", "2026-02-30T10:00:00Z", "", "2026-08-21 10:00"][replacement % 4]
    else:
        parent[path[-1]] = json.dumps(old)
    return out, path


# ---------------------------------------------------------------- the test


@pytest.fixture(scope="module")
def clients(canned: tuple[Canned, str]) -> Iterator[dict[str, Any]]:
    _, url = canned
    options = {"api_key": "k", "cloud_url": url}
    with (
        ollixir.Client(url, **options) as typed,
        ollixir.Client(url, response_format="dict", **options) as raw,
    ):
        yield {"typed": typed, "dict": raw}


def _run(client: Any, op: str, stream: bool) -> Any:
    call = OPERATIONS[op][0]
    if not stream:
        return call(client)
    with call(client, stream=True) as s:
        chunks = list(s)
        return chunks, s.final()


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(sorted(OPERATIONS)),
    st.booleans(),
    st.sampled_from(["typed", "dict"]),
    st.sampled_from(["drop", "retype", "timestamp", "object to string"]),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
)
def test_a_mutated_answer_is_a_result_or_a_protocol_error_naming_the_field(
    canned: tuple[Canned, str],
    clients: dict[str, Any],
    op: str,
    stream: bool,
    mode: str,
    kind: str,
    which: int,
    pick: int,
    replacement: int,
) -> None:
    state, _ = canned
    _, schema, chunk_schema, chunks = OPERATIONS[op]
    stream = stream and chunk_schema is not None
    if stream:
        lines = copy.deepcopy(chunks)
        target = which % len(lines)
        mutated = _mutate(lines[target], kind, pick, replacement)
        if mutated is None:
            return
        lines[target], path = mutated
        valid = is_valid(chunk_schema or "", lines[target])
        state.content_type = "application/x-ndjson"
        state.body = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
    else:
        examples = _examples(schema)
        mutated = _mutate(examples[which % len(examples)], kind, pick, replacement)
        if mutated is None:
            return
        body, path = mutated
        valid = is_valid(schema, body)
        state.content_type = "application/json"
        state.body = json.dumps(body).encode()

    field = _field(path)
    try:
        result = _run(clients[mode], op, stream)
    except ollixir.ProtocolError as exc:
        assert exc.operation == op, exc
        if mode == "typed" or exc.field is not None:
            # The model's checks (typed) or the stream's folding (dict) name the field.
            assert not valid or mode == "dict", f"{op}: a valid answer was rejected: {exc}"
            assert exc.field == field, f"{exc} (mutated {field})"
            assert str(exc).startswith(f"{op}: response field '{field}': "), exc
        else:
            # Dict mode checks nothing but what it folds: a final chunk whose done/status was
            # broken no longer ends the stream.
            assert stream and "the stream ended before its final" in str(exc), exc
        return
    assert mode == "dict" or valid, f"{op}: invalid answer accepted (mutated {field}): {result!r}"
    if mode == "typed":
        final = result[1] if stream else result
        assert hasattr(final, "to_dict")


@pytest.mark.parametrize("mode", ["typed", "dict"])
def test_known_mutations_name_their_fields(
    canned: tuple[Canned, str], clients: dict[str, Any], mode: str
) -> None:
    """A few fixed cases, so a regression shows up as a readable failure and not only in hypothesis."""
    state, _ = canned
    chunk = {
        "model": "m",
        "created_at": "2026-08-21T10:00:00Z",
        "message": {"role": "assistant", "content": 5},
        "done": True,
    }
    state.content_type = "application/x-ndjson"
    state.body = json.dumps(chunk).encode() + b"\n"
    with pytest.raises(ollixir.ProtocolError) as caught:
        _run(clients[mode], "chat", stream=True)
    assert (
        str(caught.value)
        == "chat: response field 'message.content': expected string, got integer (status 200)"
    )

    state.content_type = "application/json"
    state.body = json.dumps({"models": [{"name": "x"}]}).encode()
    if mode == "typed":
        with pytest.raises(ollixir.ProtocolError) as caught:
            clients[mode].list_models()
        assert caught.value.field == "models[0].model"
        assert "required key is missing" in str(caught.value)
    else:
        assert clients[mode].list_models() == {"models": [{"name": "x"}]}


def test_the_async_client_reports_the_same(canned: tuple[Canned, str]) -> None:
    import asyncio

    state, url = canned

    async def go() -> list[str]:
        seen = []
        async with ollixir.AsyncClient(url) as client:
            state.content_type = "application/json"
            state.body = json.dumps({"version": 3}).encode()
            try:
                await client.version()
            except ollixir.ProtocolError as exc:
                seen.append(str(exc))
            state.content_type = "application/x-ndjson"
            state.body = b'{"status": "pulling"}\n{"status": "success", "total": "big"}\n'
            try:
                async with await client.pull_model("m", stream=True) as s:
                    [p async for p in s]
            except ollixir.ProtocolError as exc:
                seen.append(str(exc))
        return seen

    assert asyncio.run(go()) == [
        "version: response field 'version': expected string, got integer (status 200)",
        "pull_model: response field 'total': expected integer, got string 'big' (status 200)",
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(MODEL_ONLY)),
    st.sampled_from(["drop", "retype", "timestamp", "object to string"]),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
)
def test_answers_of_operations_without_a_client_method_fail_as_one_shape_error(
    op: str, kind: str, which: int, pick: int, replacement: int
) -> None:
    from ollixir_api import ShapeError
    from ollixir_api.api import OPERATIONS as TABLE

    schema = MODEL_ONLY[op]
    examples = _examples(schema)
    mutated = _mutate(examples[which % len(examples)], kind, pick, replacement)
    if mutated is None:
        return
    body, path = mutated
    model = TABLE[op].response_type()
    try:
        parsed = model.from_dict(body)
    except ShapeError as exc:
        assert not is_valid(schema, body), f"{op}: a valid answer was rejected: {exc}"
        assert exc.path == _field(path), f"{exc} (mutated {_field(path)})"
        return
    assert is_valid(schema, body), f"{op}: invalid answer accepted (mutated {_field(path)}): {parsed!r}"
