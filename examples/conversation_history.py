"""A conversation with history: append each reply to the message list so the model sees every turn.

The model's reply (a typed ``ResponseMessage``) can be appended as is; ollixir accepts dicts and typed
messages side by side.
"""

from __future__ import annotations

from typing import Any

from _support import CHAT_MODEL, connect


def main() -> None:
    questions = [
        "My name is Ada and I like astronomy.",
        "Which planet has the most moons?",
        "What did I say my name was?",
    ]
    history: list[Any] = []
    with connect() as client:
        for question in questions:
            history.append({"role": "user", "content": question})
            reply = client.chat(CHAT_MODEL, history)
            history.append(reply.message)
            print(f"user:      {question}")
            print(f"assistant: {reply.message.content}")
        print(
            f"the conversation now holds {len(history)} messages; the last reply read "
            f"{reply.prompt_eval_count} prompt tokens"
        )


if __name__ == "__main__":
    main()
