"""Operations tagged ``models``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ...types import Operation
from . import (
    copy_model,
    create_model,
    delete_model,
    list_models,
    list_models_head,
    list_running,
    model_recommendations,
    pull_model,
    push_model,
    show_model,
)

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        list_models.OPERATION.operation_id: list_models.OPERATION,
        list_models_head.OPERATION.operation_id: list_models_head.OPERATION,
        list_running.OPERATION.operation_id: list_running.OPERATION,
        show_model.OPERATION.operation_id: show_model.OPERATION,
        create_model.OPERATION.operation_id: create_model.OPERATION,
        copy_model.OPERATION.operation_id: copy_model.OPERATION,
        delete_model.OPERATION.operation_id: delete_model.OPERATION,
        pull_model.OPERATION.operation_id: pull_model.OPERATION,
        push_model.OPERATION.operation_id: push_model.OPERATION,
        model_recommendations.OPERATION.operation_id: model_recommendations.OPERATION,
    }
)

__all__ = ["OPERATIONS"]
