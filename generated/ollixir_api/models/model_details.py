from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelDetails")


@_attrs_define
class ModelDetails:
    """Summary of a model's format, family and size.

    Attributes:
        parent_model (str): Model this one was created from (often "").
        format_ (str): File format, e.g. "gguf" or "safetensors".
        family (str): Architecture family, e.g. "llama".
        families (list[str] | None): All families (null when unknown).
        parameter_size (str): Human-readable parameter count, e.g. "3.2B".
        quantization_level (str): Quantization, e.g. "Q4_K_M".
        context_length (int | Unset): Native context length, when known.
        embedding_length (int | Unset): Embedding size, when known.
    """

    parent_model: str
    format_: str
    family: str
    families: list[str] | None
    parameter_size: str
    quantization_level: str
    context_length: int | Unset = UNSET
    embedding_length: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        parent_model = self.parent_model

        format_ = self.format_

        family = self.family

        families: list[str] | None
        if isinstance(self.families, list):
            families = self.families

        else:
            families = self.families

        parameter_size = self.parameter_size

        quantization_level = self.quantization_level

        context_length = self.context_length

        embedding_length = self.embedding_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "parent_model": parent_model,
                "format": format_,
                "family": family,
                "families": families,
                "parameter_size": parameter_size,
                "quantization_level": quantization_level,
            }
        )
        if context_length is not UNSET:
            field_dict["context_length"] = context_length
        if embedding_length is not UNSET:
            field_dict["embedding_length"] = embedding_length

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        parent_model = d.pop("parent_model")

        format_ = d.pop("format")

        family = d.pop("family")

        def _parse_families(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                families_type_0 = cast(list[str], data)

                return families_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        families = _parse_families(d.pop("families"))

        parameter_size = d.pop("parameter_size")

        quantization_level = d.pop("quantization_level")

        context_length = d.pop("context_length", UNSET)

        embedding_length = d.pop("embedding_length", UNSET)

        model_details = cls(
            parent_model=parent_model,
            format_=format_,
            family=family,
            families=families,
            parameter_size=parameter_size,
            quantization_level=quantization_level,
            context_length=context_length,
            embedding_length=embedding_length,
        )

        model_details.additional_properties = d
        return model_details

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
