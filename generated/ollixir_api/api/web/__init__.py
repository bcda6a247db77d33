"""Operations tagged ``web``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...types import Operation
from . import experimental_web_fetch, experimental_web_search, web_fetch, web_search

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        experimental_web_search.OPERATION.operation_id: experimental_web_search.OPERATION,
        experimental_web_fetch.OPERATION.operation_id: experimental_web_fetch.OPERATION,
        web_search.OPERATION.operation_id: web_search.OPERATION,
        web_fetch.OPERATION.operation_id: web_fetch.OPERATION,
    }
)

__all__ = ["OPERATIONS"]
