"""Operations tagged ``blobs``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...types import Operation
from . import check_blob, create_blob

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        create_blob.OPERATION.operation_id: create_blob.OPERATION,
        check_blob.OPERATION.operation_id: check_blob.OPERATION,
    }
)

__all__ = ["OPERATIONS"]
