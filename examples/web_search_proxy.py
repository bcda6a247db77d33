"""Web search with no API key in the program, through the Ollama server's own proxy to ollama.com.

A client without an API key sends ``web_search``/``web_fetch`` to the configured server's
``/api/experimental/web_search|web_fetch`` (Ollama 0.17.8 and later), which signs the call with the
server's key: it works once the server is signed in (``ollama signin``). With a key (``api_key=`` or
``OLLAMA_API_KEY``) the client goes to ollama.com itself. ``client.web_route`` and ``repr(client)`` say
which; the ``ollixir`` logger records every query's destination at DEBUG.
"""

from __future__ import annotations

from _support import connect

import ollixir


def main() -> None:
    with connect(signed_in=True, api_key=False) as client:
        print(f"{client!r}: queries go through the {client.web_route}")
        try:
            found = client.web_search("what is ollama?", max_results=2)
            page = client.web_fetch("https://ollama.com")
        except ollixir.ResponseError as exc:
            # 401: the server is not signed in (the error's hint says how), 403: its cloud is disabled.
            print(f"web search failed with {exc.status}: {exc.hint or exc.error}")
            return
    for result in found.results or []:
        print(f"- {result.title or ''}: {result.url or ''}")
    print(f"fetched {page.title or '(untitled)'}: {len(page.links or [])} link(s)")


if __name__ == "__main__":
    main()
