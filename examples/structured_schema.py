"""Structured output with a JSON Schema: the model's answer must match the schema you pass as ``format=``."""

from __future__ import annotations

import json
from typing import Any

from _support import CHAT_MODEL, connect

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "capital": {"type": "string"},
        "languages": {"type": "array", "items": {"type": "string"}},
        "population_millions": {"type": "number"},
    },
    "required": ["name", "capital", "languages", "population_millions"],
}


def main() -> None:
    with connect() as client:
        reply = client.chat(
            CHAT_MODEL,
            [{"role": "user", "content": "Tell me about Canada."}],
            format=SCHEMA,
            options={"temperature": 0},  # structured answers are more reliable without sampling noise
        )
    country = json.loads(reply.message.content)
    missing = [key for key in SCHEMA["required"] if key not in country]
    print("reply:", reply.message.content)
    print("all required fields present:", not missing)
    print(f"{country['name']}: capital {country['capital']}, languages {country['languages']}")


if __name__ == "__main__":
    main()
