"""Behaviour that follows a specific Ollama handler (github.com/ollama/ollama ``server/routes.go``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ollixir.testing import FakeModel, OllamaTestServer

HARMONY_TEMPLATE = (
    "<|start|>system<|message|>{{ .System }}<|end|><|start|>user<|message|>{{ .Prompt }}<|end|>"
)
HARMONY = FakeModel(
    "gpt-oss:20b", ("completion", "tools", "thinking"), family="gptoss", template=HARMONY_TEMPLATE
)
HARMONY_DASHED = FakeModel(
    "oss-dashed:1b", ("completion", "thinking"), family="gpt-oss", template=HARMONY_TEMPLATE
)
# A gpt-oss family model whose template lacks harmony's tags is not a harmony model.
OSS_PLAIN = FakeModel("oss-plain:1b", ("completion", "thinking"), family="gptoss", template="{{ .Prompt }}")
# Harmony tags in a template of another family do not make a harmony model either.
TAGS_ONLY = FakeModel("tags-only:1b", ("completion", "thinking"), family="llama", template=HARMONY_TEMPLATE)


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    ollama_server.add_models(HARMONY, HARMONY_DASHED, OSS_PLAIN, TAGS_ONLY)
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def _thinking(client: httpx.Client, path: str, model: str, think: object, stream: bool) -> str:
    body: dict[str, Any] = {"model": model, "think": think, "stream": stream}
    if path == "/api/chat":
        body["messages"] = [{"role": "user", "content": "q"}]
    else:
        body["prompt"] = "q"
    r = client.post(path, json=body)
    assert r.status_code == 200, r.text
    lines = [json.loads(line) for line in r.text.splitlines()]
    return "".join((line.get("message") or line).get("thinking", "") for line in lines)


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("path", ["/api/generate", "/api/chat"])
@pytest.mark.parametrize(
    ("model", "level"),
    [
        ("gpt-oss:20b", "high"),
        ("oss-dashed:1b", "high"),
        ("oss-plain:1b", "max"),
        ("tags-only:1b", "max"),
        ("qwen3", "max"),
    ],
)
def test_think_max_is_high_for_harmony_models(
    client: httpx.Client, path: str, stream: bool, model: str, level: str
) -> None:
    """GenerateHandler and ChatHandler: when ``shouldUseHarmony(m)`` (model family "gptoss" or "gpt-oss"
    and a template containing both "<|start|>" and "<|end|>"), ``req.Think`` "max" is replaced with "high"
    before the model sees it, because harmony's Reasoning field only knows low/medium/high. Every other
    model is handed "max" as sent."""
    assert _thinking(client, path, model, "max", stream) == f"Thinking ({level}) about: q"
    # Only "max" is mapped; the other levels and booleans pass through.
    assert _thinking(client, path, model, "low", stream) == "Thinking (low) about: q"
    assert _thinking(client, path, model, True, stream) == "Thinking about: q"


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"model": "", "input": 1}, 404, "model '' not found"),
        ({"input": {"a": 1}}, 404, "model '' not found"),
        ({"model": "bad name!", "input": 1}, 400, "invalid model name"),
        ({"model": "a:b:c:d", "input": [1]}, 400, "invalid model name"),
        ({"model": "not-installed", "input": 1}, 400, "invalid input type"),
        ({"model": "not-installed", "input": ["a", 2]}, 400, "invalid input type"),
        ({"model": "all-minilm", "input": True}, 400, "invalid input type"),
        (
            {"model": "not-installed", "input": "a"},
            404,
            'model "not-installed" not found, try pulling it first',
        ),
    ],
)
def test_embed_checks_the_model_name_before_the_input(
    client: httpx.Client, body: dict[str, object], status: int, error: str
) -> None:
    """EmbedHandler: after binding, ``parseAndValidateModelRef(req.Model)`` runs first (an empty name is
    404 ``model '' not found`` via ``writeModelRefParseError``'s fallback, an invalid one 400), a cloud
    name is proxied next, then ``req.Input`` is type-checked (400 ``invalid input type``), and only then
    is the model looked up (404 when it is not installed)."""
    r = client.post("/api/embed", json=body)
    assert (r.status_code, r.json()) == (status, {"error": error})


def test_embed_cloud_name_is_proxied_before_the_input_check(client: httpx.Client) -> None:
    """EmbedHandler: ``modelRef.Source == modelSourceCloud`` is handled before the input switch, so a
    cloud name with a bad input gets the cloud answer (401 here: the test server is never signed in)."""
    r = client.post("/api/embed", json={"model": "llama3.2:cloud", "input": 1})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
