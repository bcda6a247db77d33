"""The operation table: every operation of openapi.yaml, by operation id.

Each tag's package holds one module per operation with its ``OPERATION`` descriptor and a table of
its own; this one joins them. Importing it loads no model: descriptors name their models, and
``Operation.response_type()`` and friends import them when asked.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..types import Operation
from .account import OPERATIONS as _account
from .blobs import OPERATIONS as _blobs
from .inference import OPERATIONS as _inference
from .models import OPERATIONS as _models
from .server import OPERATIONS as _server
from .web import OPERATIONS as _web

OPERATIONS: Mapping[str, Operation[Any, Any, Any]] = MappingProxyType(
    {
        **_account,
        **_blobs,
        **_inference,
        **_models,
        **_server,
        **_web,
    }
)

__all__ = ["OPERATIONS"]
