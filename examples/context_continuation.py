"""Context continuation: feed ``/api/generate``'s ``context`` back to continue without a message list.

``context`` is deprecated in Ollama in favour of chat history, but still works and is what the Elixir
library's completion example uses.
"""

from __future__ import annotations

from _support import CHAT_MODEL, connect


def main() -> None:
    with connect() as client:
        first = client.completion(CHAT_MODEL, "Remember the number 42.")
        context = first.context or []
        print(f"first answer: {first.response} (context holds {len(context)} tokens)")

        second = client.completion(CHAT_MODEL, "What number did I ask you to remember?", context=context)
        print("second answer:", second.response)
        print(f"context grew from {len(context)} to {len(second.context or [])} tokens")


if __name__ == "__main__":
    main()
