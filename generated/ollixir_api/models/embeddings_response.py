from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_numbers,
    expect_object,
)


@_attrs_define
class EmbeddingsResponse(Model):
    """Answer of the legacy /api/embeddings.

    Attributes:
        embedding (list[float]): The vector (float64, not normalized; [] for a load-only call).
    """

    embedding: list[float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "embedding": "embedding",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["embedding"] = self.embedding
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        embedding = expect_numbers(get("embedding"), src, "embedding")

        obj = cls(
            embedding,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        def __getitem__(self, key: Literal["embedding"]) -> list[float]: ...

        @overload
        def get(self, key: Literal["embedding"], default: object = None) -> list[float]: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
