"""Streaming with an iterator: print tokens as they arrive, then use the aggregated answer.

``stream=True`` returns a ``Stream``: iterate over typed chunks, and call ``final()`` for the same
``ChatResponse`` a non-streamed call returns. Using it as a context manager releases the connection even
when you stop early.
"""

from __future__ import annotations

from _support import CHAT_MODEL, connect


def main() -> None:
    messages = [{"role": "user", "content": "Tell me a short story about a lighthouse keeper."}]
    with connect() as client:
        with client.chat(CHAT_MODEL, messages, stream=True) as stream:
            for chunk in stream:
                print(chunk.message.content, end="", flush=True)
            print()
            final = stream.final()
        print(f"[{final.eval_count} tokens, done_reason={final.done_reason}]")

        # Stopping early is fine: leaving the with-block closes the HTTP response.
        with client.completion(CHAT_MODEL, "Count from one to twenty.", stream=True) as stream:
            first = [chunk.response for _, chunk in zip(range(3), stream, strict=False)]
        print("first three completion chunks:", first)


if __name__ == "__main__":
    main()
