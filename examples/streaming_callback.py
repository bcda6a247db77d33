"""Streaming in process mode with a callback: the stream runs on a worker thread.

Passing a callable as ``stream=`` returns at once with a ``concurrent.futures.Future``; the callable gets
every chunk, and the future resolves to the aggregated ``ChatResponse`` (or raises the stream's error).
This is the Python form of the Elixir library's ``stream: pid`` mode.
"""

from __future__ import annotations

from _support import CHAT_MODEL, connect
from ollixir_api.models import ChatStreamChunk


def main() -> None:
    pieces: list[str] = []

    def on_chunk(chunk: ChatStreamChunk) -> None:
        # Runs on the worker thread; appending to a list is thread-safe.
        pieces.append(chunk.message.content)

    with connect() as client:
        future = client.chat(
            CHAT_MODEL, [{"role": "user", "content": "Describe the sea in one sentence."}], stream=on_chunk
        )
        print("the call returned at once; doing other work while the model answers...")
        final = future.result(timeout=60)

    print(f"callback saw {len(pieces)} chunks: {''.join(pieces)!r}")
    print("final answer:", final.message.content)


if __name__ == "__main__":
    main()
