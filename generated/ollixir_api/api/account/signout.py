"""POST /api/signout: Disconnect this server's key from its ollama.com account."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="signout",
    tag="account",
    method="POST",
    path="/api/signout",
    path_params=(),
    request_model=None,
    request_media="none",
    response_model=None,
    stream_model=None,
    success=(200,),
    not_found=(),
    errors=(401, 500),
    cloud=False,
    summary="Disconnect this server's key from its ollama.com account.",
    description="Takes no body (any body is ignored). The server deletes its public key at ollama.com; afterwards /api/me answers 401 until the machine is connected again (there is no sign-in route: open the `signin_url` of a 401).",
)

__all__ = ["OPERATION"]
