"""Error handling: every failure raises one of ollixir's exceptions, all subclasses of ``OllixirError``.

- ``RequestError`` (also a ``ValueError``): bad input, caught before anything is sent.
- ``ResponseError``: the server answered with an error; ``.status`` and ``.error`` tell you what.
- ``ConnectionError`` (also the builtin one): the server could not be reached.
"""

from __future__ import annotations

import socket

from _support import CHAT_MODEL, connect

import ollixir


def closed_port() -> int:
    """A loopback port nothing listens on: bind one, then give it back."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def main() -> None:
    messages = [{"role": "user", "content": "Hello!"}]
    with connect() as client:
        try:
            client.chat(CHAT_MODEL, messages, top_logprobs=99)
        except ollixir.RequestError as exc:
            print(f"RequestError (parameter {exc.param!r}): {exc}")

        try:
            client.chat("no-such-model-xyz", messages)
        except ollixir.ResponseError as exc:
            if exc.status == 404:
                print(f"ResponseError 404, the model is missing: {exc.error}")
            else:
                raise

        # One except clause catches them all.
        try:
            client.chat("", messages)
        except ollixir.OllixirError as exc:
            print(f"caught by OllixirError: {type(exc).__name__}: {exc}")

    with ollixir.init(f"http://127.0.0.1:{closed_port()}", timeout=5) as offline:
        try:
            offline.version()
        except ollixir.ConnectionError as exc:
            # The message names the URL and what to check.
            print(f"ConnectionError: {exc}")


if __name__ == "__main__":
    main()
