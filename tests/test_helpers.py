"""ollixir.helpers against real answers of the test server, in typed and dict form."""

from __future__ import annotations

import math
import socket
from collections.abc import Iterator
from typing import Any

import pytest

import ollixir
from ollixir import helpers
from ollixir.testing import OllamaTestServer

KEY = "sk-ollixir-KNOWN-0123456789abcdef"


@pytest.fixture
def client(ollama_server: OllamaTestServer) -> Iterator[ollixir.Client[ollixir.TypedResults]]:
    with ollixir.Client(ollama_server.url) as c:
        yield c


@pytest.fixture
def dclient(ollama_server: OllamaTestServer) -> Iterator[ollixir.Client[ollixir.DictResults]]:
    with ollixir.Client(ollama_server.url, response_format="dict") as c:
        yield c


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- generate / chat -----------------------------------------------------------------------------------


def test_tokens_per_second(client: ollixir.Client[Any], dclient: ollixir.Client[Any]) -> None:
    # The fake models take 20000 ns per generated token: 50000 tokens per second.
    reply = client.chat("llama3.2", [{"role": "user", "content": "hi there"}])
    assert reply.eval_count == len(ollixir.testing.tokenize("You said: hi there"))
    assert helpers.tokens_per_second(reply) == pytest.approx(50_000)
    generated = dclient.generate("llama3.2", "one two three")
    assert helpers.tokens_per_second(generated) == pytest.approx(50_000)

    chunks = list(client.generate("llama3.2", "hello", stream=True))
    assert [helpers.tokens_per_second(c) for c in chunks[:-1]] == [None] * (len(chunks) - 1)
    assert helpers.tokens_per_second(chunks[-1]) == pytest.approx(50_000)

    assert helpers.tokens_per_second({"eval_count": 10, "eval_duration": 0}) is None
    assert helpers.tokens_per_second({"eval_count": 10}) is None
    assert helpers.tokens_per_second({"eval_count": 5, "eval_duration": 2_500_000_000}) == pytest.approx(2.0)


# -- embed ---------------------------------------------------------------------------------------------


def test_first_embedding_and_dimensions(client: ollixir.Client[Any], dclient: ollixir.Client[Any]) -> None:
    embedded = client.embed("all-minilm", ["alpha", "beta"])
    assert helpers.dimensions(embedded) == 384
    first = helpers.first_embedding(embedded)
    assert first is not None and first == pytest.approx(embedded.embeddings[0])
    assert math.fsum(x * x for x in first) == pytest.approx(1.0, rel=1e-5)

    assert helpers.dimensions(dclient.embed("nomic-embed-text", "x", dimensions=16)) == 16
    assert helpers.dimensions(client.embeddings("all-minilm", "legacy")) == 384
    assert helpers.first_embedding({"model": "m", "embeddings": []}) is None
    assert helpers.dimensions({"model": "m", "embeddings": []}) is None


# -- list / ps -----------------------------------------------------------------------------------------


def test_model_names_and_find_model(client: ollixir.Client[Any], dclient: ollixir.Client[Any]) -> None:
    listing = client.list()
    names = helpers.model_names(listing)
    assert names[:2] == ["llama3.2:latest", "qwen3:latest"] and "codellama:code" in names
    assert helpers.model_names(dclient.list()) == names

    found = helpers.find_model(listing, "llama3.2")
    assert found is not None and found.name == "llama3.2:latest"
    exact = helpers.find_model(listing, "codellama:code")
    assert exact is not None and exact.name == "codellama:code"
    # A bare name means :latest only, never another tag.
    assert helpers.find_model(listing, "codellama") is None
    assert helpers.find_model(listing, "llama3") is None
    found_dict = helpers.find_model(dclient.list(), "nomic-embed-text")
    assert found_dict is not None and found_dict["name"] == "nomic-embed-text:latest"


def test_total_vram_and_find_running(client: ollixir.Client[Any], dclient: ollixir.Client[Any]) -> None:
    assert helpers.total_vram(client.ps()) == 0
    client.generate("llama3.2", "hi")
    client.embed("all-minilm", "hi")
    running = dclient.ps()
    assert len(running["models"]) == 2
    assert helpers.total_vram(running) == sum(m["size_vram"] for m in running["models"]) > 0
    assert helpers.total_vram(client.ps()) == helpers.total_vram(running)
    entry = helpers.find_model(client.ps(), "all-minilm")
    assert entry is not None and entry.size_vram > 0


def test_format_size(client: ollixir.Client[Any]) -> None:
    listing = client.list()
    llama = helpers.find_model(listing, "llama3.2")
    nomic = helpers.find_model(listing, "nomic-embed-text")
    assert llama is not None and nomic is not None
    assert helpers.format_size(llama) == "2.0 GB"
    assert helpers.format_size(nomic) == "274.3 MB"
    assert helpers.format_size({"size": 1500}) == "1.5 KB"
    assert helpers.format_size(512) == "512 B"
    assert helpers.format_size(3 * 10**12) == "3.0 TB"
    with pytest.raises(TypeError, match="byte count"):
        helpers.format_size({"name": "no size"})


# -- show ----------------------------------------------------------------------------------------------


def test_has_capability(client: ollixir.Client[Any], dclient: ollixir.Client[Any]) -> None:
    qwen = client.show("qwen3")
    assert helpers.has_capability(qwen, "thinking") and helpers.has_capability(qwen, "tools")
    assert not helpers.has_capability(qwen, "vision")
    assert helpers.has_capability(dclient.show("llava"), "vision")
    assert not helpers.has_capability({"capabilities": None}, "completion")


# -- progress ------------------------------------------------------------------------------------------


def test_percent_and_is_complete_on_a_real_pull(client: ollixir.Client[Any]) -> None:
    lines = list(client.pull("tinyllama", stream=True))
    first, last = lines[0], lines[-1]
    assert first.status == "pulling manifest"
    assert helpers.percent(first) is None and not helpers.is_complete(first)
    assert last.status == "success" and helpers.percent(last) == 100.0 and helpers.is_complete(last)
    layers = [line for line in lines if line.status.startswith("pulling ") and line.total]
    assert layers and helpers.percent(layers[0]) == 0.0 and not helpers.is_complete(layers[0])
    done = [line for line in layers if helpers.is_complete(line)]
    assert done and all(helpers.percent(line) == 100.0 for line in done)
    # Status-only lines in between (verifying, writing manifest) are not complete.
    middle = [line for line in lines if line.status in ("verifying sha256 digest", "writing manifest")]
    assert middle and not any(helpers.is_complete(line) for line in middle)


def test_percent_and_is_complete_edge_cases() -> None:
    assert helpers.percent({"status": "pulling abc", "total": 200, "completed": 50}) == 25.0
    assert helpers.percent({"status": "pulling abc", "total": 200}) == 0.0
    assert helpers.percent({"status": "pulling abc", "total": 0}) is None
    assert not helpers.is_complete({"status": "pulling abc", "total": 200, "completed": 199})
    assert helpers.is_complete({"status": "pulling abc", "total": 200, "completed": 200})
    assert not helpers.is_complete({"status": "pulling abc", "completed": 200})
    assert not helpers.is_complete({"status": "writing manifest"})


# -- logprobs ------------------------------------------------------------------------------------------


def test_probability(client: ollixir.Client[Any], dclient: ollixir.Client[Any]) -> None:
    reply = client.generate("llama3.2", "a bc", logprobs=True, top_logprobs=2)
    assert reply.logprobs
    for entry in reply.logprobs:
        # The fake model's logprob is -len(utf8(token)) / 100.
        assert helpers.probability(entry) == pytest.approx(math.exp(-len(entry.token.encode()) / 100))
        assert 0 < helpers.probability(entry) <= 1
        alternatives = entry.top_logprobs or []
        assert [round(helpers.probability(a) / helpers.probability(entry), 6) for a in alternatives] == [
            1.0,
            round(math.exp(-1), 6),
        ]
    as_dict = dclient.chat("llama3.2", [{"role": "user", "content": "x"}], logprobs=True)["logprobs"][0]
    assert helpers.probability(as_dict) == pytest.approx(math.exp(as_dict["logprob"]))
    assert helpers.probability(0.0) == 1.0
    with pytest.raises(TypeError):
        helpers.probability({"token": "x"})


# -- tool calls ----------------------------------------------------------------------------------------

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather for a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}


def test_tool_name_and_arguments(client: ollixir.Client[Any], dclient: ollixir.Client[Any]) -> None:
    messages = [{"role": "user", "content": "get_weather city=Paris"}]
    call = (client.chat("llama3.2", messages, tools=[WEATHER_TOOL]).message.tool_calls or [])[0]
    assert helpers.tool_name(call) == "get_weather"
    assert helpers.tool_arguments(call) == {"city": "Paris"}
    dict_call = dclient.chat("llama3.2", messages, tools=[WEATHER_TOOL])["message"]["tool_calls"][0]
    assert helpers.tool_name(dict_call) == "get_weather"
    assert helpers.tool_arguments(dict_call) == {"city": "Paris"}


def test_tool_arguments_decodes_json_strings_and_rejects_bad_ones() -> None:
    encoded = {"function": {"name": "f", "arguments": '{"a": 1, "b": [true]}'}}
    assert helpers.tool_arguments(encoded) == {"a": 1, "b": [True]}
    assert helpers.tool_arguments({"function": {"name": "f"}}) == {}
    assert helpers.tool_arguments({"function": {"name": "f", "arguments": None}}) == {}
    assert helpers.tool_arguments({"function": {"name": "f", "arguments": "  "}}) == {}
    with pytest.raises(ollixir.ProtocolError, match="'f' arguments are not valid JSON") as err:
        helpers.tool_arguments({"function": {"name": "f", "arguments": '{"a": '}})
    assert isinstance(err.value, ollixir.ResponseError)
    assert err.value.status == 200 and err.value.body == '{"a": '
    with pytest.raises(ollixir.ProtocolError, match="must be a JSON object, got list"):
        helpers.tool_arguments({"function": {"name": "f", "arguments": "[1, 2]"}})
    with pytest.raises(ollixir.ProtocolError, match="without a function name"):
        helpers.tool_name({"function": {}})


# -- errors --------------------------------------------------------------------------------------------


def test_is_retryable_is_the_client_predicate(client: ollixir.Client[Any]) -> None:
    assert helpers.is_retryable is ollixir.is_retryable
    assert helpers.is_retryable(ollixir.ResponseError("busy", status=503))
    with pytest.raises(ollixir.ResponseError) as missing:
        client.show("no-such-model")
    assert not helpers.is_retryable(missing.value)
    with ollixir.Client(closed_port_url()) as dead, pytest.raises(ollixir.ConnectionError) as refused:
        dead.version()
    assert helpers.is_retryable(refused.value)


def test_format_error_real_errors(client: ollixir.Client[Any], ollama_server: OllamaTestServer) -> None:
    with pytest.raises(ollixir.ResponseError) as missing:
        client.show("no-such-model")
    line = helpers.format_error(missing.value)
    assert line.startswith("ResponseError operation=show_model status=404: ")
    assert "no-such-model" in line and "\n" not in line

    cloud = ollixir.Client(ollama_server.url, api_key=KEY, cloud_url=closed_port_url())
    with cloud, pytest.raises(ollixir.ConnectionError) as refused:
        cloud.web_search("q")
    line = helpers.format_error(refused.value)
    assert line.startswith("ConnectionError operation=web_search: cannot connect to http://127.0.0.1:")
    assert KEY not in line

    wrong = ollixir.Client(ollama_server.url, api_key="wrong-key", cloud_url=ollama_server.url)
    with wrong, pytest.raises(ollixir.ResponseError) as denied:
        wrong.web_fetch("https://example.com")
    assert helpers.format_error(denied.value) == "ResponseError operation=web_fetch status=401: unauthorized"

    assert helpers.format_error(ValueError("plain\nvalue error")) == "ValueError: plain value error"


def test_format_error_never_shows_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    leaky = ollixir.ResponseError(
        f"rejected headers {{'Authorization': 'Bearer {KEY}'}} from https://bob:hunter22@example.com/x?api_key={KEY}&q=1",
        status=401,
        operation="web_search",
    )
    line = helpers.format_error(leaky)
    assert KEY not in line and "hunter22" not in line
    assert line.startswith("ResponseError operation=web_search status=401: rejected headers")
    assert "Bearer" not in line or "Bearer ***" in line
    assert "api_key=***&q=1" in line and "https://***@example.com/x" in line

    assert KEY not in helpers.format_error(RuntimeError(f"Authorization: Bearer {KEY}"))
    assert KEY not in helpers.format_error(RuntimeError(f'{{"apiKey": "{KEY}"}}'))
    # A bare key is only recognisable when known: from OLLAMA_API_KEY or passed in.
    bare = RuntimeError(f"token {KEY} expired")
    assert KEY in helpers.format_error(bare)
    assert KEY not in helpers.format_error(bare, secrets=[KEY])
    monkeypatch.setenv("OLLAMA_API_KEY", KEY)
    assert helpers.format_error(bare) == "RuntimeError: token *** expired"
