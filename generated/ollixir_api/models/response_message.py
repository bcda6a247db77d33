from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_call import ToolCall


T = TypeVar("T", bound="ResponseMessage")


@_attrs_define
class ResponseMessage:
    """A message written by the server (chat output, Modelfile messages in /api/show).

    Attributes:
        role (str): Author role; "assistant" for chat output (plain string so new roles never break parsing).
        content (str): Message text, always present (may be "").
        thinking (str | Unset): Reasoning text, when the model thinks.
        tool_calls (list[ToolCall] | Unset): Tool calls (collect them from every stream chunk).
        tool_name (str | Unset): Tool name (tool messages only).
        tool_call_id (str | Unset): Tool call id (tool messages only).
        images (list[str] | Unset): Base64 images; never produced by the server, kept for symmetry with Message.
    """

    role: str
    content: str
    thinking: str | Unset = UNSET
    tool_calls: list[ToolCall] | Unset = UNSET
    tool_name: str | Unset = UNSET
    tool_call_id: str | Unset = UNSET
    images: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        content = self.content

        thinking = self.thinking

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        tool_name = self.tool_name

        tool_call_id = self.tool_call_id

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
            }
        )
        if thinking is not UNSET:
            field_dict["thinking"] = thinking
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if tool_name is not UNSET:
            field_dict["tool_name"] = tool_name
        if tool_call_id is not UNSET:
            field_dict["tool_call_id"] = tool_call_id
        if images is not UNSET:
            field_dict["images"] = images

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_call import ToolCall  # noqa: PLC0415

        d = dict(src_dict)
        role = d.pop("role")

        content = d.pop("content")

        thinking = d.pop("thinking", UNSET)

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[ToolCall] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

        tool_name = d.pop("tool_name", UNSET)

        tool_call_id = d.pop("tool_call_id", UNSET)

        images = cast(list[str], d.pop("images", UNSET))

        response_message = cls(
            role=role,
            content=content,
            thinking=thinking,
            tool_calls=tool_calls,
            tool_name=tool_name,
            tool_call_id=tool_call_id,
            images=images,
        )

        response_message.additional_properties = d
        return response_message

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
