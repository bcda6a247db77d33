"""Streaming a thinking model: the reasoning tokens arrive first, then the answer tokens."""

from __future__ import annotations

from _support import THINKING_MODEL, connect


def main() -> None:
    messages = [{"role": "user", "content": "What is 17 times 23?"}]
    with connect() as client, client.chat(THINKING_MODEL, messages, think=True, stream=True) as stream:
        section = ""
        for chunk in stream:
            if chunk.message.thinking and section != "thinking":
                section = "thinking"
                print("--- thinking ---")
            elif chunk.message.content and section != "answer":
                section = "answer"
                print("\n--- answer ---")
            print(chunk.message.thinking or chunk.message.content, end="", flush=True)
        print()
        final = stream.final()
    # final() joins the pieces: the whole reasoning and the whole answer.
    print(
        f"[thinking: {len(final.message.thinking or '')} chars, answer: {len(final.message.content)} chars]"
    )


if __name__ == "__main__":
    main()
