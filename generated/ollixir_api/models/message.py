from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_call import ToolCall


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """A chat message sent to the server (also used in create requests).

    Attributes:
        role (str): system, user, assistant or tool by convention; lower-cased by the server, not validated.
        content (str | Unset): Message text; may be omitted, e.g. on assistant turns that only carry tool calls.
        thinking (str | Unset): Reasoning text of an earlier assistant turn.
        images (list[str] | Unset): Standard padded base64 images (no data URL prefix).
        tool_calls (list[ToolCall] | Unset): Tool calls made by an assistant turn.
        tool_name (str | Unset): On tool messages, the name of the tool whose result this is.
        tool_call_id (str | Unset): On tool messages, the id of the call being answered.
    """

    role: str
    content: str | Unset = UNSET
    thinking: str | Unset = UNSET
    images: list[str] | Unset = UNSET
    tool_calls: list[ToolCall] | Unset = UNSET
    tool_name: str | Unset = UNSET
    tool_call_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        content = self.content

        thinking = self.thinking

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        tool_name = self.tool_name

        tool_call_id = self.tool_call_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if thinking is not UNSET:
            field_dict["thinking"] = thinking
        if images is not UNSET:
            field_dict["images"] = images
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if tool_name is not UNSET:
            field_dict["tool_name"] = tool_name
        if tool_call_id is not UNSET:
            field_dict["tool_call_id"] = tool_call_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_call import ToolCall  # noqa: PLC0415

        d = dict(src_dict)
        role = d.pop("role")

        content = d.pop("content", UNSET)

        thinking = d.pop("thinking", UNSET)

        images = cast(list[str], d.pop("images", UNSET))

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[ToolCall] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

        tool_name = d.pop("tool_name", UNSET)

        tool_call_id = d.pop("tool_call_id", UNSET)

        message = cls(
            role=role,
            content=content,
            thinking=thinking,
            images=images,
            tool_calls=tool_calls,
            tool_name=tool_name,
            tool_call_id=tool_call_id,
        )

        message.additional_properties = d
        return message

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
