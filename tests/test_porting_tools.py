"""The official examples' tool calling (tools.py, async-tools.py, multi-tool.py, gpt-oss-tools*.py,
web-search.py), run on the official client and on ollixir (the ``ollama`` fixture)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import ollixir
from ollixir.testing import OllamaTestServer
from tests.portkit import add_two_numbers, subtract_two_numbers, subtract_two_numbers_tool

available_functions = {"add_two_numbers": add_two_numbers, "subtract_two_numbers": subtract_two_numbers}

ADD_TOOL = {
    "type": "function",
    "function": {
        "name": "add_two_numbers",
        "description": "Add two numbers",
        "parameters": {
            "type": "object",
            "required": ["a", "b"],
            "properties": {
                "a": {"type": "integer", "description": "The first number"},
                "b": {"type": "integer", "description": "The second number"},
            },
        },
    },
}


def get_temperature(city: str) -> str:
    """
    Get the temperature for a city in Celsius

    Args:
      city (str): The name of the city

    Returns:
      str: The current temperature in Celsius
    """
    return f"{len(city) * 4} degrees Celsius"


def get_conditions(city: str) -> str:
    """
    Get the weather conditions for a city
    """
    return "sunny" if city == "Paris" else "rainy"


weather_functions = {"get_temperature": get_temperature, "get_conditions": get_conditions}


def test_tools(ollama: Any, ollama_server: OllamaTestServer) -> None:
    messages: list[Any] = [{"role": "user", "content": "What is three plus one?"}]
    response = ollama.chat("llama3.2", messages=messages, tools=[add_two_numbers, subtract_two_numbers_tool])
    # A function's signature and docstring become its definition; dicts are sent as written.
    assert ollama_server.requests[-1].json["tools"] == [ADD_TOOL, subtract_two_numbers_tool]
    assert isinstance(response, ollama.ChatResponse)
    assert response.message.tool_calls

    outputs = []
    messages.append(response.message)
    for tool in response.message.tool_calls:
        if function_to_call := available_functions.get(tool.function.name):
            output = function_to_call(**tool.function.arguments)
        else:
            output = "Function not found"
        outputs.append((tool.function.name, tool.function.arguments, output))
        messages.append({"role": "tool", "content": str(output), "tool_name": tool.function.name})
    # The fake model calls the first tool when the prompt names none, with integers for integers.
    assert outputs == [("add_two_numbers", {"a": 42, "b": 42}, 84)]
    assert tool.function["arguments"]["a"] == 42 and tool["function"]["name"] == "add_two_numbers"

    final_response = ollama.chat("llama3.2", messages=messages)
    assert final_response.message.content == "Tool results: add_two_numbers: 84"
    sent = ollama_server.requests[-1].json["messages"]
    assert (
        sent[1]["role"] == "assistant" and sent[1]["tool_calls"][0]["function"]["name"] == "add_two_numbers"
    )
    assert sent[2] == {"role": "tool", "content": "84", "tool_name": "add_two_numbers"}


def test_async_tools(ollama: Any) -> None:
    messages: list[Any] = [
        {"role": "user", "content": "What is seven minus two? subtract_two_numbers a=7 b=2"}
    ]

    async def main() -> str:
        client = ollama.AsyncClient()
        response = await client.chat(
            "llama3.2", messages=messages, tools=[add_two_numbers, subtract_two_numbers_tool]
        )
        assert response.message.tool_calls
        messages.append(response.message)
        for tool in response.message.tool_calls:
            output = available_functions[tool.function.name](**tool.function.arguments)
            messages.append({"role": "tool", "content": str(output), "tool_name": tool.function.name})
        final_response = await client.chat("llama3.2", messages=messages)
        await client.close()
        return str(final_response.message.content)

    assert asyncio.run(main()) == "Tool results: subtract_two_numbers: 5"


def test_multi_tool_stream_with_thinking(ollama: Any) -> None:
    messages: list[Any] = [
        {"role": "user", "content": "get_temperature and get_conditions for city=Paris, please."}
    ]
    client = ollama.Client()
    response: Iterator[Any] = client.chat(
        "qwen3", stream=True, messages=messages, tools=[get_temperature, get_conditions], think=True
    )
    thinking, calls = "", []
    for chunk in response:
        if chunk.message.thinking:
            thinking += chunk.message.thinking
        if chunk.message.tool_calls:
            for tool in chunk.message.tool_calls:
                if function_to_call := weather_functions.get(tool.function.name):
                    output = function_to_call(**tool.function.arguments)
                    calls.append((tool.function.name, output))
                    messages.append(chunk.message)
                    messages.append({"role": "tool", "content": str(output), "tool_name": tool.function.name})
    assert thinking == "Thinking about: get_temperature and get_conditions for city=Paris, please."
    assert calls == [("get_temperature", "20 degrees Celsius"), ("get_conditions", "sunny")]

    assert any(msg.get("role") == "tool" for msg in messages)
    content = ""
    for chunk in client.chat(
        "qwen3", stream=True, tools=[get_temperature, get_conditions], messages=messages
    ):
        content += chunk.message.content or ""
        assert not chunk.message.tool_calls
    # The fake answers the trailing run of tool messages (the example appends the assistant message twice).
    assert content == "Tool results: get_conditions: sunny"
    client.close()


def test_tool_loop_until_no_more_calls(ollama: Any, ollama_server: OllamaTestServer) -> None:
    messages: list[Any] = [
        {"role": "user", "content": "Weather in city=Oslo? get_temperature get_conditions"}
    ]
    with ollama.Client() as client:
        rounds = []
        while True:
            response = client.chat(model="qwen3", messages=messages, tools=[get_temperature, get_conditions])
            rounds.append(
                (response.message.thinking, response.message.content, len(response.message.tool_calls or []))
            )
            messages.append(response.message)
            if response.message.tool_calls:
                for tool_call in response.message.tool_calls:
                    function_to_call = weather_functions.get(tool_call.function.name)
                    assert function_to_call is not None
                    result = function_to_call(**tool_call.function.arguments)
                    messages.append({"role": "tool", "content": result, "tool_name": tool_call.function.name})
            else:
                break
    prompt = "Weather in city=Oslo? get_temperature get_conditions"
    assert rounds == [
        (f"Thinking about: {prompt}", "", 2),
        (
            f"Thinking about: {prompt}",
            "Tool results: get_temperature: 16 degrees Celsius; get_conditions: rainy",
            0,
        ),
    ]
    # The assistant message goes back with its thinking and tool calls.
    sent = ollama_server.requests[-1].json["messages"][1]
    assert sent["thinking"] == f"Thinking about: {prompt}" and len(sent["tool_calls"]) == 2


def test_streamed_tool_loop_with_accumulated_calls(ollama: Any, ollama_server: OllamaTestServer) -> None:
    messages: list[Any] = [{"role": "user", "content": "Conditions in city=Paris? get_conditions"}]
    client = ollama.Client()
    transcript = []
    while True:
        tool_calls: list[Any] = []
        thinking = ""
        content = ""
        for chunk in client.chat(
            model="qwen3", messages=messages, tools=[get_temperature, get_conditions], stream=True
        ):
            if chunk.message.tool_calls:
                tool_calls.extend(chunk.message.tool_calls)
            if chunk.message.content:
                content += chunk.message.content
            if chunk.message.thinking:
                thinking += chunk.message.thinking
        if thinking != "" or content != "" or len(tool_calls) > 0:
            # Tool calls read from the stream go back inside a plain dict.
            messages.append(
                {"role": "assistant", "thinking": thinking, "content": content, "tool_calls": tool_calls}
            )
        transcript.append(content or [c.function.name for c in tool_calls])
        if tool_calls:
            for tool_call in tool_calls:
                result = weather_functions[tool_call.function.name](**tool_call.function.arguments)
                messages.append({"role": "tool", "content": result, "tool_name": tool_call.function.name})
        else:
            break
    client.close()
    assert transcript == [["get_conditions"], "Tool results: get_conditions: sunny"]
    sent = ollama_server.requests[-1].json["messages"][1]
    function = sent["tool_calls"][0]["function"]
    assert (function["name"], function["arguments"]) == ("get_conditions", {"city": "Paris"})


def test_web_search_functions_as_tools(
    ollama: Any, ollama_server: OllamaTestServer, monkeypatch: Any
) -> None:
    messages: list[Any] = [{"role": "user", "content": "what is ollama's new engine"}]
    response = ollama.chat(
        model="qwen3", messages=messages, tools=[ollama.web_search, ollama.web_fetch], think=True
    )
    sent = ollama_server.requests[-1].json["tools"]
    assert [t["function"]["name"] for t in sent] == ["web_search", "web_fetch"]
    assert sent[0]["function"]["parameters"]["properties"]["query"]["type"] == "string"
    assert sent[1]["function"]["parameters"]["required"] == ["url"]
    call = response.message.tool_calls[0]
    assert call.function.name == "web_search" and call.function.arguments["query"] == "engine"
    if ollama is not ollixir:
        # Not compared: the official client sends web_search to https://ollama.com (written into its
        # code), which this offline suite cannot reach; ollixir's honour OLLAMA_WEB_BASE_URL.
        return
    monkeypatch.setenv("OLLAMA_API_KEY", "test-key")
    monkeypatch.setenv("OLLAMA_WEB_BASE_URL", ollama_server.url)
    available_tools = {"web_search": ollama.web_search, "web_fetch": ollama.web_fetch}
    messages.append(response.message)
    args = call.function.arguments
    result = available_tools[call.function.name](**args)
    assert isinstance(result, ollama.WebSearchResponse) and not isinstance(result, ollama.WebFetchResponse)
    lines = [f"{r.title}|{r.url}|{r.content}" for r in result.results]
    assert lines[0] == "Result 1 for engine|https://example.com/search/engine/1|Snippet 1 about engine."
    fetched = ollama.web_fetch(url="https://ollama.com")
    assert isinstance(fetched, ollama.WebFetchResponse) and fetched.links and fetched.title
    messages.append(
        {"role": "tool", "content": "\n".join(lines)[: 2000 * 4], "tool_name": call.function.name}
    )
    final = ollama.chat(
        model="qwen3", messages=messages, tools=[ollama.web_search, ollama.web_fetch], think=True
    )
    assert final.message.content.startswith("Tool results: web_search: Result 1 for engine")
