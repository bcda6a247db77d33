"""Basic chat: send one user message and print the model's typed reply.

Run: ``python examples/chat_basic.py`` (uses ``OLLAMA_HOST`` when set, else the bundled test server).
"""

from __future__ import annotations

from _support import CHAT_MODEL, connect


def main() -> None:
    with connect() as client:
        reply = client.chat(CHAT_MODEL, [{"role": "user", "content": "Why is the sky blue?"}])
        # reply is a ChatResponse: attributes are typed, so mypy checks this line.
        print(f"{reply.message.role}: {reply.message.content}")
        print(f"done_reason={reply.done_reason} tokens generated={reply.eval_count}")


if __name__ == "__main__":
    main()
