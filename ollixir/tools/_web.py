"""The tool definitions of ollama.com's ``web_search`` and ``web_fetch``.

They live here, below the clients, so that :func:`~ollixir.tools.normalize_tool` can turn ollixir's own
module-level ``web_search``/``web_fetch`` into these definitions (``chat(..., tools=[web_search,
web_fetch])``, as the official client's examples pass them); :mod:`ollixir.web` hands out copies.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = [
    "FETCH_DOC",
    "MAX_DOC",
    "MAX_RESULTS_LIMIT",
    "QUERY_DOC",
    "SEARCH_DOC",
    "URL_DOC",
    "WEB_TOOLS",
    "web_tool_of",
]

MAX_RESULTS_LIMIT: Final = 10
"""The largest ``max_results`` ollama.com's web search accepts."""

SEARCH_DOC: Final = (
    "Search the web and return the most relevant results (title, URL and text of each) as JSON."
)
FETCH_DOC: Final = "Fetch a web page and return its title, main text and links as JSON."
QUERY_DOC: Final = "What to search for."
MAX_DOC: Final = f"How many results to return, 1 to {MAX_RESULTS_LIMIT} (default 3)."
URL_DOC: Final = "Address of the page to fetch."

WEB_TOOLS: Final[dict[str, dict[str, Any]]] = {
    "web_search": {
        "type": "function",
        "function": {
            "name": "web_search",
            "description": SEARCH_DOC,
            "parameters": {
                "type": "object",
                "properties": {
                    "query": {"type": "string", "description": QUERY_DOC},
                    "max_results": {"type": "integer", "description": MAX_DOC},
                },
                "required": ["query"],
            },
        },
    },
    "web_fetch": {
        "type": "function",
        "function": {
            "name": "web_fetch",
            "description": FETCH_DOC,
            "parameters": {
                "type": "object",
                "properties": {"url": {"type": "string", "description": URL_DOC}},
                "required": ["url"],
            },
        },
    },
}


def web_tool_of(tool: object) -> dict[str, Any] | None:
    """The definition for ollixir's module-level ``web_search``/``web_fetch`` (sync or ``ollixir.aio``),
    which carry the operation's name in ``__ollixir_operation__``; ``None`` for anything else.

    Their signatures (a client first, ``timeout=``, ``retry=``) and docstrings are written for callers,
    not for a model, so they are not derived from.
    """
    name = getattr(tool, "__ollixir_operation__", None)
    return WEB_TOOLS.get(name) if isinstance(name, str) else None
