"""Server state: create (from a model, from blobs), tags/show/copy/delete, running models and keep_alive."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ollixir.testing import OllamaTestServer, make_gguf


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def events(r: httpx.Response) -> list[dict[str, Any]]:
    assert r.status_code == 200, r.text
    return [json.loads(line) for line in r.text.splitlines()]


def upload(client: httpx.Client, data: bytes) -> str:
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    assert client.post(f"/api/blobs/{digest}", content=data).status_code in (200, 201)
    return digest


def names(client: httpx.Client) -> list[str]:
    return [m["name"] for m in client.get("/api/tags").json()["models"]]


def test_create_from_existing_model(client: httpx.Client) -> None:
    body = {
        "model": "acme/helper:v1",
        "from": "llama3.2",
        "system": "You are terse.",
        "parameters": {"temperature": 0.2, "stop": ["END", "STOP"], "num_ctx": 8192},
        "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
        "license": ["MIT", "Apache"],
    }
    statuses = [str(e["status"]) for e in events(client.post("/api/create", json=body))]
    system_digest = "sha256:" + hashlib.sha256(b"You are terse.").hexdigest()
    assert statuses[0].startswith("using existing layer sha256:")
    assert f"creating new layer {system_digest}" in statuses
    assert statuses[-2:] == ["writing manifest", "success"]
    assert names(client)[0] == "acme/helper:v1"
    show = client.post("/api/show", json={"model": "acme/helper:v1"}).json()
    assert show["system"] == "You are terse."
    assert show["license"] == "MIT\nApache"
    assert show["messages"] == [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    assert show["details"]["parent_model"] == "llama3.2:latest"
    assert show["capabilities"] == ["completion", "tools"]
    params = show["parameters"].splitlines()
    assert (
        'stop                           "END"' in params and 'stop                           "STOP"' in params
    )
    assert "temperature                    0.2" in params and "num_ctx                        8192" in params
    assert "PARAMETER stop END\nPARAMETER stop STOP" in show["modelfile"]
    assert "MESSAGE user hi\nMESSAGE assistant hello" in show["modelfile"]
    assert "# FROM acme/helper:v1\n" in show["modelfile"]
    # The created model behaves like its base and uses its MESSAGEs and SYSTEM in the prompt count.
    answer = client.post(
        "/api/chat",
        json={"model": "acme/helper:v1", "messages": [{"role": "user", "content": "x"}], "stream": False},
    ).json()
    assert answer["message"]["content"] == "You said: x" and answer["prompt_eval_count"] == 3 + 1 + 1 + 1


def test_create_non_streaming_and_aliases(client: httpx.Client) -> None:
    r = client.post(
        "/api/create", json={"name": "alias", "from": "all-minilm", "quantization": "q4_K_M", "stream": False}
    )
    assert (r.status_code, r.json(), r.headers["content-type"]) == (
        200,
        {"status": "success"},
        "application/json",
    )
    show = client.post("/api/show", json={"model": "alias"}).json()
    assert show["details"]["quantization_level"] == "Q4_K_M" and show["capabilities"] == ["embedding"]


def test_create_quantize_progress(client: httpx.Client) -> None:
    lines = events(client.post("/api/create", json={"model": "q", "from": "all-minilm", "quantize": "q8_0"}))
    quantizing = [e for e in lines if str(e["status"]).startswith("quantizing")]
    assert quantizing[0]["status"] == "quantizing F16 model to Q8_0"
    assert quantizing[0]["digest"] == "0000000000000000000"


def test_create_from_registry_pulls_first(client: httpx.Client) -> None:
    statuses = [
        str(e["status"])
        for e in events(client.post("/api/create", json={"model": "mini", "from": "tinyllama"}))
    ]
    assert statuses[0] == "pulling manifest" and "verifying sha256 digest" in statuses
    assert statuses[-1] == "success"
    assert {"tinyllama:latest", "mini:latest"} <= set(names(client))


def test_create_from_gguf_blob(client: httpx.Client) -> None:
    gguf = make_gguf(
        {
            "general.architecture": "gemma",
            "general.file_type": 15,
            "gemma.context_length": 8192,
            "gemma.embedding_length": 640,
        },
        tensors=[("token_embd.weight", (640, 1000), 12), ("output_norm.weight", (640,), 0)],
    )
    digest = upload(client, gguf)
    adapter = upload(client, make_gguf({"general.architecture": "gemma", "adapter.type": "lora"}, tensors=[]))
    template = "{{ .Prompt }}{{ if .Tools }}{{ .Tools }}{{ end }}"
    r = client.post(
        "/api/create",
        json={
            "model": "g",
            "files": {"model.gguf": digest},
            "adapters": {"a.gguf": adapter},
            "template": template,
        },
    )
    statuses = [str(e["status"]) for e in events(r)]
    assert statuses[:2] == ["parsing GGUF", "parsing GGUF"]
    assert f"using existing layer {digest}" in statuses and f"using existing layer {adapter}" in statuses
    tags = {m["name"]: m for m in client.get("/api/tags").json()["models"]}
    details = tags["g:latest"]["details"]
    assert (details["family"], details["quantization_level"], details["context_length"]) == (
        "gemma",
        "Q4_K_M",
        8192,
    )
    assert tags["g:latest"]["capabilities"] == ["completion", "tools"]
    assert tags["g:latest"]["size"] >= len(gguf)
    show = client.post("/api/show", json={"model": "g"}).json()
    assert show["tensors"] == [
        {"name": "token_embd.weight", "type": "Q4_K", "shape": [640, 1000]},
        {"name": "output_norm.weight", "type": "F32", "shape": [640]},
    ]
    assert show["model_info"]["general.architecture"] == "gemma"
    assert "\nADAPTER " in show["modelfile"] and show["template"] == template
    assert (
        client.post("/api/generate", json={"model": "g", "prompt": "hi", "stream": False}).json()["response"]
        == "You said: hi"
    )


def test_create_gguf_without_extension_and_info_override(client: httpx.Client) -> None:
    digest = upload(client, make_gguf())
    r = client.post(
        "/api/create",
        json={
            "model": "e",
            "files": {"weights": digest},
            "info": {"capabilities": ["embedding"], "parameter_size": "1M"},
            "stream": False,
        },
    )
    assert r.json() == {"status": "success"}
    show = client.post("/api/show", json={"model": "e"}).json()
    assert show["capabilities"] == ["embedding"] and show["details"]["parameter_size"] == "1M"


def test_create_two_adapters_rejected(client: httpx.Client) -> None:
    a, b = upload(client, make_gguf(tensors=[])), upload(client, make_gguf({"x": 1}, tensors=[]))
    r = client.post(
        "/api/create",
        json={"model": "x", "from": "llama3.2", "adapters": {"a.gguf": a, "b.gguf": b}, "stream": False},
    )
    assert (r.status_code, r.json()) == (400, {"error": "only one adapter is currently supported"})


def test_copy_is_case_insensitive_and_delete_removes(client: httpx.Client) -> None:
    assert client.post("/api/copy", json={"source": "LLAMA3.2", "destination": "copy"}).status_code == 200
    assert (
        client.post("/api/generate", json={"model": "Copy:Latest", "prompt": "x", "stream": False}).json()[
            "model"
        ]
        == "Copy:Latest"
    )
    before = client.get("/api/tags").json()["models"]
    digests = {m["name"]: m["digest"] for m in before}
    assert digests["copy:latest"] == digests["llama3.2:latest"]
    client.request("DELETE", "/api/delete", json={"name": "copy"})
    assert "copy:latest" not in names(client)


def ps(client: httpx.Client) -> dict[str, dict[str, object]]:
    return {m["name"]: m for m in client.get("/api/ps").json()["models"]}


def parse(stamp: object) -> dt.datetime:
    text = str(stamp)
    text = re.sub(r"\.(\d{1,9})", lambda m: "." + m.group(1)[:6].ljust(6, "0"), text)
    return dt.datetime.fromisoformat(text)


def test_keep_alive_semantics(client: httpx.Client) -> None:
    client.post("/api/generate", json={"model": "llama3.2", "prompt": "x", "keep_alive": 0, "stream": False})
    assert "llama3.2:latest" not in ps(client)
    client.post("/api/generate", json={"model": "llama3.2", "keep_alive": -1})
    client.post("/api/chat", json={"model": "qwen3", "keep_alive": "10m"})
    client.post("/api/embed", json={"model": "all-minilm", "input": "x", "keep_alive": 3600})
    running = ps(client)
    assert list(running) == ["llama3.2:latest", "all-minilm:latest", "qwen3:latest"]  # latest expiry first
    assert parse(running["llama3.2:latest"]["expires_at"]).year >= 2300
    gap = parse(running["all-minilm:latest"]["expires_at"]) - parse(running["qwen3:latest"]["expires_at"])
    assert dt.timedelta(minutes=49) < gap < dt.timedelta(minutes=51)
    assert running["all-minilm:latest"]["context_length"] == 256
    client.post("/api/generate", json={"model": "llama3.2", "keep_alive": "0s"})
    assert "llama3.2:latest" not in ps(client)


def test_num_ctx_shows_in_ps(client: httpx.Client) -> None:
    client.post("/api/chat", json={"model": "qwen3", "options": {"num_ctx": 8192}})
    assert ps(client)["qwen3:latest"]["context_length"] == 8192


def test_reset_restores_defaults(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    client.request("DELETE", "/api/delete", json={"model": "llama3.2"})
    client.post("/api/generate", json={"model": "qwen3"})
    upload(client, b"blob")
    ollama_server.faults.fail(500)
    ollama_server.reset()
    assert "llama3.2:latest" in names(client)
    assert ps(client) == {} and len(ollama_server.faults) == 0
    assert client.head("/api/blobs/sha256:" + hashlib.sha256(b"blob").hexdigest()).status_code == 404
    assert [r.path for r in ollama_server.requests] == [
        "/api/tags",
        "/api/ps",
        f"/api/blobs/sha256:{hashlib.sha256(b'blob').hexdigest()}",
    ]
