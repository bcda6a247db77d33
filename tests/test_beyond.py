"""Modelfiles through the client, the tool loop end to end, structured output from classes, option
presets: the features neither the official client nor the seed does well."""

from __future__ import annotations

import asyncio
import dataclasses
import enum
from pathlib import Path
from typing import Any, Literal

import pytest

import ollixir
from ollixir import presets, tools
from tests.clientkit import Api


def uploads(server: Any) -> list[str]:
    return [r.path for r in server.requests if r.method == "POST" and r.path.startswith("/api/blobs/")]


def test_create_from_modelfile_uploads_local_gguf_once(api: Api, ollama_server: Any, tmp_path: Path) -> None:
    gguf = tmp_path / "weights" / "model.gguf"
    gguf.parent.mkdir()
    with open(gguf, "wb") as f:  # a 300 MiB GGUF-named file (sparse), with the GGUF magic
        f.write(b"GGUF")
        f.truncate(300 << 20)
    modelfile = tmp_path / "Modelfile"
    modelfile.write_text(
        'FROM ./weights/model.gguf\nSYSTEM """You are a pirate."""\nPARAMETER temperature 0.2\n'
        "PARAMETER stop <|a|>\nPARAMETER stop <|b|>\nLICENSE MIT\n"
    )
    r = api.call("create_model", "pirate", modelfile=modelfile)
    assert r.status == "success"
    assert len(uploads(ollama_server)) == 1
    body = [x.json for x in ollama_server.requests if x.path == "/api/create"][-1]
    assert list(body["files"]) == ["model.gguf"] and body["files"]["model.gguf"].startswith("sha256:")
    assert body["system"] == "You are a pirate." and body["license"] == ["MIT"]
    assert body["parameters"] == {"temperature": 0.2, "stop": ["<|a|>", "<|b|>"]}
    assert api.call("show", "pirate").system == "You are a pirate."
    # The server has the blob now: a second create uploads nothing.
    api.call("create", "pirate2", modelfile=modelfile.read_text().replace("./weights", str(gguf.parent)))
    assert len(uploads(ollama_server)) == 1


def test_create_from_modelfile_text_with_model_name(api: Api, ollama_server: Any) -> None:
    r = api.call(
        "create",
        "mario",
        modelfile="FROM llama3.2\nSYSTEM You are Mario.\nMESSAGE user hi\nMESSAGE assistant hello",
    )
    assert r.status == "success"
    body = [x.json for x in ollama_server.requests if x.path == "/api/create"][-1]
    assert body["from"] == "llama3.2"
    assert body["messages"] == [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]


def test_create_with_local_paths_in_files(api: Api, ollama_server: Any, tmp_path: Path) -> None:
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF" + b"\1" * 1000)
    assert api.call("create", "local", files={"m.gguf": gguf}).status == "success"
    assert len(uploads(ollama_server)) == 1


def test_modelfile_parse_error_has_line_number(api: Api, ollama_server: Any) -> None:
    ollama_server.requests.clear()
    with pytest.raises(ollixir.RequestError, match="line 2"):
        api.call("create", "x", modelfile="FROM llama3.2\nBOGUS value\n")
    assert not ollama_server.requests


def get_weather(city: str, unit: Literal["C", "F"] = "C") -> str:
    """Current weather for a city.

    Args:
        city: The city name.
        unit: Temperature unit.
    """
    return f"22 degrees {unit} in {city}"


async def get_time(city: str) -> str:
    """Local time in a city.

    Args:
        city: The city name.
    """
    await asyncio.sleep(0)
    return f"12:00 in {city}"


def test_tool_loop_runs_functions_until_the_model_answers(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url) as client:
        run = tools.run(
            client,
            "llama3.2",
            [{"role": "user", "content": "get_weather city=Paris"}],
            [get_weather, get_time],
        )
    assert run.content == "Tool results: get_weather: 22 degrees C in Paris"
    tool_messages = [m for m in run.messages if isinstance(m, dict) and m["role"] == "tool"]
    assert tool_messages[0]["tool_name"] == "get_weather" and tool_messages[0]["tool_call_id"].startswith(
        "call_"
    )
    sent_tools = next(r.json for r in ollama_server.requests if r.path == "/api/chat")["tools"]
    assert sent_tools[0]["function"]["parameters"]["properties"]["unit"]["enum"] == ["C", "F"]


def test_async_tool_loop_with_async_functions(ollama_server: Any) -> None:
    async def main() -> str:
        async with ollixir.init_async(ollama_server.url) as client:
            run = await tools.arun(
                client,
                "llama3.2",
                [{"role": "user", "content": "get_time city=Oslo"}],
                [get_weather, get_time],
            )
            return run.content

    assert asyncio.run(main()) == "Tool results: get_time: 12:00 in Oslo"


def test_tool_errors_go_back_to_the_model(ollama_server: Any) -> None:
    def broken(city: str) -> str:
        """Always fails."""
        raise RuntimeError("backend down")

    unknown = tools.define(
        "mystery", description="no implementation", parameters={"q": {"type": "string", "required": True}}
    )
    with ollixir.init(ollama_server.url) as client:
        run = tools.run(client, "llama3.2", [{"role": "user", "content": "broken city=X"}], [broken])
        assert "RuntimeError: backend down" in run.content
        run2 = tools.run(client, "llama3.2", [{"role": "user", "content": "mystery q=1"}], [unknown])
        assert "unknown tool 'mystery'" in run2.content


def test_tool_loop_max_rounds(ollama_server: Any) -> None:
    with ollixir.init(ollama_server.url) as client, pytest.raises(tools.ToolLoopError):
        tools.run(
            client,
            "llama3.2",
            [{"role": "user", "content": "get_weather city=Paris"}],
            [get_weather],
            max_rounds=1,
        )


class Sky(enum.Enum):
    CLEAR = "clear"
    CLOUDY = "cloudy"


@dataclasses.dataclass
class Weather:
    city: str
    temperature: int
    sky: Sky


def test_structured_output_from_a_dataclass(api: Api, ollama_server: Any) -> None:
    reply = api.call("chat", "llama3.2", [{"role": "user", "content": "weather"}], format=Weather)
    schema = [r.json for r in ollama_server.requests if r.path == "/api/chat"][-1]["format"]
    assert schema["type"] == "object" and set(schema["required"]) == {"city", "temperature", "sky"}
    weather = ollixir.parsed(reply, Weather)
    assert (
        isinstance(weather, Weather) and isinstance(weather.temperature, int) and isinstance(weather.sky, Sky)
    )


def test_structured_output_mismatch_is_a_clear_error() -> None:
    with pytest.raises(ollixir.StructuredOutputError, match="temperature"):
        ollixir.parsed('{"city": "x", "temperature": "hot", "sky": "clear"}', Weather)


def test_presets_merge_and_validate(api: Api, ollama_server: Any) -> None:
    options = presets.merge(presets.precise(), presets.large_context(), seed=7)
    api.call("chat", "llama3.2", [{"role": "user", "content": "x"}], options=options)
    sent = [r.json for r in ollama_server.requests if r.path == "/api/chat"][-1]["options"]
    assert sent["seed"] == 7 and sent["num_ctx"] == options["num_ctx"]
    with pytest.raises(ollixir.RequestError, match="temperature"):
        presets.merge(presets.creative(), temprature=1)


def test_typed_options_model_is_accepted(api: Api, ollama_server: Any) -> None:
    from ollixir_api.models import Options

    api.call("completion", "llama3.2", "x", options=Options(temperature=0.5, stop=["\n"]))
    sent = [r.json for r in ollama_server.requests if r.path == "/api/generate"][-1]["options"]
    assert sent == {"temperature": 0.5, "stop": ["\n"]}


def test_tools_accept_functions_dicts_and_generated_models(api: Api, ollama_server: Any) -> None:
    from ollixir_api.models import Tool

    model_tool = Tool.from_dict(
        tools.define("lookup", description="Look up", parameters={"q": {"type": "string", "required": True}})
    )
    r = api.call(
        "chat",
        "llama3.2",
        [{"role": "user", "content": "get_weather city=Rome"}],
        tools=[get_weather, model_tool],
    )
    assert r.message.tool_calls and r.message.tool_calls[0].function.name == "get_weather"
    sent = [x.json for x in ollama_server.requests if x.path == "/api/chat"][-1]["tools"]
    assert [t["function"]["name"] for t in sent] == ["get_weather", "lookup"]
    assert sent[0]["function"]["description"] == "Current weather for a city."
    assert sent[0]["function"]["parameters"]["required"] == ["city"]


def test_seed_helper_aliases() -> None:
    from ollixir import helpers

    assert helpers.first is helpers.first_embedding and helpers.names is helpers.model_names
    assert helpers.find is helpers.find_model and helpers.arguments is helpers.tool_arguments
