"""POST /api/web_search: Search the web through ollama.com."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import WebSearchRequest, WebSearchResponse


OPERATION: Operation[WebSearchRequest, WebSearchResponse, None] = Operation(
    operation_id="web_search",
    tag="web",
    method="POST",
    path="/api/web_search",
    path_params=(),
    request_model="WebSearchRequest",
    request_media="json",
    response_model="WebSearchResponse",
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(400, 401, 429, 500, 502),
    cloud=True,
    summary="Search the web through ollama.com.",
    description="Served by ollama.com only (not by a local server), with `Authorization: Bearer <OLLAMA_API_KEY>`. The generator ignores per-operation servers, so clients must target https://ollama.com themselves.",
)

__all__ = ["OPERATION"]
