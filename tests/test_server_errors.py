"""The reference's error catalogue (ollama-api.md §10 and the per-endpoint check orders), case by case."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from ollixir.testing import FakeModel, OllamaTestServer

GEN = "/api/generate"
CHAT = "/api/chat"
USER = [{"role": "user", "content": "hi"}]
LLAMA_FQ = "registry.ollama.ai/library/llama3.2:latest"

# (id, method, path, body (bytes = raw, else JSON), status, error message)
CASES: list[tuple[str, str, str, object, int, str]] = [
    # --- body decoding (§1.2) ---
    *[(f"empty-{p}", m, p, b"", 400, "missing request body") for m, p in [
        ("POST", GEN), ("POST", CHAT), ("POST", "/api/embed"), ("POST", "/api/embeddings"), ("POST", "/api/show"),
        ("POST", "/api/create"), ("POST", "/api/copy"), ("DELETE", "/api/delete"), ("POST", "/api/pull"),
        ("POST", "/api/push"),
    ]],
    ("whitespace-body", "POST", GEN, b"  \n", 400, "missing request body"),
    ("syntax-value", "POST", GEN, b'{"model": }', 400, "invalid character '}' looking for beginning of value"),
    ("syntax-key", "POST", GEN, b'{"model":"x",}', 400, "invalid character '}' looking for beginning of object key string"),
    ("syntax-colon", "POST", GEN, b'{"model" "x"}', 400, "invalid character '\"' after object key"),
    ("syntax-pair", "POST", GEN, b'{"model":"x" "y"}', 400, "invalid character '\"' after object key:value pair"),
    ("syntax-eof", "POST", GEN, b'{"model":"x"', 400, "unexpected EOF"),
    ("syntax-literal", "POST", GEN, b"nope", 400, "invalid character 'o' in literal null (expecting 'u')"),
    ("syntax-start", "POST", GEN, b"x", 400, "invalid character 'x' looking for beginning of value"),
    ("syntax-newline", "POST", GEN, b'{"model":"a\nb"}', 400, "invalid character '\\n' in string literal"),
    ("type-model", "POST", GEN, {"model": 1}, 400, "json: cannot unmarshal number into Go struct field GenerateRequest.model of type string"),
    ("type-stream", "POST", GEN, {"model": "llama3.2", "stream": "yes"}, 400, "json: cannot unmarshal string into Go struct field GenerateRequest.stream of type bool"),
    ("type-int", "POST", CHAT, {"model": "llama3.2", "top_logprobs": 1.5}, 400, "json: cannot unmarshal number 1.5 into Go struct field ChatRequest.top_logprobs of type int"),
    ("type-toplevel", "POST", GEN, [], 400, "json: cannot unmarshal array into Go value of type api.GenerateRequest"),
    ("type-options", "POST", "/api/embed", {"model": "x", "options": []}, 400, "json: cannot unmarshal array into Go struct field EmbedRequest.options of type map[string]interface {}"),
    ("type-message", "POST", CHAT, {"model": "x", "messages": [{"role": "user", "content": 5}]}, 400, "json: cannot unmarshal number into Go struct field Alias.content of type string"),
    ("type-case-insensitive", "POST", GEN, {"MODEL": 5}, 400, "json: cannot unmarshal number into Go struct field GenerateRequest.model of type string"),
    ("keep-alive-unit", "POST", GEN, {"model": "llama3.2", "keep_alive": "3600"}, 400, 'time: missing unit in duration "3600"'),
    ("keep-alive-unknown-unit", "POST", CHAT, {"model": "llama3.2", "keep_alive": "5x"}, 400, 'time: unknown unit "x" in duration "5x"'),
    ("keep-alive-invalid", "POST", "/api/embed", {"model": "x", "keep_alive": "abc"}, 400, 'time: invalid duration "abc"'),
    ("keep-alive-type", "POST", "/api/embeddings", {"model": "x", "keep_alive": True}, 400, "Unsupported type: 'bool'"),
    ("keep-alive-array", "POST", GEN, {"model": "x", "keep_alive": []}, 400, "Unsupported type: '[]interface {}'"),
    ("think-string", "POST", GEN, {"model": "qwen3", "think": "x"}, 400, 'invalid think value: "x" (must be "high", "medium", "low", "max", true, or false)'),
    ("think-type", "POST", CHAT, {"model": "qwen3", "think": 1}, 400, 'think must be a boolean or string ("high", "medium", "low", "max", true, or false)'),
    ("image-data-url", "POST", GEN, {"model": "llava", "prompt": "x", "images": ["data:image/png;base64,AAAA"]}, 400, "illegal base64 data at input byte 4"),
    ("image-unpadded", "POST", GEN, {"model": "llava", "prompt": "x", "images": ["AAA"]}, 400, "illegal base64 data at input byte 0"),
    ("image-urlsafe", "POST", CHAT, {"model": "llava", "messages": [{"role": "user", "images": ["AA-_"]}]}, 400, "illegal base64 data at input byte 2"),
    ("tool-arguments-string", "POST", CHAT, {"model": "x", "messages": [{"role": "assistant", "tool_calls": [{"function": {"name": "f", "arguments": "{}"}}]}]}, 400, "Value looks like object, but can't find closing '}' symbol"),
    # --- top_logprobs is checked before the model ---
    ("top-logprobs-gen", "POST", GEN, {"model": "", "top_logprobs": 21}, 400, "top_logprobs must be between 0 and 20"),
    ("top-logprobs-chat", "POST", CHAT, {"model": "nope", "top_logprobs": -1}, 400, "top_logprobs must be between 0 and 20"),
    # --- model names per endpoint ---
    ("gen-empty", "POST", GEN, {"model": ""}, 404, "model '' not found"),
    ("embed-empty", "POST", "/api/embed", {"model": ""}, 404, "model '' not found"),
    ("chat-empty", "POST", CHAT, {}, 400, "model is required"),
    ("embeddings-empty", "POST", "/api/embeddings", {}, 400, "model is required"),
    ("show-empty", "POST", "/api/show", {}, 400, "model is required"),
    ("delete-empty", "DELETE", "/api/delete", {}, 400, "model is required"),
    ("push-empty", "POST", "/api/push", {}, 400, "model is required"),
    ("pull-empty", "POST", "/api/pull", {}, 400, "invalid model name"),
    ("pull-invalid", "POST", "/api/pull", {"model": "a/"}, 400, "invalid model name"),
    ("gen-invalid", "POST", GEN, {"model": "bad name"}, 400, "invalid model name"),
    ("chat-invalid", "POST", CHAT, {"model": ":x"}, 400, "invalid model name"),
    ("show-invalid", "POST", "/api/show", {"model": "a/b/c/d"}, 400, "invalid model name"),
    ("both-sources", "POST", GEN, {"model": "x:cloud:local"}, 400, 'use either :local or :cloud, not both: "x:cloud:local"'),
    ("delete-invalid", "DELETE", "/api/delete", {"model": "a/"}, 400, 'name "a/" is invalid'),
    ("copy-source", "POST", "/api/copy", {"source": "", "destination": "x"}, 400, 'source "" is invalid'),
    ("copy-destination", "POST", "/api/copy", {"source": "llama3.2", "destination": "x/"}, 400, 'destination "x/" is invalid'),
    ("gen-missing", "POST", GEN, {"model": "nope"}, 404, "model 'nope' not found"),
    ("chat-missing", "POST", CHAT, {"model": "Nope:1b"}, 404, "model 'Nope:1b' not found"),
    ("show-missing", "POST", "/api/show", {"model": "nope"}, 404, "model 'nope:latest' not found"),
    ("embed-missing", "POST", "/api/embed", {"model": "nope", "input": "x"}, 404, 'model "nope" not found, try pulling it first'),
    ("embeddings-missing", "POST", "/api/embeddings", {"model": "nope"}, 404, 'model "nope" not found, try pulling it first'),
    ("delete-missing", "DELETE", "/api/delete", {"model": "nope"}, 404, "model 'nope' not found"),
    ("copy-missing", "POST", "/api/copy", {"source": "nope", "destination": "x"}, 404, 'model "nope" not found'),
    # --- capabilities and request semantics ---
    ("gen-embedding-model", "POST", GEN, {"model": "all-minilm", "prompt": "x"}, 400, '"all-minilm" does not support generate'),
    ("chat-embedding-model", "POST", CHAT, {"model": "all-minilm", "messages": USER}, 400, '"all-minilm" does not support chat'),
    ("chat-load-embedding-model", "POST", CHAT, {"model": "all-minilm"}, 400, '"all-minilm" does not support chat'),
    ("gen-think", "POST", GEN, {"model": "llama3.2", "prompt": "x", "think": True}, 400, '"llama3.2" does not support thinking'),
    ("chat-think-level", "POST", CHAT, {"model": "llama3.2", "messages": USER, "think": "high"}, 400, '"llama3.2" does not support thinking'),
    ("chat-tools", "POST", CHAT, {"model": "llava", "messages": USER, "tools": [{"type": "function", "function": {"name": "f"}}]}, 400, "registry.ollama.ai/library/llava:latest does not support tools"),
    ("gen-suffix", "POST", GEN, {"model": "llama3.2", "prompt": "x", "suffix": "y"}, 400, f"{LLAMA_FQ} does not support insert"),
    ("gen-raw-system", "POST", GEN, {"model": "llama3.2", "prompt": "x", "raw": True, "system": "s"}, 400, "raw mode does not support template, system, or context"),
    ("gen-raw-context", "POST", GEN, {"model": "llama3.2", "prompt": "x", "raw": True, "context": [1]}, 400, "raw mode does not support template, system, or context"),
    ("embed-input-number", "POST", "/api/embed", {"model": "nope", "input": 5}, 400, "invalid input type"),
    ("embed-input-mixed", "POST", "/api/embed", {"model": "all-minilm", "input": ["a", 1]}, 400, "invalid input type"),
    ("embed-input-object", "POST", "/api/embed", {"model": "all-minilm", "input": {"a": 1}}, 400, "invalid input type"),
    ("embed-overflow", "POST", "/api/embed", {"model": "all-minilm", "input": "a b c", "truncate": False, "options": {"num_ctx": 2}}, 400, "the input length exceeds the context length"),
    ("option-float", "POST", GEN, {"model": "llama3.2", "prompt": "x", "options": {"temperature": "hot"}}, 500, 'option "temperature" must be of type float32'),
    ("option-stop-string", "POST", CHAT, {"model": "llama3.2", "messages": USER, "options": {"stop": "x"}}, 500, 'option "stop" must be of type array'),
    ("option-stop-items", "POST", GEN, {"model": "llama3.2", "prompt": "x", "options": {"stop": [1]}}, 500, 'option "stop" must be of an array of strings'),
    ("option-int", "POST", "/api/embed", {"model": "all-minilm", "input": "x", "options": {"num_ctx": "big"}}, 500, 'option "num_ctx" must be of type integer'),
    ("option-bool", "POST", "/api/embeddings", {"model": "all-minilm", "prompt": "x", "options": {"use_mmap": 1}}, 500, 'option "use_mmap" must be of type boolean'),
    ("option-on-load", "POST", GEN, {"model": "llama3.2", "options": {"seed": "x"}}, 500, 'option "seed" must be of type integer'),
    ("format-invalid", "POST", GEN, {"model": "llama3.2", "prompt": "x", "format": "xml", "stream": False}, 500, 'invalid format: "\\"xml\\""; expected "json" or a valid JSON Schema object'),
    # --- create (synchronous checks and errors before any output) ---
    ("create-neither", "POST", "/api/create", {"model": "m"}, 400, "neither 'from' or 'files' was specified"),
    ("create-legacy-modelfile", "POST", "/api/create", {"name": "m", "modelfile": "FROM llama3"}, 400, "neither 'from' or 'files' was specified"),
    ("create-path", "POST", "/api/create", {"model": "m", "files": {"../x.gguf": "sha256:" + "a" * 64}}, 400, "file path must be relative"),
    ("create-abs-path", "POST", "/api/create", {"model": "m", "files": {"/x.gguf": "sha256:" + "a" * 64}}, 400, "file path must be relative"),
    ("create-empty-digest", "POST", "/api/create", {"model": "m", "files": {"x.gguf": ""}}, 400, "invalid digest format"),
    ("create-draft-quantize", "POST", "/api/create", {"model": "m", "from": "llama3.2", "draft_quantize": "q8_0"}, 400, "--draft-quantize requires a DRAFT model"),
    ("create-name", "POST", "/api/create", {"model": "a/", "from": "llama3.2"}, 400, "invalid model name"),
    ("create-template", "POST", "/api/create", {"model": "m", "from": "llama3.2", "template": "{{ .Prompt"}, 400, "template error: template: :1: unclosed action"),
    ("create-template-end", "POST", "/api/create", {"model": "m", "from": "llama3.2", "template": "x\n{{ end }}"}, 400, "template error: template: :2: unexpected {{end}}"),
    ("create-info", "POST", "/api/create", {"model": "m", "from": "llama3.2", "info": {"context_length": -1}}, 400, 'info field "context_length" must be a non-negative integer'),
    ("create-info-type", "POST", "/api/create", {"model": "m", "from": "llama3.2", "info": {"model_family": 3}}, 400, 'info field "model_family" must be a string'),
    ("create-unknown-type", "POST", "/api/create", {"model": "m", "files": {}}, 400, "unknown type"),
    ("create-from-invalid", "POST", "/api/create", {"model": "m", "from": "a/"}, 400, "invalid model name"),
    ("create-quantize", "POST", "/api/create", {"model": "m", "from": "llama3.2", "quantize": "q8_0", "stream": False}, 500, "quantization is only supported for F16, BF16 and F32 models"),
    ("create-quantize-type", "POST", "/api/create", {"model": "m", "from": "all-minilm", "quantize": "q2_k", "stream": False}, 500, "unsupported quantization type Q2_K - supported types are F32, F16, Q4_K_S, Q4_K_M, Q8_0"),
    # --- pull/push/blobs/cloud ---
    ("pull-unknown-nonstream", "POST", "/api/pull", {"model": "nope", "stream": False}, 500, "pull model manifest: file does not exist"),
    ("push-library-nonstream", "POST", "/api/push", {"model": "llama3.2", "stream": False}, 500, "unauthorized: access denied"),
    ("blob-digest", "POST", "/api/blobs/sha256:abc", b"x", 400, "invalid digest format"),
    ("blob-mismatch", "POST", "/api/blobs/sha256:" + "0" * 64, b"hello", 400, f'digest mismatch, expected "sha256:{"0" * 64}", got "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"'),
    ("blob-dash-mismatch", "POST", "/api/blobs/sha256-2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", b"hello", 400, 'digest mismatch, expected "sha256-2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", got "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"'),
    ("web-search-unauthorized", "POST", "/api/web_search", {"query": "x"}, 401, "unauthorized"),
    ("web-fetch-unauthorized", "POST", "/api/web_fetch", {"url": "x"}, 401, "unauthorized"),
]  # fmt: skip


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ollama_server.url, timeout=10) as c:
        yield c


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_error_table(
    client: httpx.Client, method: str, path: str, body: object, status: int, message: str
) -> None:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    r = client.request(method, path, content=content)
    assert r.status_code == status
    assert r.json() == {"error": message}
    assert r.headers["content-type"].startswith("application/json")
    assert not r.text.endswith("\n")


def test_stream_error_before_output_uses_plain_application_json(client: httpx.Client) -> None:
    r = client.post(GEN, json={"model": "llama3.2", "prompt": "x", "format": 5})
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/json"
    assert (
        r.content == b'{"error":"invalid format: \\"5\\"; expected \\"json\\" or a valid JSON Schema object"}'
    )


@pytest.mark.parametrize(
    ("path", "body", "status", "expected"),
    [
        ("/api/pull", {"model": "nope"}, 200, [{"status": "pulling manifest"}, {"error": "pull model manifest: file does not exist"}]),
        ("/api/push", {"model": "nope"}, 200, None),
        ("/api/push", {"model": "llama3.2"}, 200, [{"status": "retrieving manifest"}, {"error": "unauthorized: access denied"}]),
        ("/api/create", {"model": "m", "from": "nope"}, 200, [{"status": "pulling manifest"}, {"error": "pull model manifest: file does not exist"}]),
    ],
)  # fmt: skip
def test_errors_after_streaming_began_are_lines(
    client: httpx.Client,
    ollama_server: OllamaTestServer,
    path: str,
    body: object,
    status: int,
    expected: object,
) -> None:
    r = client.post(path, json=body)
    assert r.status_code == status and r.headers["content-type"] == "application/x-ndjson"
    events = [json.loads(line) for line in r.text.splitlines()]
    assert r.text.endswith("\n")
    if expected is None:  # push of a model that is not local
        manifest = f"{ollama_server.data_dir}/models/manifests/registry.ollama.ai/library/nope/latest"
        expected = [
            {"status": "retrieving manifest"},
            {"status": "couldn't retrieve manifest"},
            {"error": f"open {manifest}: no such file or directory"},
        ]
    assert events == expected


def test_create_missing_blob_is_streamed_after_parsing(
    client: httpx.Client, ollama_server: OllamaTestServer
) -> None:
    digest = "sha256:" + "1" * 64
    r = client.post("/api/create", json={"model": "m", "files": {"model.gguf": digest}})
    events = [json.loads(line) for line in r.text.splitlines()]
    path = f"{ollama_server.data_dir}/blobs/sha256-{'1' * 64}"
    assert events == [{"status": "parsing GGUF"}, {"error": f"open {path}: no such file or directory"}]
    nonstream = client.post(
        "/api/create", json={"model": "m", "files": {"model.gguf": digest}, "stream": False}
    )
    assert nonstream.status_code == 500 and nonstream.headers["content-type"] == "application/json"


def test_create_non_gguf_blob(client: httpx.Client) -> None:
    digest = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    assert client.post(f"/api/blobs/{digest}", content=b"hello").status_code == 201
    r = client.post("/api/create", json={"model": "m", "files": {"model.gguf": digest}, "stream": False})
    assert (r.status_code, r.json()) == (400, {"error": "supplied file was not in GGUF format"})
    r = client.post("/api/create", json={"model": "m", "files": {"weights": digest}})
    assert (r.status_code, r.json()) == (400, {"error": "unknown type"})


def test_unknown_path_and_wrong_method(client: httpx.Client) -> None:
    r = client.get("/api/nope")
    assert (r.status_code, r.text, r.headers["content-type"]) == (404, "404 page not found", "text/plain")
    for method, path in [
        ("GET", GEN),
        ("POST", "/api/tags"),
        ("POST", "/api/delete"),
        ("HEAD", CHAT),
        ("GET", "/api/blobs/x"),
    ]:
        r = client.request(method, path)
        assert r.status_code == 405, (method, path)
        assert r.headers["content-type"] == "text/plain"
        if method != "HEAD":
            assert r.text == "405 method not allowed"


def test_trailing_slash_redirects(client: httpx.Client) -> None:
    r = client.get("/api/tags/?x=1")
    assert (r.status_code, r.headers["location"]) == (301, "/api/tags?x=1")
    assert r.text == '<a href="/api/tags?x=1">Moved Permanently</a>.\n\n'
    r = client.post("/api/chat/", json={})
    assert (r.status_code, r.headers["location"]) == (307, "/api/chat")
    followed = client.post("/api/generate/", json={"model": "nope"}, follow_redirects=True)
    assert followed.status_code == 404 and followed.json() == {"error": "model 'nope' not found"}
    # Only for a route that exists with this method.
    assert client.post("/api/tags/").status_code == 404


def test_image_generation_models_are_refused(ollama_server: OllamaTestServer, client: httpx.Client) -> None:
    ollama_server.add_models(FakeModel("flux", ("image",)))
    r = client.post(GEN, json={"model": "flux", "prompt": "a cat"})
    assert (r.status_code, r.json()) == (
        400,
        {"error": "image generation models are not currently supported"},
    )


def test_show_for_copilot_names_the_model(client: httpx.Client) -> None:
    r = client.post("/api/show", json={"model": "qwen3"}, headers={"User-Agent": "GitHubCopilotChat/1.0"})
    assert r.json()["model_info"]["general.basename"] == "qwen3"


def test_head_blob_errors_have_no_body(client: httpx.Client) -> None:
    r = client.head("/api/blobs/sha256:" + "a" * 64)
    assert (r.status_code, r.content) == (404, b"")
    assert client.head("/api/blobs/nope").status_code == 400


def test_cloud_model_names_need_sign_in(client: httpx.Client) -> None:
    for path, body in [
        (GEN, {"model": "gpt-oss:120b-cloud", "prompt": "x"}),
        ("/api/show", {"model": "qwen3:cloud"}),
    ]:
        r = client.post(path, json=body)
        assert r.status_code == 401 and r.json()["error"] == "unauthorized"


def test_trailing_json_and_unknown_fields_are_ignored(client: httpx.Client) -> None:
    body = b'{"model":"llama3.2","prompt":"x","stream":false,"modelfile":"FROM y"} trailing garbage'
    r = client.post(GEN, content=body)
    assert r.status_code == 200 and r.json()["response"] == "You said: x"
    assert client.post("/api/show", content=b"null").json() == {"error": "model is required"}
