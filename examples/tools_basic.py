"""Tool calling by hand: define a tool as a dict, run the call the model asks for, send the result back.

This is the whole round trip the tool loop (``tools_loop.py``) automates.
"""

from __future__ import annotations

import json
from typing import Any

from _support import CHAT_MODEL, connect

WEATHER_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_current_weather",
        "description": "Get the current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "The city name"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["city"],
        },
    },
}


def get_current_weather(city: str, unit: str = "celsius") -> str:
    # A stand-in for a real weather service.
    return json.dumps({"city": city, "temperature": 22 if unit == "celsius" else 72, "unit": unit})


def main() -> None:
    messages: list[Any] = [{"role": "user", "content": "What is the weather like in Paris?"}]
    with connect() as client:
        reply = client.chat(CHAT_MODEL, messages, tools=[WEATHER_TOOL])
        calls = reply.message.tool_calls or []
        print(f"the model asked for {len(calls)} tool call(s)")
        messages.append(reply.message)

        for call in calls:
            # The arguments are a plain dict of JSON values.
            arguments = call.function.arguments
            print(f"  {call.function.name}({arguments})")
            result = get_current_weather(**arguments)
            messages.append({"role": "tool", "content": result, "tool_name": call.function.name})

        final = client.chat(CHAT_MODEL, messages, tools=[WEATHER_TOOL])
        print("answer:", final.message.content)


if __name__ == "__main__":
    main()
