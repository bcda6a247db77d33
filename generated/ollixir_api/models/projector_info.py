from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import ShapeError, json_type


class ProjectorInfo(dict[str, Any]):
    """Metadata of the vision projector, keyed like ModelInfo.

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
