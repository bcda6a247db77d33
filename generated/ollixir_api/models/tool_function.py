from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_parameters import ToolParameters


T = TypeVar("T", bound="ToolFunction")


@_attrs_define
class ToolFunction:
    """A function tool definition.

    Attributes:
        name (str): Function name the model calls.
        description (str | Unset): What the function does.
        parameters (ToolParameters | Unset): JSON Schema of the function's arguments (an object schema). The server
            decodes it into fixed structs: at this level it keeps only type, $defs, items, required and properties, and in
            each property (and in anyOf members and nested properties) only type, description, enum, items, anyOf,
            properties and required. Every other keyword (additionalProperties, default, format, minimum, $ref, title, ...)
            is dropped before the model sees the schema; the values of $defs and items are kept whole. Unknown keys still
            round-trip through this client-side model.
    """

    name: str
    description: str | Unset = UNSET
    parameters: ToolParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_parameters import ToolParameters  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: ToolParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ToolParameters.from_dict(_parameters)

        tool_function = cls(
            name=name,
            description=description,
            parameters=parameters,
        )

        tool_function.additional_properties = d
        return tool_function

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
