"""POST /api/show: Show a model's details, Modelfile, template, parameters and GGUF metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import Operation

if TYPE_CHECKING:
    from ...models import ShowRequest, ShowResponse


OPERATION: Operation[ShowRequest, ShowResponse, None] = Operation(
    operation_id="show_model",
    tag="models",
    method="POST",
    path="/api/show",
    path_params=(),
    request_model="ShowRequest",
    request_media="json",
    response_model="ShowResponse",
    stream_model=None,
    success=(200,),
    not_found=(404,),
    errors=(400, 401, 403, 500, 502),
    cloud=False,
    summary="Show a model's details, Modelfile, template, parameters and GGUF metadata.",
    description="",
)

__all__ = ["OPERATION"]
