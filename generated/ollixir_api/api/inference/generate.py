"""POST /api/generate: Generate a completion for a prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import GenerateRequest, GenerateResponse, GenerateStreamChunk


OPERATION: Operation[GenerateRequest, GenerateResponse, GenerateStreamChunk] = Operation(
    operation_id="generate",
    tag="inference",
    method="POST",
    path="/api/generate",
    path_params=(),
    request_model="GenerateRequest",
    request_media="json",
    response_model="GenerateResponse",
    stream_model="GenerateStreamChunk",
    success=(200,),
    not_found=(404,),
    errors=(400, 401, 403, 429, 499, 500, 502, 503),
    cloud=False,
    summary="Generate a completion for a prompt.",
    description='Streams NDJSON GenerateStreamChunk lines unless `stream` is false. With no prompt the model is only loaded (done_reason "load"), or unloaded when keep_alive is 0 (done_reason "unload"); those answers are single JSON objects even when streaming. A stream that fails after its first line ends with an `{"error": "..."}` line under HTTP 200.',
)

__all__ = ["OPERATION"]
