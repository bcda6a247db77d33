"""Every request field of openapi.yaml is a keyword of the client methods and reaches the wire.

Parametrized from the spec itself: a field added to a request schema and regenerated (``scripts/generate``)
is tested here with no further edit, and a field the client does not expose fails. The methods and the
operations they call come from the generator's own table (``scripts/facade_codegen.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import inspect
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import ollixir
from ollixir.testing import OllamaTestServer

ROOT = Path(__file__).resolve().parent.parent
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def _codegen() -> Any:
    spec = importlib.util.spec_from_file_location("facade_codegen", ROOT / "scripts" / "facade_codegen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["facade_codegen"] = module
    spec.loader.exec_module(module)
    return module


CODEGEN = _codegen()

# What each method needs besides the field under test (JSON names).
BASE: dict[str, dict[str, Any]] = {
    "chat": {"model": "llama3.2", "messages": [{"role": "user", "content": "hi"}]},
    "completion": {"model": "llama3.2", "prompt": "hi"},
    "embed": {"model": "all-minilm", "input": "hi"},
    "embeddings": {"model": "all-minilm", "prompt": "hi"},
    "show_model": {"model": "llama3.2"},
    "create_model": {"model": "made", "from": "llama3.2"},
    "delete_model": {"model": "nothing-here"},
    "pull_model": {"model": "tinyllama"},
    "push_model": {"model": "test/pushed"},
    "copy_model": {"source": "llama3.2", "destination": "copied"},
    "web_search": {"query": "ollama"},
    "web_fetch": {"url": "https://ollama.com"},
}
DIGEST = "sha256:" + "0" * 64
# Values the facade accepts for fields whose JSON type alone does not make a valid value.
SAMPLES: dict[str, Any] = {
    "messages": [{"role": "user", "content": "hello"}],
    "tools": [
        {"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}
    ],
    "format": "json",
    "options": {"temperature": 0.5},
    "parameters": {"temperature": 0.5},
    "keep_alive": "5m",
    "think": True,
    "images": ["aGVsbG8="],
    "context": [1, 2, 3],
    "files": {"model.gguf": DIGEST},
    "adapters": {"adapter.gguf": DIGEST},
    "draft_files": {"draft.gguf": DIGEST},
    "from": "llama3.2",
    "name": "llama3.2",
    "model": "llama3.2",
}


def _sample(schema: dict[str, Any]) -> Any:
    if "$ref" in schema:
        return _sample(SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    for union in ("anyOf", "oneOf"):
        if union in schema:
            return _sample(schema[union][0])
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "array":
        return [_sample(schema.get("items", {}))]
    return {"string": "x", "integer": 1, "number": 0.5, "boolean": True, "object": {"k": "v"}}.get(
        kind or "", "x"
    )


def _cases() -> list[tuple[str, str, str, Any]]:
    """(method, JSON field, Python parameter, value) for every field of every fully exposed request."""
    cases = []
    for method in CODEGEN.METHODS:
        if method.operation is None or method.fields is not None:
            continue
        _, schema = CODEGEN.operation(SPEC, method.operation)
        for key, prop in (schema or {}).get("properties", {}).items():
            if key == "stream":  # the facade owns streaming; anything else must be exposed
                continue
            cases.append((method.name, key, CODEGEN.python_name(key), SAMPLES.get(key, _sample(prop))))
    return cases


CASES = _cases()


def test_every_operation_with_a_request_body_is_covered() -> None:
    ops = {m.operation for m in CODEGEN.METHODS if m.fields is None}
    bodies = {
        op["operationId"]
        for item in SPEC["paths"].values()
        for verb, op in item.items()
        if verb != "parameters" and "requestBody" in op and "application/json" in op["requestBody"]["content"]
    }
    # Operations the client does not expose as a method yet are reachable through client.request().
    assert {
        "generate",
        "chat",
        "embed",
        "embeddings",
        "showModel",
        "createModel",
        "pullModel",
    } <= ops & bodies
    assert len(CASES) > 60


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize(("method", "key", "param", "value"), CASES, ids=[f"{c[0]}.{c[1]}" for c in CASES])
def test_request_field_is_a_keyword_and_reaches_the_wire(
    ollama_server: OllamaTestServer, flavour: str, method: str, key: str, param: str, value: Any
) -> None:
    cls = ollixir.Client if flavour == "sync" else ollixir.AsyncClient
    assert param in inspect.signature(getattr(cls, method)).parameters, f"{method}() has no {param}="
    base = dict(BASE[method])
    if key == "name":
        base.pop("model")  # name= is the seed's spelling of model=
    kwargs = {CODEGEN.python_name(k): v for k, v in {**base, key: value}.items()}
    positional = [
        kwargs.pop(p) for p in next(m for m in CODEGEN.METHODS if m.name == method).positional if p in kwargs
    ]
    before = len(ollama_server.requests)
    options = {"api_key": "test-key", "cloud_url": ollama_server.url}

    # The server may refuse a value (ResponseError); what matters here is that it was sent.
    if flavour == "sync":
        with ollixir.init(ollama_server.url, **options) as client, contextlib.suppress(ollixir.ResponseError):
            getattr(client, method)(*positional, **kwargs)
    else:

        async def run() -> None:
            async with ollixir.init_async(ollama_server.url, **options) as client:
                with contextlib.suppress(ollixir.ResponseError):
                    await getattr(client, method)(*positional, **kwargs)

        asyncio.run(run())
    # name= is sent as model, which every server since the rename reads (and old ones read both).
    wire = "model" if key == "name" else key
    sent = [r.json for r in ollama_server.requests[before:] if isinstance(r.json, dict) and wire in r.json]
    assert sent, f"{method}({param}=...) did not send {wire!r}"
    assert sent[-1][wire] is not None
    if key == "name":
        assert sent[-1]["model"] == value
