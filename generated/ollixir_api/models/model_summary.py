from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


T = TypeVar("T", bound="ModelSummary")


@_attrs_define
class ModelSummary:
    """A local model in /api/tags.

    Attributes:
        name (str): Short model name, e.g. "llama3.2:latest".
        model (str): Same as name.
        modified_at (datetime.datetime): Last modification time (server local offset).
        size (int): Sum of all layer sizes in bytes.
        digest (str): SHA-256 of the manifest, 64 hex digits without "sha256:".
        details (ModelDetails): Summary of a model's format, family and size.
        capabilities (list[str] | Unset): Capabilities (completion, tools, insert, vision, embedding, thinking, image,
            audio), when known.
        remote_model (str | Unset): Upstream model name (cloud stub models).
        remote_host (str | Unset): Upstream host (cloud stub models).
    """

    name: str
    model: str
    modified_at: datetime.datetime
    size: int
    digest: str
    details: ModelDetails
    capabilities: list[str] | Unset = UNSET
    remote_model: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        model = self.model

        modified_at = self.modified_at.isoformat()

        size = self.size

        digest = self.digest

        details = self.details.to_dict()

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        remote_model = self.remote_model

        remote_host = self.remote_host

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "model": model,
                "modified_at": modified_at,
                "size": size,
                "digest": digest,
                "details": details,
            }
        )
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_details import ModelDetails  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        model = d.pop("model")

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        size = d.pop("size")

        digest = d.pop("digest")

        details = ModelDetails.from_dict(d.pop("details"))

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        remote_model = d.pop("remote_model", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        model_summary = cls(
            name=name,
            model=model,
            modified_at=modified_at,
            size=size,
            digest=digest,
            details=details,
            capabilities=capabilities,
            remote_model=remote_model,
            remote_host=remote_host,
        )

        model_summary.additional_properties = d
        return model_summary

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
