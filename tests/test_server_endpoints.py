"""Happy paths of every endpoint of the test server, over real sockets with raw httpx."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ollixir.testing import OllamaTestServer

NS_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


def lines(response: httpx.Response) -> list[dict[str, Any]]:
    return [json.loads(line) for line in response.text.splitlines()]


def test_root_get_and_head(client: httpx.Client) -> None:
    r = client.get("/")
    assert (r.status_code, r.text, r.headers["content-type"]) == (
        200,
        "Ollama is running",
        "text/plain; charset=utf-8",
    )
    h = client.head("/")
    assert h.status_code == 200 and h.content == b"" and h.headers["content-length"] == "17"


def test_version_get_and_head(client: httpx.Client) -> None:
    r = client.get("/api/version")
    assert r.content == b'{"version":"0.33.0-rc2"}'
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert client.head("/api/version").status_code == 200


def test_tags_lists_default_catalogue_newest_first(client: httpx.Client) -> None:
    models = client.get("/api/tags").json()["models"]
    names = [m["name"] for m in models]
    assert names == [
        "llama3.2:latest",
        "qwen3:latest",
        "llava:latest",
        "codellama:code",
        "all-minilm:latest",
        "nomic-embed-text:latest",
    ]
    first = models[0]
    assert first["model"] == first["name"]
    assert re.fullmatch(r"[0-9a-f]{64}", first["digest"])
    assert first["modified_at"] == "2026-08-01T03:00:00-07:00"
    assert first["details"] == {
        "parent_model": "",
        "format": "gguf",
        "family": "llama",
        "families": ["llama"],
        "parameter_size": "3.2B",
        "quantization_level": "Q4_K_M",
        "context_length": 131072,
        "embedding_length": 3072,
    }
    assert first["capabilities"] == ["completion", "tools"]
    assert client.head("/api/tags").status_code == 200


def test_generate_streams_by_default(client: httpx.Client) -> None:
    r = client.post("/api/generate", json={"model": "llama3.2", "prompt": "hello world"})
    assert r.headers["content-type"] == "application/x-ndjson"
    chunks = lines(r)
    assert [c["response"] for c in chunks] == ["You", " said:", " hello", " world", ""]
    assert all(c["model"] == "llama3.2" and NS_TIME.match(str(c["created_at"])) for c in chunks)
    assert str(chunks[0]["created_at"]).endswith("Z")
    final = chunks[-1]
    assert final["done"] is True and final["done_reason"] == "stop"
    assert final["context"] == [
        sum(t.encode()) for t in ["hello", " world", "You", " said:", " hello", " world"]
    ]
    assert final["prompt_eval_count"] == 2 and final["eval_count"] == 4
    assert final["load_duration"] == 500_000
    assert final["total_duration"] == 500_000 + 20_000 + 80_000 + 100_000


def test_generate_null_stream_also_streams(client: httpx.Client) -> None:
    r = client.post("/api/generate", json={"model": "llama3.2", "prompt": "x", "stream": None})
    assert r.headers["content-type"] == "application/x-ndjson"


def test_generate_non_streaming_aggregates(client: httpx.Client) -> None:
    r = client.post("/api/generate", json={"model": "qwen3", "prompt": "why", "stream": False})
    body = r.json()
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert not r.text.endswith("\n")
    assert body["response"] == "You said: why"
    assert body["thinking"] == "Thinking about: why"
    assert body["done"] is True and body["eval_count"] == 6


def test_chat_stream_and_non_stream(client: httpx.Client) -> None:
    msgs = [{"role": "user", "content": "one two"}]
    chunks = lines(client.post("/api/chat", json={"model": "llama3.2", "messages": msgs}))
    assert "".join(str(c["message"]["content"]) for c in chunks) == "You said: one two"
    assert chunks[-1]["message"] == {"role": "assistant", "content": ""}
    assert "context" not in chunks[-1]
    body = client.post("/api/chat", json={"model": "llama3.2", "messages": msgs, "stream": False}).json()
    assert body["message"] == {"role": "assistant", "content": "You said: one two"}
    assert body["done_reason"] == "stop"


def test_embed_and_legacy_embeddings(client: httpx.Client) -> None:
    r = client.post("/api/embed", json={"model": "all-minilm", "input": ["a", "b c"]})
    body = r.json()
    assert body["model"] == "all-minilm" and len(body["embeddings"]) == 2
    assert all(len(v) == 384 for v in body["embeddings"])
    assert body["prompt_eval_count"] == 3 and body["total_duration"] > 0 and body["load_duration"] > 0
    legacy = client.post("/api/embeddings", json={"model": "all-minilm", "prompt": "a"}).json()
    assert len(legacy["embedding"]) == 384


def test_ps_shows_loaded_models(client: httpx.Client) -> None:
    assert client.get("/api/ps").json() == {"models": []}
    client.post("/api/generate", json={"model": "llama3.2", "prompt": "x", "stream": False})
    models = client.get("/api/ps").json()["models"]
    assert [m["name"] for m in models] == ["llama3.2:latest"]
    entry = models[0]
    assert entry["size"] == entry["size_vram"] and entry["context_length"] == 4096
    assert NS_TIME.match(entry["expires_at"]) and entry["expires_at"].endswith("-07:00")
    assert entry["details"]["parent_model"] == "" and "context_length" not in entry["details"]


def test_show(client: httpx.Client) -> None:
    body = client.post("/api/show", json={"model": "llama3.2"}).json()
    assert body["capabilities"] == ["completion", "tools"]
    assert body["modelfile"].startswith('# Modelfile generated by "ollama show"\n')
    assert "# FROM llama3.2:latest\n\nFROM " in body["modelfile"]
    assert body["parameters"].splitlines()[0] == 'stop                           "<|start_header_id|>"'
    assert body["model_info"]["general.architecture"] == "llama"
    assert body["model_info"]["tokenizer.ggml.tokens"] == []  # long arrays elided unless verbose
    assert body["tensors"][0]["name"] == "token_embd.weight"
    assert body["details"]["family"] == "llama"
    assert body["modified_at"] == "2026-08-01T03:00:00-07:00"
    verbose = client.post("/api/show", json={"name": "llama3.2", "verbose": True}).json()
    assert len(verbose["model_info"]["tokenizer.ggml.tokens"]) == 7


def test_show_options_and_system_override(client: httpx.Client) -> None:
    body = client.post(
        "/api/show", json={"model": "qwen3", "system": "Be brief.", "options": {"num_ctx": 1000000}}
    ).json()
    assert body["system"] == "Be brief."
    assert 'SYSTEM """Be brief."""' in body["modelfile"]
    assert "PARAMETER num_ctx 1e+06" in body["modelfile"]
    assert "num_ctx" not in body["parameters"]
    assert "temperature                    0.6" in body["parameters"].splitlines()


def test_copy_and_delete(client: httpx.Client) -> None:
    r = client.post("/api/copy", json={"source": "llama3.2", "destination": "backup/llama:v1"})
    assert (r.status_code, r.content) == (200, b"")
    assert "backup/llama:v1" in [m["name"] for m in client.get("/api/tags").json()["models"]]
    r = client.request("DELETE", "/api/delete", json={"model": "backup/llama:v1"})
    assert (r.status_code, r.content) == (200, b"")
    assert "backup/llama:v1" not in [m["name"] for m in client.get("/api/tags").json()["models"]]


def test_pull_stream_format(client: httpx.Client) -> None:
    events = lines(client.post("/api/pull", json={"model": "tinyllama"}))
    statuses = [e["status"] for e in events]
    assert statuses[0] == "pulling manifest"
    assert statuses[-3:] == ["verifying sha256 digest", "writing manifest", "success"]
    layer = events[1]
    assert re.fullmatch(r"pulling [0-9a-f]{12}", str(layer["status"]))
    assert layer["status"] == f"pulling {str(layer['digest'])[7:19]}"
    assert "completed" not in layer and layer["total"] == 637700138
    assert events[3]["completed"] == events[3]["total"]
    assert "tinyllama:latest" in [m["name"] for m in client.get("/api/tags").json()["models"]]
    again = lines(client.post("/api/pull", json={"model": "tinyllama"}))
    assert all(e["completed"] == e["total"] for e in again if "digest" in e)


def test_pull_non_streaming(client: httpx.Client) -> None:
    r = client.post("/api/pull", json={"model": "smollm2:135m", "stream": False})
    assert (r.json(), r.headers["content-type"]) == ({"status": "success"}, "application/json")


def test_push_to_own_namespace(client: httpx.Client) -> None:
    client.post("/api/copy", json={"source": "llama3.2", "destination": "test/mine"})
    events = lines(client.post("/api/push", json={"model": "test/mine"}))
    statuses = [str(e["status"]) for e in events]
    assert statuses[0] == "retrieving manifest"
    assert any(re.fullmatch(r"pushing [0-9a-f]{12}", s) for s in statuses)
    assert statuses[-2:] == ["pushing manifest", "success"]
    # Pushed models are pullable afterwards.
    client.request("DELETE", "/api/delete", json={"model": "test/mine"})
    assert lines(client.post("/api/pull", json={"model": "test/mine"}))[-1] == {"status": "success"}


def test_web_search_and_fetch(client: httpx.Client) -> None:
    auth = {"Authorization": "Bearer test-key"}
    results = client.post("/api/web_search", json={"query": "ollama"}, headers=auth).json()["results"]
    assert len(results) == 5
    assert results[0] == {
        "title": "Result 1 for ollama",
        "url": "https://example.com/search/ollama/1",
        "content": "Snippet 1 about ollama.",
    }
    assert (
        len(
            client.post("/api/web_search", json={"query": "q", "max_results": 50}, headers=auth).json()[
                "results"
            ]
        )
        == 10
    )
    page = client.post("/api/web_fetch", json={"url": "https://ollama.com/"}, headers=auth).json()
    assert page == {
        "title": "Page https://ollama.com/",
        "content": "Content of https://ollama.com/.",
        "links": ["https://ollama.com/about", "https://ollama.com/contact"],
    }


def test_status_and_account_stubs(client: httpx.Client) -> None:
    assert client.get("/api/status").json() == {"cloud": {"disabled": False, "source": "none"}}
    me = client.post("/api/me")
    assert me.status_code == 401 and me.json()["error"] == "unauthorized" and "signin_url" in me.json()
    assert client.post("/api/signout").json() == {"error": "you are not currently signed in"}


def test_go_json_escaping(client: httpx.Client) -> None:
    r = client.post("/api/generate", json={"model": "llama3.2", "prompt": "<a&b>", "stream": False})
    assert "You said: \\u003ca\\u0026b\\u003e" in r.text
    assert r.json()["response"] == "You said: <a&b>"


def test_debug_render_only_is_a_single_object(client: httpx.Client) -> None:
    r = client.post(
        "/api/chat",
        json={
            "model": "llama3.2",
            "messages": [{"role": "user", "content": "x"}],
            "_debug_render_only": True,
        },
    )
    body = r.json()
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert body["done"] is False and body["message"] == {"role": "assistant", "content": ""}
    assert body["_debug_info"] == {"rendered_template": "user: x\nassistant: ", "image_count": 0}
    gen = client.post(
        "/api/generate", json={"model": "llama3.2", "prompt": "p", "system": "s", "_debug_render_only": True}
    )
    assert gen.json()["_debug_info"] == {"rendered_template": "s\np", "image_count": 0}
