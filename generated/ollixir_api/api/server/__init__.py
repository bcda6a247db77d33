"""Operations tagged ``server``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...types import Operation
from . import heartbeat, heartbeat_head, server_status, version, version_head

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        version.OPERATION.operation_id: version.OPERATION,
        version_head.OPERATION.operation_id: version_head.OPERATION,
        heartbeat.OPERATION.operation_id: heartbeat.OPERATION,
        heartbeat_head.OPERATION.operation_id: heartbeat_head.OPERATION,
        server_status.OPERATION.operation_id: server_status.OPERATION,
    }
)

__all__ = ["OPERATIONS"]
