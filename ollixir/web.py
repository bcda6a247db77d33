"""Ready-made ``web_search`` and ``web_fetch`` tools for a model, backed by ollama.com's web API.

Three ways to plug them in:

* :func:`tools` gives the tool definitions to pass as ``chat(..., tools=web.tools())``; when the model calls
  one, :func:`dispatch` (or :func:`adispatch` for an :class:`~ollixir.AsyncClient`) runs it and returns the
  text for the ``tool`` message.
* :func:`functions` (or :func:`afunctions`) gives plain Python callables bound to a client, for tool loops
  that take functions.
* ``ollixir.web_search`` and ``ollixir.web_fetch`` themselves (and the ``ollixir.aio`` ones) pass as
  ``tools=[...]`` too, with the definitions of :func:`tools`, as the official client's examples use them.

They go where the client's own :meth:`~ollixir.Client.web_search` goes (``client.web_route``): to
ollama.com with the client's API key (``api_key=`` or ``OLLAMA_API_KEY``), or, without a key, through the
configured Ollama server's experimental web proxy, which signs the call with the server's own ollama.com
key (the server must be signed in: ``ollama signin``). Failures on either route are the same
:class:`~ollixir.ResponseError` (a 401 carries ``signin_url`` when the server sent one).

::

    reply = client.chat("qwen3", messages, tools=web.tools())
    for call in reply.message.tool_calls or []:
        name = helpers.tool_name(call)
        if name in web.TOOL_NAMES:
            messages.append({"role": "tool", "tool_name": name,
                             "content": web.dispatch(client, name, helpers.tool_arguments(call))})
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._errors import RequestError
from .helpers import decode_arguments
from .tools._spec import plain
from .tools._web import (
    FETCH_DOC,
    MAX_DOC,
    MAX_RESULTS_LIMIT,
    QUERY_DOC,
    SEARCH_DOC,
    URL_DOC,
    WEB_TOOLS,
)

if TYPE_CHECKING:
    from ._clients.async_client import AsyncClient
    from ._clients.client import Client

__all__ = ["MAX_RESULTS_LIMIT", "TOOL_NAMES", "adispatch", "afunctions", "dispatch", "functions", "tools"]

TOOL_NAMES: Final = frozenset(WEB_TOOLS)
"""The names of the two web tools, for telling their calls apart from other tools'."""


def tools() -> list[dict[str, Any]]:
    """Tool definitions for ``web_search`` (``query``, optional ``max_results``) and ``web_fetch`` (``url``).

    Fresh copies each call, so callers may change them.
    """
    return [plain(tool) for tool in WEB_TOOLS.values()]


# -- argument checks (shared by the sync and async paths) --------------------------------------------


def _arguments(name: str, arguments: Mapping[str, Any] | str | bytes | None) -> dict[str, Any]:
    if arguments is None:
        return {}
    if isinstance(arguments, str | bytes):
        return decode_arguments(arguments, tool=name)
    if isinstance(arguments, Mapping):
        return dict(arguments)
    raise RequestError(
        f"{name}: arguments must be a JSON object, got {type(arguments).__name__}", param="arguments"
    )


def _reject_unknown(name: str, args: Mapping[str, Any], known: tuple[str, ...]) -> None:
    extra = sorted(set(args) - set(known))
    if extra:
        # Written to be read by the model as the tool result, so it can retry with the right names.
        raise RequestError(
            f"{name}: unexpected argument(s) {', '.join(extra)}; expected {', '.join(known)}",
            param="arguments",
        )


def _text(name: str, args: Mapping[str, Any], key: str) -> str:
    value = args.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RequestError(f"{name}: '{key}' is required and must be a non-empty string", param=key)
    return value.strip()


def _max_results(args: Mapping[str, Any]) -> int:
    value = args.get("max_results", 3)
    if value is None:
        return 3
    # Models often send numbers as strings; "5" is meant as 5.
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise RequestError("web_search: 'max_results' must be an integer", param="max_results")
    # The service caps at 10; clamping keeps a model's over-eager request from failing outright.
    return min(MAX_RESULTS_LIMIT, max(1, value))


def _search_args(arguments: Mapping[str, Any] | str | bytes | None) -> tuple[str, int]:
    args = _arguments("web_search", arguments)
    _reject_unknown("web_search", args, ("query", "max_results"))
    return _text("web_search", args, "query"), _max_results(args)


def _fetch_args(arguments: Mapping[str, Any] | str | bytes | None) -> str:
    args = _arguments("web_fetch", arguments)
    _reject_unknown("web_fetch", args, ("url",))
    return _text("web_fetch", args, "url")


def _unknown_tool(name: str) -> RequestError:
    return RequestError(
        f"unknown web tool {name!r}; expected one of {', '.join(sorted(TOOL_NAMES))}", param="name"
    )


def _result_text(result: object) -> str:
    to_dict = getattr(result, "to_dict", None)
    data = to_dict() if callable(to_dict) else result
    return json.dumps(data, ensure_ascii=False)


# -- running the tools -----------------------------------------------------------------------------


def dispatch(client: Client[Any], name: str, arguments: Mapping[str, Any] | str | bytes | None = None) -> str:
    """Run the web tool ``name`` with a model's ``arguments`` (a dict or a JSON string) and return the result
    as JSON text for a ``tool`` message.

    Raises :class:`~ollixir.RequestError` for an unknown tool or bad arguments (its message is written so it
    can be sent back to the model), and the client's usual errors for failed calls.
    """
    if name == "web_search":
        query, max_results = _search_args(arguments)
        return _result_text(client.web_search(query, max_results=max_results))
    if name == "web_fetch":
        return _result_text(client.web_fetch(_fetch_args(arguments)))
    raise _unknown_tool(name)


async def adispatch(
    client: AsyncClient[Any], name: str, arguments: Mapping[str, Any] | str | bytes | None = None
) -> str:
    """:func:`dispatch` for an :class:`~ollixir.AsyncClient`."""
    if name == "web_search":
        query, max_results = _search_args(arguments)
        return _result_text(await client.web_search(query, max_results=max_results))
    if name == "web_fetch":
        return _result_text(await client.web_fetch(_fetch_args(arguments)))
    raise _unknown_tool(name)


def functions(client: Client[Any]) -> list[Callable[..., str]]:
    """``web_search(query, max_results=3)`` and ``web_fetch(url)`` as plain functions bound to ``client``,
    with signatures and docstrings a tool loop can turn into tool definitions. Each returns JSON text."""

    def web_search(query: str, max_results: int = 3) -> str:
        return dispatch(client, "web_search", {"query": query, "max_results": max_results})

    def web_fetch(url: str) -> str:
        return dispatch(client, "web_fetch", {"url": url})

    web_search.__doc__ = _docstring(SEARCH_DOC, query=QUERY_DOC, max_results=MAX_DOC)
    web_fetch.__doc__ = _docstring(FETCH_DOC, url=URL_DOC)
    return [web_search, web_fetch]


def afunctions(client: AsyncClient[Any]) -> list[Callable[..., Awaitable[str]]]:
    """:func:`functions` for an :class:`~ollixir.AsyncClient`: the same functions as coroutines."""

    async def web_search(query: str, max_results: int = 3) -> str:
        return await adispatch(client, "web_search", {"query": query, "max_results": max_results})

    async def web_fetch(url: str) -> str:
        return await adispatch(client, "web_fetch", {"url": url})

    web_search.__doc__ = _docstring(SEARCH_DOC, query=QUERY_DOC, max_results=MAX_DOC)
    web_fetch.__doc__ = _docstring(FETCH_DOC, url=URL_DOC)
    return [web_search, web_fetch]


def _docstring(summary: str, **params: str) -> str:
    # Google style, which tools.from_function reads for the tool and parameter descriptions.
    lines = [summary, "", "Args:", *(f"    {name}: {text}" for name, text in params.items())]
    return "\n".join(lines) + "\n"
