from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_recommendation import ModelRecommendation


T = TypeVar("T", bound="ModelRecommendationsResponse")


@_attrs_define
class ModelRecommendationsResponse:
    """Answer of /api/experimental/model-recommendations.

    Attributes:
        recommendations (list[ModelRecommendation] | Unset): Recommended models (never empty or null).
    """

    recommendations: list[ModelRecommendation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recommendations, Unset):
            recommendations = []
            for recommendations_item_data in self.recommendations:
                recommendations_item = recommendations_item_data.to_dict()
                recommendations.append(recommendations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_recommendation import ModelRecommendation  # noqa: PLC0415

        d = dict(src_dict)
        _recommendations = d.pop("recommendations", UNSET)
        recommendations: list[ModelRecommendation] | Unset = UNSET
        if _recommendations is not UNSET:
            recommendations = []
            for recommendations_item_data in _recommendations:
                recommendations_item = ModelRecommendation.from_dict(recommendations_item_data)

                recommendations.append(recommendations_item)

        model_recommendations_response = cls(
            recommendations=recommendations,
        )

        model_recommendations_response.additional_properties = d
        return model_recommendations_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
