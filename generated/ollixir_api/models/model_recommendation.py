from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelRecommendation")


@_attrs_define
class ModelRecommendation:
    """One recommended model.

    Attributes:
        model (str | Unset): Model name; cloud models end in ":cloud" or "-cloud".
        description (str | Unset): What the model is good at.
        context_length (int | Unset): Context window in tokens (cloud models; omitted when 0).
        max_output_tokens (int | Unset): Most tokens one answer may have (cloud models; omitted when 0).
        vram_bytes (int | Unset): Memory a local model needs, in bytes (omitted when 0).
        required_plan (str | Unset): ollama.com plan needed to use the model (omitted when none).
    """

    model: str | Unset = UNSET
    description: str | Unset = UNSET
    context_length: int | Unset = UNSET
    max_output_tokens: int | Unset = UNSET
    vram_bytes: int | Unset = UNSET
    required_plan: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        description = self.description

        context_length = self.context_length

        max_output_tokens = self.max_output_tokens

        vram_bytes = self.vram_bytes

        required_plan = self.required_plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if description is not UNSET:
            field_dict["description"] = description
        if context_length is not UNSET:
            field_dict["context_length"] = context_length
        if max_output_tokens is not UNSET:
            field_dict["max_output_tokens"] = max_output_tokens
        if vram_bytes is not UNSET:
            field_dict["vram_bytes"] = vram_bytes
        if required_plan is not UNSET:
            field_dict["required_plan"] = required_plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model", UNSET)

        description = d.pop("description", UNSET)

        context_length = d.pop("context_length", UNSET)

        max_output_tokens = d.pop("max_output_tokens", UNSET)

        vram_bytes = d.pop("vram_bytes", UNSET)

        required_plan = d.pop("required_plan", UNSET)

        model_recommendation = cls(
            model=model,
            description=description,
            context_length=context_length,
            max_output_tokens=max_output_tokens,
            vram_bytes=vram_bytes,
            required_plan=required_plan,
        )

        model_recommendation.additional_properties = d
        return model_recommendation

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
