"""Structured output, JSON mode: ``format="json"`` makes the model answer with a JSON value."""

from __future__ import annotations

import json

from _support import CHAT_MODEL, connect


def main() -> None:
    with connect() as client:
        reply = client.chat(
            CHAT_MODEL,
            [{"role": "user", "content": "List three fruits and their colours as JSON."}],
            format="json",
        )
        data = json.loads(reply.message.content)
        print("raw reply:", reply.message.content)
        print("parsed:", type(data).__name__, "with keys", sorted(data) if isinstance(data, dict) else "-")


if __name__ == "__main__":
    main()
