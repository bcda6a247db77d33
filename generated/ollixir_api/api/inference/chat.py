"""POST /api/chat: Generate the next message of a chat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import ChatRequest, ChatResponse, ChatStreamChunk


OPERATION: Operation[ChatRequest, ChatResponse, ChatStreamChunk] = Operation(
    operation_id="chat",
    tag="inference",
    method="POST",
    path="/api/chat",
    path_params=(),
    request_model="ChatRequest",
    request_media="json",
    response_model="ChatResponse",
    stream_model="ChatStreamChunk",
    success=(200,),
    not_found=(404,),
    errors=(400, 401, 403, 429, 499, 500, 502, 503),
    cloud=False,
    summary="Generate the next message of a chat.",
    description='Streams NDJSON ChatStreamChunk lines unless `stream` is false. With no messages the model is only loaded (done_reason "load"), or unloaded when keep_alive is 0 (done_reason "unload"). A stream that fails after its first line ends with an `{"error": "..."}` line under HTTP 200.',
)

__all__ = ["OPERATION"]
