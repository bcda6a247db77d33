"""HuggingFace GGUF discovery (ollixir.hf), offline: a tiny fake Hub on 127.0.0.1 answers the repository
tree listing that huggingface_hub requests, and the ollixir test server stands in for Ollama."""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import ollixir
from ollixir import hf
from ollixir.testing import FakeModel, OllamaTestServer

GB = 10**9

# repo -> revision -> [(path, size)]; folders are implied by the paths.
REPOS: dict[str, dict[str, list[tuple[str, int]]]] = {
    "acme/Tiny-GGUF": {
        "main": [
            (".gitattributes", 1_519),
            ("README.md", 4_200),
            ("Tiny-Q8_0.gguf", 1_320 * 10**6),
            ("Tiny-Q4_K_M.gguf", 808 * 10**6),
            ("Tiny-IQ2_XXS.gguf", 430 * 10**6),
            ("Tiny-f16.gguf", 2_480 * 10**6),
            ("Tiny-Q6_K.gguf", 1_020 * 10**6),
            ("mmproj-Tiny-f16.gguf", 600 * 10**6),
        ],
        "v1": [("Tiny-Q5_K_S.gguf", 900 * 10**6)],
    },
    # Shards in folders, and only unusual quantizations.
    "acme/Big-GGUF": {
        "main": [
            ("UD-Q4_K_XL/Big-UD-Q4_K_XL-00001-of-00002.gguf", 40 * GB),
            ("UD-Q4_K_XL/Big-UD-Q4_K_XL-00002-of-00002.gguf", 20 * GB),
            ("BF16/Big-BF16-00001-of-00003.gguf", 50 * GB),
            ("BF16/Big-BF16-00002-of-00003.gguf", 50 * GB),
            ("BF16/Big-BF16-00003-of-00003.gguf", 30 * GB),
            ("config.json", 800),
        ]
    },
    "acme/Safetensors-Only": {"main": [("model.safetensors", 5 * GB), ("config.json", 700)]},
    "acme/Private-GGUF": {"main": [("Private-Q4_0.gguf", 700 * 10**6)]},
    "acme/Forbidden-GGUF": {"main": []},
}
PRIVATE = {"acme/Private-GGUF": "hf_secret_token"}
PAGE_SIZE = 4


@dataclass
class FakeHub:
    url: str
    requests: list[tuple[str, dict[str, list[str]], str | None]] = field(default_factory=list)


def _tree(repo: str, revision: str, recursive: bool) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    folders: set[str] = set()
    for path, size in REPOS[repo][revision]:
        if "/" in path:
            folders.add(path.split("/", 1)[0])
            if not recursive:
                continue
        entry: dict[str, Any] = {
            "type": "file",
            "oid": hashlib.sha1(path.encode()).hexdigest(),
            "size": size,
            "path": path,
        }
        if path.endswith(".gguf"):
            entry["lfs"] = {"oid": "a" * 64, "size": size, "pointerSize": 134}
        entries.append(entry)
    entries += [{"type": "directory", "oid": "b" * 40, "path": folder} for folder in sorted(folders)]
    return entries


class _HubHandler(BaseHTTPRequestHandler):
    hub: FakeHub

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _json(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        self.hub.requests.append((parts.path, query, self.headers.get("Authorization")))
        segments = [unquote(s) for s in parts.path.split("/")]
        # /api/models/<owner>/<name>/tree/<revision>
        if len(segments) != 7 or segments[1:3] != ["api", "models"] or segments[5] != "tree":
            self._json(404, {"error": "not found"})
            return
        repo, revision = f"{segments[3]}/{segments[4]}", segments[6]
        token = PRIVATE.get(repo)
        if repo not in REPOS or (
            token is not None and self.headers.get("Authorization") != f"Bearer {token}"
        ):
            self._json(
                401 if token else 404, {"error": "Repository not found"}, {"X-Error-Code": "RepoNotFound"}
            )
            return
        if repo == "acme/Forbidden-GGUF":
            self._json(403, {"error": "Access forbidden by policy"})
            return
        if revision not in REPOS[repo]:
            self._json(404, {"error": "Invalid rev id"}, {"X-Error-Code": "RevisionNotFound"})
            return
        recursive = query.get("recursive", ["false"])[0].lower() == "true"
        entries = _tree(repo, revision, recursive)
        # Cursor pagination with a Link header, as the Hub does for long listings.
        start = int(query.get("cursor", ["0"])[0])
        page = entries[start : start + PAGE_SIZE]
        headers = {}
        if start + PAGE_SIZE < len(entries):
            nxt = f"{self.hub.url}{parts.path}?recursive={'true' if recursive else 'false'}&cursor={start + PAGE_SIZE}"
            headers["Link"] = f'<{nxt}>; rel="next"'
        self._json(200, page, headers)


@pytest.fixture(scope="module")
def hub_server() -> Iterator[FakeHub]:
    state = FakeHub("")

    class Handler(_HubHandler):
        hub = state

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, hub_server: FakeHub) -> FakeHub:
    """The fake Hub, with huggingface_hub kept away from the network and any saved token."""
    constants = pytest.importorskip("huggingface_hub.constants")
    hub_server.requests.clear()
    for name, value in {
        "HF_HUB_OFFLINE": "0",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_ENDPOINT": hub_server.url,
        "HF_TOKEN": "",
        "NO_PROXY": "127.0.0.1,localhost",
    }.items():
        monkeypatch.setenv(name, value)
    # These are read when huggingface_hub is imported, which may have happened before this test.
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False, raising=False)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_TELEMETRY", True, raising=False)
    return hub_server


def files(hub: FakeHub, repo: str, **kwargs: Any) -> list[hf.GGUFFile]:
    return hf.list_gguf_files(repo, endpoint=hub.url, token=kwargs.pop("token", False), **kwargs)


# -- names ---------------------------------------------------------------------------------------------


def test_model_ref_builds_ollama_names() -> None:
    assert hf.model_ref("acme/Tiny-GGUF") == "hf.co/acme/Tiny-GGUF"
    assert hf.model_ref("acme/Tiny-GGUF", "Q4_K_M") == "hf.co/acme/Tiny-GGUF:Q4_K_M"
    assert hf.model_ref("hf.co/acme/Tiny-GGUF", "Q8_0") == "hf.co/acme/Tiny-GGUF:Q8_0"
    assert hf.model_ref("https://huggingface.co/acme/Tiny-GGUF:IQ2_XXS") == "hf.co/acme/Tiny-GGUF:IQ2_XXS"
    with pytest.raises(ollixir.RequestError, match="already names quantization"):
        hf.model_ref("hf.co/acme/Tiny-GGUF:Q8_0", "Q4_K_M")
    for bad in ("llama3.2", "acme/", "/x", "acme/Tiny GGUF", "a/b/c"):
        with pytest.raises(ollixir.RequestError, match="not a HuggingFace repository"):
            hf.model_ref(bad)
    with pytest.raises(ollixir.RequestError, match="invalid quantization"):
        hf.model_ref("acme/x", "Q4 K")


def test_parse_model_ref_and_is_hf_model() -> None:
    assert hf.parse_model_ref("hf.co/acme/Tiny-GGUF:Q4_K_M") == hf.HFModelRef("acme/Tiny-GGUF", "Q4_K_M")
    assert hf.parse_model_ref("huggingface.co/acme/Tiny-GGUF") == hf.HFModelRef("acme/Tiny-GGUF", None)
    assert hf.parse_model_ref("https://hf.co/acme/Tiny-GGUF:latest") == hf.HFModelRef("acme/Tiny-GGUF", None)
    assert str(hf.parse_model_ref("HF.CO/acme/x:q8_0")) == "hf.co/acme/x:q8_0"
    with pytest.raises(ollixir.RequestError, match="not a HuggingFace model name"):
        hf.parse_model_ref("acme/Tiny-GGUF")
    assert hf.is_hf_model("hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M")
    assert hf.is_hf_model("huggingface.co/acme/x")
    assert not hf.is_hf_model("llama3.2:latest")
    assert not hf.is_hf_model("registry.ollama.ai/library/llama3.2")
    assert not hf.is_hf_model("hf.co/only-owner")


@pytest.mark.parametrize(
    ("filename", "quant"),
    [
        ("Llama-3.2-1B-Instruct-Q4_K_M.gguf", "Q4_K_M"),
        ("phi-2.Q8_0.gguf", "Q8_0"),
        ("qwen2.5-0.5b-instruct-fp16.gguf", "F16"),
        ("model-f16.gguf", "F16"),
        ("model-bf16.gguf", "BF16"),
        ("model.IQ2_XXS.gguf", "IQ2_XXS"),
        ("ggml-model-q4_0.gguf", "Q4_0"),
        ("m-Q4_0_4_4.gguf", "Q4_0_4_4"),
        ("Q8_0/model-00001-of-00002.gguf", "Q8_0"),
        ("UD-Q4_K_XL/Big-UD-Q4_K_XL-00001-of-00002.gguf", "Q4_K_XL"),
        ("gemma-TQ1_0.gguf", "TQ1_0"),
        ("Qwen2-7B-Instruct.gguf", None),
    ],
)
def test_parse_quantization(filename: str, quant: str | None) -> None:
    assert hf.parse_quantization(filename) == quant


# -- listing -------------------------------------------------------------------------------------------


def test_list_gguf_files_sorted_by_size_with_quantizations(hub: FakeHub) -> None:
    listed = files(hub, "acme/Tiny-GGUF")
    assert [(f.filename, f.quantization) for f in listed] == [
        ("Tiny-IQ2_XXS.gguf", "IQ2_XXS"),
        ("mmproj-Tiny-f16.gguf", "F16"),
        ("Tiny-Q4_K_M.gguf", "Q4_K_M"),
        ("Tiny-Q6_K.gguf", "Q6_K"),
        ("Tiny-Q8_0.gguf", "Q8_0"),
        ("Tiny-f16.gguf", "F16"),
    ]
    assert listed[2].size == 808 * 10**6 and listed[2].size_gb == pytest.approx(0.808)
    assert listed[1].is_projector and not listed[2].is_projector
    # The listing went to the configured endpoint, recursively, following the Link pagination.
    paths = [path for path, _, _ in hub.requests]
    assert paths == ["/api/models/acme/Tiny-GGUF/tree/main"] * 2
    assert hub.requests[0][1]["recursive"] == ["true"]


def test_list_gguf_files_merges_shards_in_folders(hub: FakeHub) -> None:
    listed = files(hub, "hf.co/acme/Big-GGUF:ignored")
    assert listed == [
        hf.GGUFFile("UD-Q4_K_XL/Big-UD-Q4_K_XL-00001-of-00002.gguf", 60 * GB, "Q4_K_XL", shards=2),
        hf.GGUFFile("BF16/Big-BF16-00001-of-00003.gguf", 130 * GB, "BF16", shards=3),
    ]


def test_list_gguf_files_revision_token_and_errors(hub: FakeHub) -> None:
    assert [f.quantization for f in files(hub, "acme/Tiny-GGUF", revision="v1")] == ["Q5_K_S"]
    assert hub.requests[-1][0] == "/api/models/acme/Tiny-GGUF/tree/v1"
    assert files(hub, "acme/Safetensors-Only") == []

    private = files(hub, "acme/Private-GGUF", token="hf_secret_token")
    assert [f.filename for f in private] == ["Private-Q4_0.gguf"]
    assert hub.requests[-1][2] == "Bearer hf_secret_token"

    with pytest.raises(ollixir.ResponseError, match="not found") as missing:
        files(hub, "acme/Private-GGUF")
    assert missing.value.status == 401 and missing.value.operation == "hf.list_gguf_files"
    with pytest.raises(ollixir.ResponseError, match="'acme/Nope' not found") as nope:
        files(hub, "acme/Nope")
    assert nope.value.status == 404
    with pytest.raises(ollixir.ResponseError, match="revision 'v9'") as rev:
        files(hub, "acme/Tiny-GGUF", revision="v9")
    assert rev.value.status == 404
    with pytest.raises(ollixir.ResponseError, match="refused") as forbidden:
        files(hub, "acme/Forbidden-GGUF")
    assert forbidden.value.status == 403


# -- choosing ------------------------------------------------------------------------------------------


def test_best_quantization_preference_and_size_limit(hub: FakeHub) -> None:
    listed = files(hub, "acme/Tiny-GGUF")
    assert hf.DEFAULT_PREFERENCE[:4] == ("Q4_K_M", "Q4_K_S", "Q5_K_M", "Q5_K_S")
    best = hf.best_quantization(listed)
    assert best is not None and best.quantization == "Q4_K_M"
    chosen = hf.best_quantization(listed, preference=["q8_0", "Q6_K"])
    assert chosen is not None and chosen.quantization == "Q8_0"
    small = hf.best_quantization(listed, max_size_gb=0.5)
    assert small is not None and small.quantization == "IQ2_XXS"
    # The projector (0.6 GB, F16) is never a choice, even when it is the only thing that fits.
    assert (
        hf.best_quantization([f for f in listed if f.size <= 0.6 * GB and f.quantization != "IQ2_XXS"])
        is None
    )
    assert hf.best_quantization(listed, max_size_gb=0.1) is None
    # Nothing preferred present: the largest file that fits.
    big = files(hub, "acme/Big-GGUF")
    fallback = hf.best_quantization(big, preference=["Q4_K_M"])
    assert fallback is not None and fallback.quantization == "BF16"
    capped = hf.best_quantization(big, preference=["Q4_K_M"], max_size_gb=100)
    assert capped is not None and capped.quantization == "Q4_K_XL"


def test_auto_select(hub: FakeHub) -> None:
    kw: dict[str, Any] = {"endpoint": hub.url, "token": False}
    assert hf.auto_select("acme/Tiny-GGUF", **kw) == "hf.co/acme/Tiny-GGUF:Q4_K_M"
    assert hf.auto_select("acme/Tiny-GGUF", max_size_gb=0.5, **kw) == "hf.co/acme/Tiny-GGUF:IQ2_XXS"
    assert hf.auto_select("acme/Tiny-GGUF", "q8_0", **kw) == "hf.co/acme/Tiny-GGUF:Q8_0"
    assert hf.auto_select("hf.co/acme/Tiny-GGUF:Q6_K", **kw) == "hf.co/acme/Tiny-GGUF:Q6_K"
    assert hf.auto_select("acme/Tiny-GGUF", revision="v1", **kw) == "hf.co/acme/Tiny-GGUF:Q5_K_S"


def test_auto_select_never_falls_back_silently(hub: FakeHub) -> None:
    kw: dict[str, Any] = {"endpoint": hub.url, "token": False}
    with pytest.raises(ollixir.RequestError, match=r"'Q5_K_M' is not available.*F16, IQ2_XXS, Q4_K_M") as err:
        hf.auto_select("acme/Tiny-GGUF", "Q5_K_M", **kw)
    assert err.value.param == "quantization"
    with pytest.raises(ollixir.RequestError, match="larger than max_size_gb"):
        hf.auto_select("acme/Tiny-GGUF", "Q8_0", max_size_gb=1.0, **kw)
    with pytest.raises(ollixir.RequestError, match=r"within 0\.1 GB"):
        hf.auto_select("acme/Tiny-GGUF", max_size_gb=0.1, **kw)
    with pytest.raises(ollixir.RequestError, match="no GGUF model files"):
        hf.auto_select("acme/Safetensors-Only", **kw)


# -- optional dependency -------------------------------------------------------------------------------


def test_import_works_without_huggingface_hub_and_use_explains(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "huggingface_hub", None)  # makes `import huggingface_hub` fail
    for name in [m for m in sys.modules if m == "ollixir.hf" or m.startswith("ollixir._hf_")]:
        # Re-importing rebinds the package attribute too; registering it here restores it afterwards.
        monkeypatch.setattr(ollixir, name.rsplit(".", 1)[1], sys.modules[name])
        monkeypatch.delitem(sys.modules, name)
    fresh = importlib.import_module("ollixir.hf")
    assert fresh is not hf
    assert fresh.model_ref("acme/x", "Q4_0") == "hf.co/acme/x:Q4_0"
    with pytest.raises(ImportError, match=r"pip install 'ollixir\[huggingface\]'") as err:
        fresh.list_gguf_files("acme/x")
    assert err.value.name == "huggingface_hub"


# -- client wrappers -----------------------------------------------------------------------------------


def _last_body(server: OllamaTestServer, path: str) -> Any:
    return [r.json for r in server.requests if r.path == path][-1]


def test_wrappers_send_the_hf_name(ollama_server: OllamaTestServer) -> None:
    name = "hf.co/acme/Tiny-GGUF:Q4_K_M"
    ollama_server.add_models(
        FakeModel(name, ("completion",), reply="hello from the hub"),
        FakeModel("hf.co/acme/Embed-GGUF:F16", ("embedding",), embedding_length=64),
    )
    with ollixir.Client(ollama_server.url) as client:
        reply = hf.chat(client, "acme/Tiny-GGUF", [{"role": "user", "content": "hi"}], "Q4_K_M")
        assert reply.message.content == "hello from the hub"
        assert _last_body(ollama_server, "/api/chat")["model"] == name

        generated = hf.generate(client, "hf.co/acme/Tiny-GGUF:Q4_K_M", "hi", options={"num_predict": 2})
        assert generated.response == "hello from"
        assert _last_body(ollama_server, "/api/generate")["model"] == name

        embedded = hf.embed(client, "acme/Embed-GGUF", "text", "F16")
        assert len(embedded.embeddings[0]) == 64
        assert _last_body(ollama_server, "/api/embed")["model"] == "hf.co/acme/Embed-GGUF:F16"

        # The test registry does not know HF repositories: the stream ends with the server's error line.
        with pytest.raises(ollixir.ResponseError, match="file does not exist"):
            hf.pull(client, "acme/Unknown-GGUF", "IQ2_XXS")
        assert _last_body(ollama_server, "/api/pull")["model"] == "hf.co/acme/Unknown-GGUF:IQ2_XXS"

        # stream=True passes through to the client: progress lines, then the error line.
        statuses: list[str] = []
        with pytest.raises(ollixir.ResponseError, match="file does not exist"):
            for progress in hf.pull(client, "acme/Other-GGUF", stream=True):
                statuses.append(progress.status)
        assert statuses == ["pulling manifest"]
        assert _last_body(ollama_server, "/api/pull")["model"] == "hf.co/acme/Other-GGUF"


def test_wrappers_with_dict_and_async_clients(ollama_server: OllamaTestServer) -> None:
    import asyncio

    ollama_server.add_models(FakeModel("hf.co/acme/Tiny-GGUF:Q8_0", ("completion",), reply="ok"))
    with ollixir.Client(ollama_server.url, response_format="dict") as client:
        assert (
            hf.chat(client, "acme/Tiny-GGUF", [{"role": "user", "content": "x"}], "Q8_0")["message"][
                "content"
            ]
            == "ok"
        )

    async def run() -> str:
        async with ollixir.AsyncClient(ollama_server.url) as aclient:
            answer = await hf.generate(aclient, "acme/Tiny-GGUF", "x", "Q8_0")
            return str(answer.response)

    assert asyncio.run(run()) == "ok"
