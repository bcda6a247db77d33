from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import ShapeError, json_type


class FileDigests(dict[str, str]):
    """File name (a clean relative path: no leading "/", no "..", no empty or "." segments) to the
    digest of a blob uploaded before, "sha256:<64 hex>".

    A plain ``dict`` (JSON object) with ``from_dict``/``to_dict`` like every other model.
    """

    __slots__ = ()

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, Mapping):
            raise ShapeError(f"expected object, got {json_type(src_dict)}")
        for key, value in src_dict.items():
            if not isinstance(value, str):
                raise ShapeError(f"expected string, got {json_type(value)}", key)
        return cls(src_dict)

    def to_dict(self) -> dict[str, str]:
        return dict(self)
