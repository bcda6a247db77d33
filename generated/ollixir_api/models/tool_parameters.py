from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_parameters_defs import ToolParametersDefs
    from ..models.tool_parameters_properties import ToolParametersProperties


T = TypeVar("T", bound="ToolParameters")


@_attrs_define
class ToolParameters:
    """JSON Schema of the function's arguments (an object schema). The server decodes it into fixed structs: at this level
    it keeps only type, $defs, items, required and properties, and in each property (and in anyOf members and nested
    properties) only type, description, enum, items, anyOf, properties and required. Every other keyword
    (additionalProperties, default, format, minimum, $ref, title, ...) is dropped before the model sees the schema; the
    values of $defs and items are kept whole. Unknown keys still round-trip through this client-side model.

        Attributes:
            type_ (str | Unset): Schema type, normally "object".
            required (list[str] | Unset): Names of required arguments.
            properties (ToolParametersProperties | Unset): Parameter name to JSON Schema property object. The server keeps
                only type (a string or a list of strings; anything else is a 400), description, enum, items, anyOf, properties
                and required, and drops every other keyword. Order is preserved.
            defs (ToolParametersDefs | Unset): JSON Schema `$defs`, kept whole by the server. A `$ref` to them survives only
                inside `items` or inside `$defs` (kept whole too); in a property the server drops `$ref`.
            items (Any | Unset): JSON Schema `items` (any JSON value).
    """

    type_: str | Unset = UNSET
    required: list[str] | Unset = UNSET
    properties: ToolParametersProperties | Unset = UNSET
    defs: ToolParametersDefs | Unset = UNSET
    items: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        required: list[str] | Unset = UNSET
        if not isinstance(self.required, Unset):
            required = self.required

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        defs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.defs, Unset):
            defs = self.defs.to_dict()

        items = self.items

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if required is not UNSET:
            field_dict["required"] = required
        if properties is not UNSET:
            field_dict["properties"] = properties
        if defs is not UNSET:
            field_dict["$defs"] = defs
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_parameters_defs import ToolParametersDefs  # noqa: PLC0415
        from ..models.tool_parameters_properties import ToolParametersProperties  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        required = cast(list[str], d.pop("required", UNSET))

        _properties = d.pop("properties", UNSET)
        properties: ToolParametersProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = ToolParametersProperties.from_dict(_properties)

        _defs = d.pop("$defs", UNSET)
        defs: ToolParametersDefs | Unset
        if isinstance(_defs, Unset):
            defs = UNSET
        else:
            defs = ToolParametersDefs.from_dict(_defs)

        items = d.pop("items", UNSET)

        tool_parameters = cls(
            type_=type_,
            required=required,
            properties=properties,
            defs=defs,
            items=items,
        )

        tool_parameters.additional_properties = d
        return tool_parameters

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
