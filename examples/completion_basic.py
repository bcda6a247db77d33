"""Basic completion (``/api/generate``): a single prompt, no conversation.

Also shows the module-level style of the original Elixir library, ``ollixir.completion(client, ...)``, and
the official Python client's alias ``client.generate``.
"""

from __future__ import annotations

from _support import CHAT_MODEL, connect

import ollixir


def main() -> None:
    with connect() as client:
        reply = client.completion(CHAT_MODEL, "Write a haiku about autumn.")
        print("completion:", reply.response)

        # The same request in the seed's style: every keyword argument named.
        seed_style = ollixir.completion(client, model=CHAT_MODEL, prompt="Name three primary colours.")
        print("module function:", seed_style.response)

        alias = client.generate(CHAT_MODEL, "Say hello in French.")
        print("generate alias:", alias.response)


if __name__ == "__main__":
    main()
