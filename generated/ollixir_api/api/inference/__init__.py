"""Operations tagged ``inference``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...types import Operation
from . import chat, embed, embeddings, generate

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        generate.OPERATION.operation_id: generate.OPERATION,
        chat.OPERATION.operation_id: chat.OPERATION,
        embed.OPERATION.operation_id: embed.OPERATION,
        embeddings.OPERATION.operation_id: embeddings.OPERATION,
    }
)

__all__ = ["OPERATIONS"]
