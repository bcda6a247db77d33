from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateInfo")


@_attrs_define
class CreateInfo:
    """Overrides of the created model's reported metadata.

    Attributes:
        capabilities (list[str] | Unset): Capabilities to report (completion, tools, insert, vision, embedding,
            thinking, ...).
        model_family (str | Unset): Model family.
        base_name (str | Unset): Base model name.
        quantization_level (str | Unset): Quantization level.
        parameter_size (str | Unset): Parameter size, e.g. "8B".
        context_length (int | Unset): Context length (non-negative).
        embedding_length (int | Unset): Embedding length (non-negative).
    """

    capabilities: list[str] | Unset = UNSET
    model_family: str | Unset = UNSET
    base_name: str | Unset = UNSET
    quantization_level: str | Unset = UNSET
    parameter_size: str | Unset = UNSET
    context_length: int | Unset = UNSET
    embedding_length: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        model_family = self.model_family

        base_name = self.base_name

        quantization_level = self.quantization_level

        parameter_size = self.parameter_size

        context_length = self.context_length

        embedding_length = self.embedding_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if model_family is not UNSET:
            field_dict["model_family"] = model_family
        if base_name is not UNSET:
            field_dict["base_name"] = base_name
        if quantization_level is not UNSET:
            field_dict["quantization_level"] = quantization_level
        if parameter_size is not UNSET:
            field_dict["parameter_size"] = parameter_size
        if context_length is not UNSET:
            field_dict["context_length"] = context_length
        if embedding_length is not UNSET:
            field_dict["embedding_length"] = embedding_length

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        model_family = d.pop("model_family", UNSET)

        base_name = d.pop("base_name", UNSET)

        quantization_level = d.pop("quantization_level", UNSET)

        parameter_size = d.pop("parameter_size", UNSET)

        context_length = d.pop("context_length", UNSET)

        embedding_length = d.pop("embedding_length", UNSET)

        create_info = cls(
            capabilities=capabilities,
            model_family=model_family,
            base_name=base_name,
            quantization_level=quantization_level,
            parameter_size=parameter_size,
            context_length=context_length,
            embedding_length=embedding_length,
        )

        create_info.additional_properties = d
        return create_info

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
