"""POST /api/web_fetch: Fetch a web page through ollama.com."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import WebFetchRequest, WebFetchResponse


OPERATION: Operation[WebFetchRequest, WebFetchResponse, None] = Operation(
    operation_id="web_fetch",
    tag="web",
    method="POST",
    path="/api/web_fetch",
    path_params=(),
    request_model="WebFetchRequest",
    request_media="json",
    response_model="WebFetchResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(400, 401, 429, 500, 502),
    cloud=True,
    summary="Fetch a web page through ollama.com.",
    description="Served by ollama.com only (not by a local server), with `Authorization: Bearer <OLLAMA_API_KEY>`. The generator ignores per-operation servers, so clients must target https://ollama.com themselves.",
)

__all__ = ["OPERATION"]
