from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import ShapeError, json_type


class ToolParametersProperties(dict[str, Any]):
    """Parameter name to JSON Schema property object. The server keeps only type (a string or a list of
    strings; anything else is a 400), description, enum, items, anyOf, properties and required, and
    drops every other keyword. Order is preserved.

    A plain ``dict`` (JSON object) with ``from_dict``/``to_dict`` like every other model.
    """

    __slots__ = ()

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise ShapeError(f"expected object, got {json_type(src_dict)}")
        return cls(src_dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self)
