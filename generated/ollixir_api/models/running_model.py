from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


T = TypeVar("T", bound="RunningModel")


@_attrs_define
class RunningModel:
    """A loaded model in /api/ps.

    Attributes:
        name (str): Short model name.
        model (str): Same as name.
        size (int): Memory used in bytes.
        digest (str): SHA-256 of the manifest, 64 hex digits.
        details (ModelDetails): Summary of a model's format, family and size.
        expires_at (datetime.datetime): When the model will be unloaded (an estimate while loading).
        size_vram (int): Bytes of that memory in VRAM.
        context_length (int | Unset): Context length the runner was loaded with (sent since v0.10.0).
    """

    name: str
    model: str
    size: int
    digest: str
    details: ModelDetails
    expires_at: datetime.datetime
    size_vram: int
    context_length: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        model = self.model

        size = self.size

        digest = self.digest

        details = self.details.to_dict()

        expires_at = self.expires_at.isoformat()

        size_vram = self.size_vram

        context_length = self.context_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "model": model,
                "size": size,
                "digest": digest,
                "details": details,
                "expires_at": expires_at,
                "size_vram": size_vram,
            }
        )
        if context_length is not UNSET:
            field_dict["context_length"] = context_length

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_details import ModelDetails  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        model = d.pop("model")

        size = d.pop("size")

        digest = d.pop("digest")

        details = ModelDetails.from_dict(d.pop("details"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        size_vram = d.pop("size_vram")

        context_length = d.pop("context_length", UNSET)

        running_model = cls(
            name=name,
            model=model,
            size=size,
            digest=digest,
            details=details,
            expires_at=expires_at,
            size_vram=size_vram,
            context_length=context_length,
        )

        running_model.additional_properties = d
        return running_model

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
