"""ollixir.web: ready-made web_search / web_fetch tools, run against the test server's cloud endpoints."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Iterator
from typing import Any

import pytest

import ollixir
from ollixir import helpers, tools, web
from ollixir.testing import OllamaTestServer


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[ollixir.Client[ollixir.TypedResults]]:
    with ollixir.Client(ollama_server.url, api_key="test-key", cloud_url=ollama_server.url) as c:
        yield c


def last(server: OllamaTestServer, path: str) -> Any:
    return [r for r in server.requests if r.path == path][-1]


def test_tool_definitions() -> None:
    defs = web.tools()
    assert [d["function"]["name"] for d in defs] == ["web_search", "web_fetch"]
    search, fetch = (d["function"]["parameters"] for d in defs)
    assert search["required"] == ["query"] and list(search["properties"]) == ["query", "max_results"]
    assert search["properties"]["max_results"] == {
        "type": "integer",
        "description": "How many results to return, 1 to 10 (default 3).",
    }
    assert fetch == {
        "type": "object",
        "properties": {"url": {"type": "string", "description": "Address of the page to fetch."}},
        "required": ["url"],
    }
    assert all(d["type"] == "function" and d["function"]["description"] for d in defs)
    # Valid for the client's own tool checks, and fresh copies every call.
    assert [tools.normalize_tool(d) for d in defs] == defs
    defs[0]["function"]["name"] = "changed"
    assert web.tools()[0]["function"]["name"] == "web_search"


def test_dispatch_web_search(client: ollixir.Client[Any], ollama_server: OllamaTestServer) -> None:
    text = web.dispatch(client, "web_search", {"query": "ollama python"})
    results = json.loads(text)["results"]
    assert [r["title"] for r in results] == [f"Result {i} for ollama python" for i in (1, 2, 3)]
    assert results[0] == {
        "title": "Result 1 for ollama python",
        "url": "https://example.com/search/ollama%20python/1",
        "content": "Snippet 1 about ollama python.",
    }
    request = last(ollama_server, "/api/web_search")
    assert request.json == {"query": "ollama python", "max_results": 3}
    assert request.headers["authorization"] == "Bearer test-key"

    # Numbers as strings are accepted; requests above the service's cap are clamped to it.
    assert (
        len(json.loads(web.dispatch(client, "web_search", '{"query": "q", "max_results": "5"}'))["results"])
        == 5
    )
    assert (
        len(json.loads(web.dispatch(client, "web_search", {"query": "q", "max_results": 50}))["results"])
        == 10
    )
    assert last(ollama_server, "/api/web_search").json["max_results"] == 10


def test_dispatch_web_fetch(client: ollixir.Client[Any], ollama_server: OllamaTestServer) -> None:
    page = json.loads(web.dispatch(client, "web_fetch", '{"url": "https://ollama.com/"}'))
    assert page == {
        "title": "Page https://ollama.com/",
        "content": "Content of https://ollama.com/.",
        "links": ["https://ollama.com/about", "https://ollama.com/contact"],
    }
    assert last(ollama_server, "/api/web_fetch").json == {"url": "https://ollama.com/"}


def test_dispatch_with_a_dict_client(ollama_server: OllamaTestServer) -> None:
    with ollixir.Client(
        ollama_server.url, api_key="test-key", cloud_url=ollama_server.url, response_format="dict"
    ) as dclient:
        assert json.loads(web.dispatch(dclient, "web_fetch", {"url": "https://a.example"}))["title"] == (
            "Page https://a.example"
        )


@pytest.mark.parametrize(
    ("name", "arguments", "error", "match"),
    [
        ("web_browse", {}, ollixir.RequestError, "unknown web tool 'web_browse'"),
        ("web_search", {}, ollixir.RequestError, "'query' is required"),
        ("web_search", {"query": "  "}, ollixir.RequestError, "'query' is required"),
        ("web_search", {"query": "q", "max_results": True}, ollixir.RequestError, "must be an integer"),
        ("web_search", {"query": "q", "limit": 2}, ollixir.RequestError, r"unexpected argument\(s\) limit"),
        ("web_fetch", None, ollixir.RequestError, "'url' is required"),
        ("web_fetch", '{"url": ', ollixir.ProtocolError, "'web_fetch' arguments are not valid JSON"),
        ("web_fetch", '["https://x"]', ollixir.ProtocolError, "must be a JSON object"),
    ],
)
def test_dispatch_rejects_bad_calls(
    client: ollixir.Client[Any],
    ollama_server: OllamaTestServer,
    name: str,
    arguments: Any,
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        web.dispatch(client, name, arguments)
    # Nothing reached the service.
    assert not [r for r in ollama_server.requests if r.path.startswith("/api/web_")]


def test_dispatch_surfaces_service_and_key_errors(
    ollama_server: OllamaTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    with ollixir.Client(ollama_server.url, api_key="bad-key", cloud_url=ollama_server.url) as wrong:
        with pytest.raises(ollixir.ResponseError, match="unauthorized") as denied:
            web.dispatch(wrong, "web_search", {"query": "q"})
        assert denied.value.status == 401
    # Without a key the tools ask the server's proxy; this server is not signed in.
    keyless = ollixir.Client(ollama_server.url, cloud_url=ollama_server.url)
    with keyless, pytest.raises(ollixir.ResponseError, match=r"not signed in to ollama\.com") as refused:
        web.dispatch(keyless, "web_fetch", {"url": "https://x.example"})
    assert refused.value.status == 401
    assert last(ollama_server, "/api/experimental/web_fetch").json == {"url": "https://x.example"}


def test_adispatch(ollama_server: OllamaTestServer) -> None:
    async def run() -> tuple[str, str]:
        async with ollixir.AsyncClient(
            ollama_server.url, api_key="test-key", cloud_url=ollama_server.url
        ) as ac:
            return (
                await web.adispatch(ac, "web_search", {"query": "async", "max_results": 1}),
                await web.adispatch(ac, "web_fetch", {"url": "https://b.example"}),
            )

    search, fetch = asyncio.run(run())
    assert json.loads(search) == {
        "results": [
            {
                "title": "Result 1 for async",
                "url": "https://example.com/search/async/1",
                "content": "Snippet 1 about async.",
            }
        ]
    }
    assert json.loads(fetch)["links"] == ["https://b.example/about", "https://b.example/contact"]


def test_functions_are_documented_callables(
    client: ollixir.Client[Any], ollama_server: OllamaTestServer
) -> None:
    web_search, web_fetch = web.functions(client)
    assert web_search.__name__ == "web_search" and web_fetch.__name__ == "web_fetch"
    assert str(inspect.signature(web_search, eval_str=True)) == "(query: str, max_results: int = 3) -> str"
    assert str(inspect.signature(web_fetch, eval_str=True)) == "(url: str) -> str"
    assert web_search.__doc__ and "Args:" in web_search.__doc__
    # A tool loop that builds definitions from functions gets the same definitions as web.tools().
    assert [tools.from_function(fn) for fn in (web_search, web_fetch)] == web.tools()

    assert len(json.loads(web_search("cats", max_results=2))["results"]) == 2
    assert json.loads(web_fetch("https://c.example"))["title"] == "Page https://c.example"
    assert last(ollama_server, "/api/web_search").json == {"query": "cats", "max_results": 2}


def test_afunctions(ollama_server: OllamaTestServer) -> None:
    async def run() -> str:
        async with ollixir.AsyncClient(
            ollama_server.url, api_key="test-key", cloud_url=ollama_server.url
        ) as ac:
            web_search, web_fetch = web.afunctions(ac)
            assert inspect.iscoroutinefunction(web_search) and web_search.__name__ == "web_search"
            assert tools.from_function(web_fetch) == web.tools()[1]
            return await web_fetch("https://d.example")

    assert json.loads(asyncio.run(run()))["content"] == "Content of https://d.example."


def test_tool_loop_with_dispatch(client: ollixir.Client[Any]) -> None:
    """A model asks for web_fetch; the result goes back as a tool message and ends up in the answer."""
    messages: list[dict[str, Any]] = [{"role": "user", "content": "use web_fetch url=https://e.example"}]
    reply = client.chat("llama3.2", messages, tools=web.tools())
    calls = reply.message.tool_calls or []
    assert [helpers.tool_name(c) for c in calls] == ["web_fetch"]
    messages.append(reply.message.to_dict())
    for call in calls:
        name = helpers.tool_name(call)
        assert name in web.TOOL_NAMES
        result = web.dispatch(client, name, helpers.tool_arguments(call))
        messages.append({"role": "tool", "tool_name": name, "content": result})
    final = client.chat("llama3.2", messages, tools=web.tools())
    assert final.message.content == f"Tool results: web_fetch: {result}"
    assert json.loads(result)["title"] == "Page https://e.example"


def test_tool_loop_with_functions(client: ollixir.Client[Any]) -> None:
    """The bound functions go straight into chat(tools=...) and are called with the model's arguments."""
    functions = {fn.__name__: fn for fn in web.functions(client)}
    reply = client.chat(
        "qwen3",
        [{"role": "user", "content": "web_search query=llamas"}],
        tools=list(functions.values()),
        think=False,
    )
    call = (reply.message.tool_calls or [])[0]
    output = tools.call_tool(functions[helpers.tool_name(call)], helpers.tool_arguments(call))
    assert json.loads(output)["results"][0]["title"] == "Result 1 for llamas"


def test_the_module_functions_pass_as_tools(ollama_server: OllamaTestServer, monkeypatch: Any) -> None:
    # The official client's web-search example: tools=[web_search, web_fetch], then web_search(**args).
    from ollixir._clients import default

    monkeypatch.setenv("OLLAMA_HOST", ollama_server.url)
    monkeypatch.setenv("OLLAMA_API_KEY", "test-key")
    monkeypatch.setenv("OLLAMA_WEB_BASE_URL", ollama_server.url)
    try:
        reply = ollixir.chat(
            "qwen3",
            [{"role": "user", "content": "find ollama"}],
            tools=[ollixir.web_search, ollixir.web_fetch],
        )
        assert last(ollama_server, "/api/chat").json["tools"] == web.tools()
        call = reply.message.tool_calls[0]
        assert call.function.name == "web_search"
        assert ollixir.web_search(**call.function.arguments).results[0].title == "Result 1 for ollama"

        async def main() -> None:
            await ollixir.aio.chat("qwen3", [{"role": "user", "content": "x"}], tools=[ollixir.aio.web_fetch])
            await default.default_async().aclose()

        asyncio.run(main())
        assert last(ollama_server, "/api/chat").json["tools"] == web.tools()[1:]
    finally:
        default.close_default()
