"""``POST /api/experimental/web_search`` and ``/web_fetch``: the local proxies to ollama.com's web tools.

As the server's ``webExperimentalProxyHandler`` and ``proxyCloudRequestWithPath`` do, in this order:

1. the caller's ``Authorization`` header is dropped (it never reaches ollama.com);
2. an empty (or all-whitespace) body -> 400 ``missing request body``;
3. cloud disabled (``no_cloud``) -> 403 ``ollama cloud is disabled: web search is unavailable`` (or
   ``web fetch is unavailable``);
4. no machine key -> 401 ``{"error": "unauthorized"}`` (no ``signin_url``: it is built from the same key);
5. the body is sent unchanged to ``<cloud_url>/api/web_search`` (``/api/web_fetch``) with the caller's query
   plus ``ts=<unix seconds>`` (keys sorted, as Go's ``url.Values.Encode``), the caller's other end-to-end
   headers, ``X-Ollama-Client-Version: <version>``, ``Content-Type: application/json`` when none was sent,
   and ``Authorization`` signed with the server's machine key over ``POST,<path>?<query>``;
6. the upstream cannot be reached -> 502 ``{"error": "Post \\"<url>\\": <transport error>"}``;
7. otherwise the upstream status, end-to-end headers and body are copied back, the body chunked.

``cloud_url`` is the test server itself unless configured, so the upstream call lands on the fake
``/api/web_search``/``/api/web_fetch`` (``_routes_misc``), which accepts the machine key's signature while
an account is signed in; the upstream leg shows up in ``server.requests`` and server faults apply to it.
"""

from __future__ import annotations

import http.client
import time
from collections.abc import Iterator
from typing import Any, Final
from urllib.parse import parse_qsl, quote_plus, urlencode, urlsplit

from ollixir_api.api import operation
from ollixir_api.types import Operation

from ._app import App, operation_route
from ._exchange import Exchange

__all__: list[str] = []

# Go's hopByHopHeaders (server/cloud_proxy.go), plus Host (not a header field in Go) and Authorization
# (deleted before anything else); Expect is not forwarded because http.client cannot wait for a 100.
_HOP_BY_HOP: Final = frozenset(
    {
        "connection",
        "content-length",
        "proxy-connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
_NOT_FORWARDED: Final = _HOP_BY_HOP | {"host", "authorization", "expect"}
_PIECE: Final = 32 << 10  # copyProxyResponseBody's buffer
_UPSTREAM_TIMEOUT: Final = 300.0


@operation_route("experimental_web_search")
def experimental_web_search(app: App, ex: Exchange) -> None:
    _proxy(app, ex, operation("web_search"), "web search is unavailable")


@operation_route("experimental_web_fetch")
def experimental_web_fetch(app: App, ex: Exchange) -> None:
    _proxy(app, ex, operation("web_fetch"), "web fetch is unavailable")


def _connection_tokens(values: list[str]) -> set[str]:
    return {token.strip().lower() for value in values for token in value.split(",") if token.strip()}


def _forwarded(
    pairs: list[tuple[str, str]], tokens: set[str], dropped: frozenset[str]
) -> list[tuple[str, str]]:
    return [(key, value) for key, value in pairs if key.lower() not in dropped and key.lower() not in tokens]


def _request_uri(path: str, caller_query: str) -> str:
    pairs = [(k, v) for k, v in parse_qsl(caller_query, keep_blank_values=True) if k != "ts"]
    pairs.append(("ts", str(int(time.time()))))
    return f"{path}?{urlencode(sorted(pairs, key=lambda kv: kv[0]), quote_via=quote_plus)}"


def _proxy(app: App, ex: Exchange, upstream_op: Operation[Any, Any, Any], unavailable: str) -> None:
    """Forward to ollama.com's own operation (``upstream_op``: its method and path)."""
    caller = [(key, value) for key, value in ex.headers.items() if key.lower() != "authorization"]
    if not ex.body.strip():
        ex.send_error(400, "missing request body")
        return
    if app.account.no_cloud is not None:
        ex.send_error(403, f"ollama cloud is disabled: {unavailable}")
        return
    method = upstream_op.method
    uri = _request_uri(upstream_op.path, ex.query)
    signature = app.account.sign(f"{method},{uri}")
    if signature is None:
        ex.send_error(401, "unauthorized")
        return
    headers = _forwarded(caller, _connection_tokens(ex.headers.get_all("Connection") or []), _NOT_FORWARDED)
    headers.append(("X-Ollama-Client-Version", app.config.version))
    if not any(key.lower() == "content-type" for key, _ in headers):
        headers.append(("Content-Type", "application/json"))
    headers.append(("Authorization", signature))
    headers.append(("Content-Length", str(len(ex.body))))
    target = urlsplit(app.config.cloud_url)
    url = f"{target.scheme}://{target.netloc}{uri}"
    connection_class = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(target.netloc, timeout=_UPSTREAM_TIMEOUT)
    try:
        try:
            connection.putrequest(method, uri, skip_accept_encoding=True)
            for key, value in headers:
                connection.putheader(key, value)
            connection.endheaders(ex.body)
            upstream = connection.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            error = _go_transport_error(exc, target.hostname, target.port)
            ex.send_error(502, f'{_go_url_error_op(method)} "{url}": {error}')
            return
        answer = upstream.getheaders()
        tokens = _connection_tokens([v for k, v in answer if k.lower() == "connection"])
        ex.send_chunked(
            upstream.status, _forwarded(answer, tokens, _HOP_BY_HOP | {"date"}), _pieces(upstream)
        )
    finally:
        connection.close()


def _pieces(upstream: http.client.HTTPResponse) -> Iterator[bytes]:
    # A copy error only ends the body early: the handler returns and Go closes the chunked body normally.
    while True:
        try:
            piece = upstream.read1(_PIECE)
        except (OSError, http.client.HTTPException):
            return
        if not piece:
            return
        yield piece


def _go_url_error_op(method: str) -> str:
    # Go's url.Error names the request by its method in title case ("Post").
    return method[:1] + method[1:].lower()


def _go_transport_error(exc: BaseException, host: str | None, port: int | None) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return f"dial tcp {host}:{port}: connect: connection refused"
    if isinstance(exc, http.client.RemoteDisconnected | ConnectionResetError):
        return "EOF"
    return str(exc) or type(exc).__name__
