"""POST /api/experimental/web_fetch: Fetch a web page through the local server, which signs the call to ollama.com (experimental)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import WebFetchRequest, WebFetchResponse


OPERATION: Operation[WebFetchRequest, WebFetchResponse, None] = Operation(
    operation_id="experimental_web_fetch",
    tag="web",
    method="POST",
    path="/api/experimental/web_fetch",
    path_params=(),
    request_model="WebFetchRequest",
    request_media="json",
    response_model="WebFetchResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(400, 401, 403, 429, 500, 502),
    cloud=False,
    summary="Fetch a web page through the local server, which signs the call to ollama.com (experimental).",
    description="The body is forwarded unchanged to https://ollama.com/api/web_fetch. The caller's Authorization header is removed and the request is signed with the server's own key, so no API key is needed; other headers and the query string are forwarded. The upstream status, headers and body come back as they are; the statuses below are the server's own answers plus those ollama.com is known to send.",
)

__all__ = ["OPERATION"]
