"""Web search through ollama.com: ``client.web_search(query, max_results=...)``.

This is the ollama.com route: with an API key (``OLLAMA_API_KEY``) the client asks ollama.com itself and
sends the key only to ``cloud_url``, never to other hosts. Without a key it asks the Ollama server's own
proxy instead (``web_search_proxy.py``). Without ``OLLAMA_HOST`` the bundled test server stands in for
ollama.com.
"""

from __future__ import annotations

import os

from _support import connect, using_test_server


def main() -> None:
    if not using_test_server() and not os.environ.get("OLLAMA_API_KEY"):
        print(
            "this example uses ollama.com directly and needs OLLAMA_API_KEY (create one at "
            "https://ollama.com/settings/keys); web_search_proxy.py goes through your server instead"
        )
        return
    with connect() as client:
        found = client.web_search("what is ollama?", max_results=3)
    # ollama.com's answers carry no compatibility promise, so every field is optional.
    results = found.results or []
    print(f"{len(results)} result(s):")
    for result in results:
        print(f"- {result.title or ''}\n  {result.url or ''}\n  {(result.content or '')[:100]}")


if __name__ == "__main__":
    main()
