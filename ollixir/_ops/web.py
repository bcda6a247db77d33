"""Web search and fetch, and the choice of where they go.

Two routes lead to ollama.com's web tools:

* ``"ollama.com"``: straight to ``cloud_url`` (https://ollama.com by default) with the client's API key;
* ``"local proxy"``: to the configured Ollama server's ``/api/experimental/web_search|web_fetch``
  (Ollama 0.17.8 and later), which signs the call with the server's own ollama.com key, so a signed-in
  server needs no key in the program. The server drops any ``Authorization`` header the client sends.

The client takes the first when it has an API key (``api_key=`` or ``OLLAMA_API_KEY``), else the second
(``Config.web_route``); ``repr(client)`` shows the choice and every call logs it at DEBUG on the ``ollixir``
logger. Both answer with the same models and fail with the same errors.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .._core.call import Call
from .._core.config import Config, WebRoute
from .._core.jsonbody import JsonStream
from .._errors import RequestError
from . import validate as v
from .base import encode, endpoint, hints_since, identity, reader

__all__ = ["web_fetch", "web_search"]

log = logging.getLogger("ollixir")

_KEY_INSTEAD = "or give the client an API key (api_key= or OLLAMA_API_KEY) to use ollama.com directly"


def _call(
    config: Config, operation: str, body: bytes | JsonStream, parse: Callable[[dict[str, Any]], Any]
) -> Call:
    route: WebRoute = config.web_route
    read = reader(operation, parse)
    if route == "ollama.com":
        call = Call(operation, *endpoint(operation), body=body, read=read, cloud=True)
        where = f"{config.cloud_url}{call.path} with the API key"
    else:
        proxy = f"experimental_{operation}"
        hints = {k: f"{v}, {_KEY_INSTEAD}" for k, v in hints_since(proxy, "0.17.8").items()}
        hints[401] = (
            f"the Ollama server at {config.base_url} is not signed in to ollama.com: sign it in "
            f"(`ollama signin` there, or open whoami()'s signin_url), {_KEY_INSTEAD}"
        )
        call = Call(operation, *endpoint(proxy), body=body, read=read, hints=hints)
        where = f"{config.base_url}{call.path}, the server's proxy to ollama.com (no API key)"
    # Never silent about where a query goes; the URL only, never headers.
    log.debug("ollixir: %s goes to %s (web route %r)", operation, where, route)
    return call


def web_search(config: Config, query: object, *, max_results: object = None) -> Call:
    from ollixir_api.models import WebSearchRequest, WebSearchResponse

    if not isinstance(query, str) or not query.strip():
        raise RequestError("query must be a non-empty string", param="query")
    request = WebSearchRequest(
        query=query,
        max_results=3 if max_results is None else v.check_int(max_results, "max_results", minimum=1),
    )
    parse = WebSearchResponse.from_dict if config.typed else identity
    return _call(config, "web_search", encode(request.to_dict()), parse)


def web_fetch(config: Config, url: object) -> Call:
    from ollixir_api.models import WebFetchRequest, WebFetchResponse

    if not isinstance(url, str) or not url.strip():
        raise RequestError("url must be a non-empty string", param="url")
    parse = WebFetchResponse.from_dict if config.typed else identity
    return _call(config, "web_fetch", encode(WebFetchRequest(url=url).to_dict()), parse)
