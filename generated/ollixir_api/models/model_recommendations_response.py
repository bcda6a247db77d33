from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_models,
    expect_object,
)

if TYPE_CHECKING:
    from ..models.model_recommendation import ModelRecommendation


@_attrs_define
class ModelRecommendationsResponse(Model):
    """Answer of /api/experimental/model-recommendations.

    Attributes:
        recommendations (list[ModelRecommendation] | None): Recommended models (never empty or
            null).
    """

    recommendations: list[ModelRecommendation] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "recommendations": "recommendations",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.recommendations is not None:
            out["recommendations"] = [item.to_dict() for item in self.recommendations]
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.model_recommendation import ModelRecommendation  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        recommendations = get("recommendations")
        if recommendations is not None:
            found += 1
            recommendations = expect_models(ModelRecommendation.from_dict, recommendations, src, "recommendations")

        obj = cls(
            recommendations,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        def __getitem__(self, key: Literal["recommendations"]) -> list[ModelRecommendation] | None: ...

        @overload
        def get(self, key: Literal["recommendations"], default: object = None) -> list[ModelRecommendation] | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
