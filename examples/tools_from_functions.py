"""Tools from Python functions: the schema comes from the signature, type hints and docstring.

Pass the functions themselves as ``tools=``; ``ollixir.tools.call_tool`` converts the model's JSON arguments
to the declared types (and reports every mismatch at once as a ``ToolArgumentError``).
"""

from __future__ import annotations

import json
from typing import Literal

from _support import CHAT_MODEL, connect

from ollixir import tools


def get_weather(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> str:
    """Current weather for a city.

    Args:
        city: The city name, in English.
        unit: The temperature unit.
    """
    return f"It is sunny and {22 if unit == 'celsius' else 72} degrees {unit} in {city}."


def main() -> None:
    print("generated tool definition:")
    print(json.dumps(tools.from_function(get_weather), indent=2))

    with connect() as client:
        reply = client.chat(
            CHAT_MODEL, [{"role": "user", "content": "What's the weather in Tokyo?"}], tools=[get_weather]
        )
    for call in reply.message.tool_calls or []:
        arguments = call.function.arguments
        print(f"model called {call.function.name} with {arguments}")
        print("result:", tools.call_tool(get_weather, arguments))


if __name__ == "__main__":
    main()
