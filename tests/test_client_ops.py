"""Every operation and alias, sync and async, against the bundled test server over real sockets.

Test names follow issue 4's list: operations, aliases, input forms, results.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from ollixir_api.models import (
    ChatResponse,
    ChatStreamChunk,
    EmbeddingsResponse,
    EmbedResponse,
    GenerateResponse,
    GenerateStreamChunk,
    ListResponse,
    ProcessResponse,
    ProgressResponse,
    ShowResponse,
    VersionResponse,
    WebFetchResponse,
    WebSearchResponse,
)

import ollixir
from tests.clientkit import Api

USER = [{"role": "user", "content": "hello there"}]


def last_body(server: Any, path: str) -> dict[str, Any]:
    bodies = [r.json for r in server.requests if r.path == path]
    assert bodies, f"no request to {path}"
    return bodies[-1]  # type: ignore[no-any-return]


# -- inference ------------------------------------------------------------------------------------


def test_chat_returns_typed_response(api: Api, ollama_server: Any) -> None:
    r = api.call("chat", "llama3.2", USER)
    assert isinstance(r, ChatResponse)
    assert r.message.role == "assistant"
    assert r.message.content == "You said: hello there"
    assert r.done is True and r.done_reason == "stop"
    body = last_body(ollama_server, "/api/chat")
    assert body["stream"] is False  # always explicit: the server streams when it is omitted
    assert body["model"] == "llama3.2"


def test_chat_model_and_messages_as_keywords(api: Api) -> None:
    r = api.call("chat", model="llama3.2", messages=USER)
    assert r.message.content == "You said: hello there"


def test_chat_stream_chunks_and_final_match_non_streamed(api: Api, ollama_server: Any) -> None:
    chunks, final = api.stream("chat", "llama3.2", USER)
    assert all(isinstance(c, ChatStreamChunk) for c in chunks)
    assert [c.message.content for c in chunks[:-1]] == ["You", " said:", " hello", " there"]
    assert chunks[-1].done is True
    assert last_body(ollama_server, "/api/chat")["stream"] is True
    plain = api.call("chat", "llama3.2", USER)
    assert isinstance(final, ChatResponse)
    assert final.message.content == plain.message.content
    assert final.eval_count == plain.eval_count and final.done_reason == plain.done_reason


def test_chat_thinking_and_content_are_separate(api: Api) -> None:
    r = api.call("chat", "qwen3", USER, think=True)
    assert r.message.thinking == "Thinking about: hello there"
    assert r.message.content == "You said: hello there"
    chunks, final = api.stream("chat", "qwen3", USER, think="high")
    assert final.message.thinking == "Thinking (high) about: hello there"
    assert any(c.message.thinking for c in chunks) and final.message.content == "You said: hello there"


def test_chat_tools_round_trip(api: Api) -> None:
    tool = {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Weather for a city",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string"}},
                "required": ["city"],
            },
        },
    }
    r = api.call("chat", "llama3.2", [{"role": "user", "content": "get_weather city=Paris"}], tools=[tool])
    calls = r.message.tool_calls
    assert calls and calls[0].function.name == "get_weather"
    assert calls[0].function.arguments["city"] == "Paris"
    assert isinstance(calls[0].id, str) and calls[0].id.startswith("call_")
    history = [
        {"role": "user", "content": "get_weather city=Paris"},
        r.message,  # a typed response message goes straight back into the history
        {"role": "tool", "content": "sunny", "tool_name": "get_weather", "tool_call_id": calls[0].id},
    ]
    r2 = api.call("chat", "llama3.2", history, tools=[tool])
    assert r2.message.content == "Tool results: get_weather: sunny"


def test_chat_stream_collects_tool_calls(api: Api) -> None:
    tool = {
        "type": "function",
        "function": {"name": "ping", "parameters": {"type": "object", "properties": {}}},
    }
    _, final = api.stream("chat", "llama3.2", USER, tools=[tool])
    assert [c.function.name for c in final.message.tool_calls] == ["ping"]


def test_chat_logprobs_are_typed(api: Api) -> None:
    r = api.call("chat", "llama3.2", USER, logprobs=True, top_logprobs=2)
    assert r.logprobs and r.logprobs[0].token == "You"
    assert math.isclose(r.logprobs[0].logprob, -0.03)
    assert r.logprobs[0].top_logprobs and len(r.logprobs[0].top_logprobs) == 2


def test_chat_format_json_and_schema(api: Api) -> None:
    r = api.call("chat", "llama3.2", USER, format="json")
    assert r.message.content.startswith("{")
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    r2 = api.call("chat", "llama3.2", USER, format=schema)
    assert '"n"' in r2.message.content


def test_completion_and_generate_alias(api: Api, ollama_server: Any) -> None:
    r = api.call("completion", "llama3.2", "why is the sky blue?")
    assert isinstance(r, GenerateResponse)
    assert r.response == "You said: why is the sky blue?"
    assert r.context
    g = api.call("generate", "llama3.2", "why is the sky blue?")
    assert g.response == r.response
    assert last_body(ollama_server, "/api/generate")["stream"] is False


def test_completion_stream_final_aggregates(api: Api) -> None:
    chunks, final = api.stream("completion", "llama3.2", "abc def")
    assert all(isinstance(c, GenerateStreamChunk) for c in chunks)
    assert "".join(c.response for c in chunks) == final.response == "You said: abc def"


def test_completion_num_predict_length(api: Api) -> None:
    r = api.call("completion", "llama3.2", "one two three four", options={"num_predict": 2})
    assert r.done_reason == "length" and r.response == "You said:"


def test_completion_suffix_on_insert_model(api: Api) -> None:
    r = api.call("completion", "codellama:code", "def f(", suffix="return 1")
    assert "suffix" in r.response


def test_completion_images_from_bytes_and_path(api: Api, tmp_path: Any, ollama_server: Any) -> None:
    png = b"\x89PNG\r\n\x1a\nfake-image"
    path = tmp_path / "x.png"
    path.write_bytes(png)
    r = api.call("completion", "llava", "describe", images=[png, path])
    assert "2 image" in r.response
    import base64

    sent = last_body(ollama_server, "/api/generate")["images"]
    assert sent == [base64.b64encode(png).decode()] * 2


def test_embed_single_and_batch(api: Api) -> None:
    one = api.call("embed", "all-minilm", "hello")
    assert isinstance(one, EmbedResponse)
    assert len(one.embeddings) == 1 and len(one.embeddings[0]) == 384
    assert math.isclose(sum(x * x for x in one.embeddings[0]), 1.0, rel_tol=1e-4)
    batch = api.call("embed", "all-minilm", ["a", "b"], dimensions=16)
    assert [len(v) for v in batch.embeddings] == [16, 16]


def test_embeddings_legacy(api: Api) -> None:
    r = api.call("embeddings", "all-minilm", "hello")
    assert isinstance(r, EmbeddingsResponse)
    assert len(r.embedding) == 384


def test_preload_and_unload(api: Api, ollama_server: Any) -> None:
    assert api.call("preload", "llama3.2") is True
    assert last_body(ollama_server, "/api/generate") == {
        "model": "llama3.2",
        "stream": False,
        "keep_alive": "5m",
    }
    running = api.call("list_running")
    assert any(m.name.startswith("llama3.2") for m in running.models)
    assert api.call("unload", "llama3.2") is True
    assert last_body(ollama_server, "/api/generate")["keep_alive"] == 0
    running = api.call("list_running")
    assert not any(m.name.startswith("llama3.2") for m in running.models)


def test_preload_keep_alive_forever(api: Api) -> None:
    assert api.call("preload", "llama3.2", keep_alive=-1) is True
    (m,) = [m for m in api.call("ps").models if m.name.startswith("llama3.2")]
    assert m.expires_at.year > 2200


def test_preload_unknown_model_is_false(api: Api) -> None:
    assert api.call("preload", "no-such-model") is False
    assert api.call("unload", "no-such-model") is False


# -- models ---------------------------------------------------------------------------------------


def test_list_models_and_alias(api: Api) -> None:
    r = api.call("list_models")
    assert isinstance(r, ListResponse)
    names = [m.name for m in r.models]
    assert "llama3.2:latest" in names
    assert [m.name for m in api.call("list").models] == names
    model = r.models[0]
    assert model.details.family and model.size > 0 and model.modified_at.tzinfo is not None


def test_list_running_and_ps_alias(api: Api) -> None:
    api.call("chat", "llama3.2", USER)
    r = api.call("list_running")
    assert isinstance(r, ProcessResponse)
    assert any(m.model.startswith("llama3.2") for m in r.models)
    assert api.call("ps").models[0].size_vram >= 0


def test_show_model_and_name_alias(api: Api, ollama_server: Any) -> None:
    r = api.call("show_model", "llama3.2")
    assert isinstance(r, ShowResponse)
    assert r.capabilities and "completion" in r.capabilities
    assert r.details.family == "llama"
    api.call("show", name="llama3.2")
    assert last_body(ollama_server, "/api/show") == {"model": "llama3.2"}


def test_create_copy_delete_cycle(api: Api, ollama_server: Any) -> None:
    r = api.call("create_model", "mario", from_="llama3.2", system="You are Mario.")
    assert isinstance(r, ProgressResponse) and r.status == "success"
    assert api.call("show", "mario").system == "You are Mario."
    assert api.call("copy_model", "mario", "mario2") is True
    assert "mario2:latest" in [m.name for m in api.call("list").models]
    assert api.call("delete_model", "mario2") is True
    assert api.call("delete", name="mario") is True
    assert last_body(ollama_server, "/api/delete") == {"model": "mario"}
    assert "mario:latest" not in [m.name for m in api.call("list").models]


def test_create_stream_progress(api: Api) -> None:
    chunks, final = api.stream("create", "luigi", from_="llama3.2")
    assert chunks[-1].status == "success" and final.status == "success"
    assert all(isinstance(c, ProgressResponse) for c in chunks)


def test_copy_and_delete_missing_are_false(api: Api) -> None:
    assert api.call("copy_model", "nope", "nope2") is False
    assert api.call("delete_model", "nope") is False
    assert api.call("copy", "nope", "x") is False
    assert api.call("delete", "nope") is False


def test_pull_stream_and_alias(api: Api, ollama_server: Any) -> None:
    chunks, final = api.stream("pull", "tinyllama")
    statuses = [c.status for c in chunks]
    assert statuses[0] == "pulling manifest" and statuses[-1] == "success"
    assert any(c.total for c in chunks)
    assert final.status == "success"
    assert "tinyllama:latest" in [m.name for m in api.call("list").models]
    assert api.call("pull_model", name="tinyllama").status == "success"
    assert last_body(ollama_server, "/api/pull") == {"model": "tinyllama", "stream": False}


def test_pull_unknown_model_raises_mid_stream(api: Api) -> None:
    with pytest.raises(ollixir.ResponseError) as info:
        api.stream("pull", "does-not-exist-anywhere")
    assert info.value.error == "pull model manifest: file does not exist"
    assert info.value.operation == "pull_model"


def test_push_stream_and_alias(api: Api) -> None:
    api.call("copy", "llama3.2", "test/llama:latest")
    chunks, final = api.stream("push", "test/llama:latest")
    assert chunks[0].status == "retrieving manifest" and final.status == "success"
    assert api.call("push_model", "test/llama:latest").status == "success"


# -- blobs ----------------------------------------------------------------------------------------


def test_create_blob_from_bytes_path_and_file(api: Api, tmp_path: Any) -> None:
    import hashlib

    data = b"blob-data" * 1000
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    assert api.call("check_blob", digest) is False
    assert api.call("check_blob", data) is False
    assert api.call("create_blob", data) == digest
    assert api.call("check_blob", digest) is True
    assert api.call("check_blob", data) is True
    p = tmp_path / "b.bin"
    p.write_bytes(data + b"!")
    d2 = api.call("create_blob", p)
    assert d2 == "sha256:" + hashlib.sha256(data + b"!").hexdigest()
    with open(p, "rb") as f:
        assert api.call("create_blob", f) == d2  # already there: no upload, same digest
        assert f.tell() == 0


# -- server and cloud -----------------------------------------------------------------------------


def test_version(api: Api) -> None:
    r = api.call("version")
    assert isinstance(r, VersionResponse) and r.version


def test_web_search_and_fetch(api: Api, ollama_server: Any) -> None:
    r = api.call("web_search", "ollama python")
    assert isinstance(r, WebSearchResponse) and len(r.results) == 3
    sent = [x for x in ollama_server.requests if x.path == "/api/web_search"][-1]
    assert sent.json == {"query": "ollama python", "max_results": 3}
    assert sent.headers["authorization"] == "Bearer test-key"
    f = api.call("web_fetch", "https://ollama.com")
    assert isinstance(f, WebFetchResponse) and f.title


def test_response_format_dict(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url, response_format="dict") as client:
        r = client.chat("llama3.2", USER)
        assert isinstance(r, dict) and r["message"]["content"] == "You said: hello there"
        with client.chat("llama3.2", USER, stream=True) as s:
            assert all(isinstance(c, dict) for c in s)
            assert s.final()["message"]["content"] == "You said: hello there"
        assert isinstance(client.list(), dict)


def test_typed_results_have_to_dict(api: Api) -> None:
    r = api.call("chat", "llama3.2", USER)
    d = r.to_dict()
    assert d["message"]["content"] == "You said: hello there" and d["done"] is True


def test_module_level_functions(ollama_server: Any) -> None:
    client = ollixir.init(ollama_server.url)
    try:
        r = ollixir.chat(client, model="llama3.2", messages=USER)
        assert r.message.content == "You said: hello there"
        assert ollixir.generate(client, "llama3.2", "x").response == "You said: x"
        assert ollixir.list(client).models
    finally:
        client.close()


def test_module_level_async_functions(ollama_server: Any) -> None:
    import asyncio

    async def main() -> str:
        async with ollixir.init_async(ollama_server.url) as client:
            r = await ollixir.aio.chat(client, model="llama3.2", messages=USER)
            return r.message.content

    assert asyncio.run(main()) == "You said: hello there"


def test_response_format_per_call_view_shares_the_pool(api: Api, ollama_server: Any) -> None:
    view = api.client.with_options(response_format="dict")
    assert view.http is api.client.http
    d = api.call("chat", "llama3.2", USER, client=view)
    assert isinstance(d, dict) and d["message"]["content"] == "You said: hello there"
    assert isinstance(api.call("chat", "llama3.2", USER), ChatResponse)  # the original is unchanged
    back = view.with_options(response_format="typed")
    assert isinstance(api.call("list", client=back), ListResponse)
    if api.kind == "sync":
        view.close()
    else:
        api.run_coro(view.aclose())
    assert api.call("version").version  # closing a view leaves the pool open
