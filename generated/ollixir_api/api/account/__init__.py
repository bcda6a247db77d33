"""Operations tagged ``account``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...types import Operation
from . import delete_user_key, signout, whoami

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        whoami.OPERATION.operation_id: whoami.OPERATION,
        signout.OPERATION.operation_id: signout.OPERATION,
        delete_user_key.OPERATION.operation_id: delete_user_key.OPERATION,
    }
)

__all__ = ["OPERATIONS"]
