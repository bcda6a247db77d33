"""Mistakes the types must catch (tests/test_typing.py expects one mypy error per marked line)."""

from __future__ import annotations

import ollixir


def mistakes(
    client: ollixir.Client[ollixir.TypedResults], dicts: ollixir.Client[ollixir.DictResults]
) -> None:
    n: int = client.chat("m", [{"role": "user", "content": "x"}]).message.content  # E: str is not int
    _ = client.chat("m", [], stream=True).message  # E: a stream has no .message
    client.chat("m", [], temperature=0.1)  # E: not a chat option (it belongs in options=)
    _ = client.embed("m", "x").embedding  # E: embed returns .embeddings
    _ = client.embed("m", "x", dtype="int8")  # E: not a supported dtype
    v: list[list[float]] = client.embed("m", "x", dtype="float32").embeddings  # E: an array, not lists
    print(v)
    s: str = client.copy("a", "b")  # E: copy returns bool
    _ = dicts.chat("m", []).message  # E: dict results have no attributes
    ollixir.init("http://x", verfy=False)  # E: misspelt httpx option
    ollixir.AsyncClient("http://x", transport=ollixir.Client().http._transport)  # E: a sync transport
    client.pull("m", usename="me")  # E: misspelt request field
    client.request("no_such_operation")  # E: not an operation of the table
    v: int = client.request("version").version  # E: version is a str
    print(n, s, v)
