"""Thinking models: ask for the reasoning with ``think=True`` and read it apart from the answer."""

from __future__ import annotations

from _support import THINKING_MODEL, connect


def main() -> None:
    question = [{"role": "user", "content": "How many r's are in the word strawberry?"}]
    with connect() as client:
        reply = client.chat(THINKING_MODEL, question, think=True)
        # thinking is None when the model did not think.
        print("thinking:", reply.message.thinking or "(none)")
        print("answer:  ", reply.message.content)

        quiet = client.chat(THINKING_MODEL, question, think=False)
        print("with think=False, thinking:", quiet.message.thinking or "(none)")

        completion = client.completion(THINKING_MODEL, "Is 97 a prime number?", think=True)
        print("completion thinking:", completion.thinking or "(none)")


if __name__ == "__main__":
    main()
