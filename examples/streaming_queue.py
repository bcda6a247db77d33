"""Streaming in process mode with a queue: a consumer reads messages the way a GenServer would.

The queue receives ``("data", chunk)`` for every chunk, then ``("done", final)`` or ``("error", exc)``,
the same messages the Elixir library sends to a process.
"""

from __future__ import annotations

import queue
from typing import Any

from _support import CHAT_MODEL, connect


def main() -> None:
    inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
    with connect() as client:
        future = client.completion(CHAT_MODEL, "List the planets of the solar system.", stream=inbox)
        text = ""
        while True:
            kind, payload = inbox.get(timeout=60)
            if kind == "data":
                text += payload.response
            elif kind == "done":
                print("streamed text:", text)
                print(f"done: {payload.eval_count} tokens, done_reason={payload.done_reason}")
                break
            else:
                raise payload
        # The future carries the same final response.
        assert future.result(timeout=60).response == text


if __name__ == "__main__":
    main()
