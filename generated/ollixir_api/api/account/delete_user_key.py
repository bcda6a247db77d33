"""DELETE /api/user/keys/{encoded_key}: Deprecated alias of POST /api/signout."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="delete_user_key",
    tag="account",
    method="DELETE",
    path="/api/user/keys/{encodedKey}",
    path_params=("encodedKey",),
    request_model=None,
    request_media="none",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(401, 500),
    cloud=False,
    summary="Deprecated alias of POST /api/signout.",
    description="Same handler as POST /api/signout; the path parameter is ignored (the server always disconnects its own key).",
)

__all__ = ["OPERATION"]
