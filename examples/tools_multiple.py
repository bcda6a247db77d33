"""Several tools at once: the model may call more than one; dispatch each call by name.

The tools are written with ``ollixir.tools.define``, a compact way to describe parameters by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from _support import CHAT_MODEL, connect

from ollixir import tools


def add(a: int, b: int) -> int:
    return a + b


def multiply(a: int, b: int) -> int:
    return a * b


NUMBERS = {"a": {"type": "integer", "required": True}, "b": {"type": "integer", "required": True}}
DEFINITIONS = [
    tools.define("add", "Add two integers", NUMBERS),
    tools.define("multiply", "Multiply two integers", NUMBERS),
]
HANDLERS: dict[str, Callable[..., Any]] = {"add": add, "multiply": multiply}


def main() -> None:
    # "a=6 b=7" is also how the test server's fake model is told which arguments to use.
    prompt = "Please add and multiply these numbers: a=6 b=7"
    messages: list[Any] = [{"role": "user", "content": prompt}]
    with connect() as client:
        reply = client.chat(CHAT_MODEL, messages, tools=DEFINITIONS)
        messages.append(reply.message)
        for call in reply.message.tool_calls or []:
            name = call.function.name
            arguments = call.function.arguments
            result = tools.call_tool(HANDLERS[name], arguments)
            print(f"{name}({arguments}) = {result}")
            messages.append({"role": "tool", "content": str(result), "tool_name": name})
        final = client.chat(CHAT_MODEL, messages, tools=DEFINITIONS)
        print("answer:", final.message.content)


if __name__ == "__main__":
    main()
