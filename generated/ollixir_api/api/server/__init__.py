"""Operations tagged ``server``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...types import Operation
from . import version

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        version.OPERATION.operation_id: version.OPERATION,
    }
)

__all__ = ["OPERATIONS"]
