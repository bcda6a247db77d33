from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cloud_status import CloudStatus


T = TypeVar("T", bound="StatusResponse")


@_attrs_define
class StatusResponse:
    """Answer of /api/status (not the progress object, which is ProgressResponse here).

    Attributes:
        cloud (CloudStatus | Unset): Whether ollama.com cloud features are disabled on this server.
    """

    cloud: CloudStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cloud: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cloud, Unset):
            cloud = self.cloud.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cloud is not UNSET:
            field_dict["cloud"] = cloud

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cloud_status import CloudStatus  # noqa: PLC0415

        d = dict(src_dict)
        _cloud = d.pop("cloud", UNSET)
        cloud: CloudStatus | Unset
        if isinstance(_cloud, Unset):
            cloud = UNSET
        else:
            cloud = CloudStatus.from_dict(_cloud)

        status_response = cls(
            cloud=cloud,
        )

        status_response.additional_properties = d
        return status_response

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
