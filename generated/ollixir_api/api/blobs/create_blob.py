"""POST /api/blobs/{digest}: Upload a file as a blob stored under its SHA-256 digest."""

from __future__ import annotations

from ...types import Operation

OPERATION: Operation[None, None, None] = Operation(
    operation_id="create_blob",
    tag="blobs",
    method="POST",
    path="/api/blobs/{digest}",
    path_params=("digest",),
    request_model=None,
    request_media="octet-stream",
    response_model=None,
    stream_model=None,
    success=(200, 201),
    not_found=(),
    errors=(400, 500),
    cloud=False,
    summary="Upload a file as a blob stored under its SHA-256 digest.",
    description='The body is the raw file. If the blob already exists the server answers 200 without reading the body. The stored digest is computed from the body and must equal the path parameter exactly (lower-case hex, colon separator), otherwise 400 "digest mismatch".',
)

__all__ = ["OPERATION"]
