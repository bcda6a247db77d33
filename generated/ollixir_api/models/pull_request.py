from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PullRequest")


@_attrs_define
class PullRequest:
    """Request of POST /api/pull. Give `model` (optional here only because the deprecated `name` may replace it).

    Attributes:
        model (str | Unset): Model to pull; required unless the deprecated `name` is given.
        name (str | Unset): Deprecated alias of `model`.
        insecure (bool | Unset): Allow plain-HTTP registries.
        stream (bool | Unset): Stream NDJSON progress. The SERVER streams when this is omitted or null; the default here
            is false and the client always sends it explicitly. Default: False.
        username (str | Unset): Deprecated and ignored.
        password (str | Unset): Deprecated and ignored.
    """

    model: str | Unset = UNSET
    name: str | Unset = UNSET
    insecure: bool | Unset = UNSET
    stream: bool | Unset = False
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        name = self.name

        insecure = self.insecure

        stream = self.stream

        username = self.username

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if insecure is not UNSET:
            field_dict["insecure"] = insecure
        if stream is not UNSET:
            field_dict["stream"] = stream
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model", UNSET)

        name = d.pop("name", UNSET)

        insecure = d.pop("insecure", UNSET)

        stream = d.pop("stream", UNSET)

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        pull_request = cls(
            model=model,
            name=name,
            insecure=insecure,
            stream=stream,
            username=username,
            password=password,
        )

        pull_request.additional_properties = d
        return pull_request

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
