"""Fetch a web page's text through ollama.com: ``client.web_fetch(url)`` gives its title, content and links.

This is the ollama.com route, with an API key (``OLLAMA_API_KEY``); without a key the client asks the
Ollama server's own proxy instead (``web_search_proxy.py``). Without ``OLLAMA_HOST`` the bundled test
server stands in for ollama.com.
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
        page = client.web_fetch("https://ollama.com")
    # ollama.com's answers carry no compatibility promise, so every field is optional.
    print("title:", page.title or "")
    print("content:", (page.content or "")[:200])
    links = page.links or []
    print(f"{len(links)} link(s), e.g. {links[:3]}")


if __name__ == "__main__":
    main()
