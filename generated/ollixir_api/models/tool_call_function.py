from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_call_function_arguments import ToolCallFunctionArguments


T = TypeVar("T", bound="ToolCallFunction")


@_attrs_define
class ToolCallFunction:
    """The function being called.

    Attributes:
        name (str): Function name.
        index (int | Unset): Position of the call in the turn; always sent by the server (0 when unset).
        arguments (ToolCallFunctionArguments | Unset): Tool call arguments as a JSON object (never a JSON-encoded
            string); key order is preserved.
    """

    name: str
    index: int | Unset = UNSET
    arguments: ToolCallFunctionArguments | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        index = self.index

        arguments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.arguments, Unset):
            arguments = self.arguments.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if index is not UNSET:
            field_dict["index"] = index
        if arguments is not UNSET:
            field_dict["arguments"] = arguments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_call_function_arguments import ToolCallFunctionArguments  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        index = d.pop("index", UNSET)

        _arguments = d.pop("arguments", UNSET)
        arguments: ToolCallFunctionArguments | Unset
        if isinstance(_arguments, Unset):
            arguments = UNSET
        else:
            arguments = ToolCallFunctionArguments.from_dict(_arguments)

        tool_call_function = cls(
            name=name,
            index=index,
            arguments=arguments,
        )

        tool_call_function.additional_properties = d
        return tool_call_function

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
