"""``/``, ``/api/version`` and the fake ollama.com ``web_search``/``web_fetch``.

Cloud endpoints (the real ones live on ollama.com; here they share the test server):

* ``Authorization: Bearer <api_key>`` is required, or a header signed with the server's machine key (what
  the experimental local proxies send, see ``_routes_webproxy``) while an account is signed in; else 401
  ``{"error":"unauthorized"}``.
* ``POST /api/web_search`` ``{"query": q, "max_results": n}``: ``query`` required (400 ``query is
  required``); ``n`` defaults to 5 when absent or < 1 and is capped at 10. Result ``i`` (1-based):
  ``{"title": "Result i for <q>", "url": "https://example.com/search/<quoted q>/i",
  "content": "Snippet i about <q>."}``.
* ``POST /api/web_fetch`` ``{"url": u}``: ``url`` required (400 ``url is required``). Answer
  ``{"title": "Page <u>", "content": "Content of <u>.", "links": ["<u>/about", "<u>/contact"]}``
  (``u`` without a trailing slash in the links).
"""

from __future__ import annotations

from urllib.parse import quote

from ._app import App, operation_route
from ._exchange import Exchange
from ._goscan import GoJSONError, PairsDict, decode_first_value

__all__: list[str] = []


@operation_route("heartbeat")
@operation_route("heartbeat_head")
def root(app: App, ex: Exchange) -> None:
    ex.send(200, b"Ollama is running", "text/plain; charset=utf-8")


@operation_route("version")
@operation_route("version_head")
def version(app: App, ex: Exchange) -> None:
    ex.send_json(200, {"version": app.config.version})


def _cloud_authorized(app: App, ex: Exchange) -> bool:
    authorization = ex.headers.get("Authorization", "")
    if authorization == f"Bearer {app.config.api_key}":
        return True
    request_uri = f"{ex.raw_path}?{ex.query}" if ex.query else ex.raw_path
    return app.account.accepts(ex.method, request_uri, authorization)


def _cloud_body(app: App, ex: Exchange) -> dict[str, object] | None:
    if not _cloud_authorized(app, ex):
        ex.send_error(401, "unauthorized")
        return None
    try:
        decoded = decode_first_value(ex.body)
    except GoJSONError as exc:
        ex.send_error(400, "missing request body" if exc.eof else str(exc))
        return None
    return dict(decoded) if isinstance(decoded, PairsDict) else {}


@operation_route("web_search")
def web_search(app: App, ex: Exchange) -> None:
    body = _cloud_body(app, ex)
    if body is None:
        return
    query = body.get("query")
    if not isinstance(query, str) or not query:
        ex.send_error(400, "query is required")
        return
    wanted = body.get("max_results")
    count = wanted if isinstance(wanted, int) and not isinstance(wanted, bool) and wanted >= 1 else 5
    results = [
        {
            "title": f"Result {i} for {query}",
            "url": f"https://example.com/search/{quote(query, safe='')}/{i}",
            "content": f"Snippet {i} about {query}.",
        }
        for i in range(1, min(count, 10) + 1)
    ]
    ex.send_json(200, {"results": results})


@operation_route("web_fetch")
def web_fetch(app: App, ex: Exchange) -> None:
    body = _cloud_body(app, ex)
    if body is None:
        return
    url = body.get("url")
    if not isinstance(url, str) or not url:
        ex.send_error(400, "url is required")
        return
    base = url.rstrip("/")
    ex.send_json(
        200,
        {
            "title": f"Page {url}",
            "content": f"Content of {url}.",
            "links": [f"{base}/about", f"{base}/contact"],
        },
    )
