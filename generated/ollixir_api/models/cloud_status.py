from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloudStatus")


@_attrs_define
class CloudStatus:
    """Whether ollama.com cloud features are disabled on this server.

    Attributes:
        disabled (bool | Unset): True when OLLAMA_NO_CLOUD or server.json disables the cloud.
        source (str | Unset): What disabled it: "none", "env" (OLLAMA_NO_CLOUD), "config" (~/.ollama/server.json
            `{"disable_ollama_cloud": true}`) or "both" (plain string; more may appear).
    """

    disabled: bool | Unset = UNSET
    source: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        disabled = self.disabled

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        disabled = d.pop("disabled", UNSET)

        source = d.pop("source", UNSET)

        cloud_status = cls(
            disabled=disabled,
            source=source,
        )

        cloud_status.additional_properties = d
        return cloud_status

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
