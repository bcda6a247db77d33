from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_datetime,
    expect_model,
    expect_object,
    expect_strings,
    wrong,
)

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


@_attrs_define
class ModelSummary(Model):
    """A local model in /api/tags.

    Attributes:
        name (str): Short model name, e.g. "llama3.2:latest".
        model (str): Same as name.
        modified_at (datetime.datetime): Last modification time (server local offset).
        size (int): Sum of all layer sizes in bytes.
        digest (str): SHA-256 of the manifest, 64 hex digits without "sha256:".
        details (ModelDetails): Summary of a model's format, family and size.
        capabilities (list[str] | None): Capabilities (completion, tools, insert, vision, embedding,
            thinking, image, audio), when known.
        remote_model (str | None): Upstream model name (cloud stub models).
        remote_host (str | None): Upstream host (cloud stub models).
    """

    name: str
    model: str
    modified_at: datetime.datetime
    size: int
    digest: str
    details: ModelDetails
    capabilities: list[str] | None = None
    remote_model: str | None = None
    remote_host: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "name": "name",
        "model": "model",
        "modified_at": "modified_at",
        "size": "size",
        "digest": "digest",
        "details": "details",
        "capabilities": "capabilities",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["name"] = self.name
        out["model"] = self.model
        out["modified_at"] = self.modified_at.isoformat()
        out["size"] = self.size
        out["digest"] = self.digest
        out["details"] = self.details.to_dict()
        if self.capabilities is not None:
            out["capabilities"] = self.capabilities
        if self.remote_model is not None:
            out["remote_model"] = self.remote_model
        if self.remote_host is not None:
            out["remote_host"] = self.remote_host
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.model_details import ModelDetails  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 6
        name = get("name")
        if type(name) is not str and not isinstance(name, str):
            raise wrong(src, "name", name, "string")

        model = get("model")
        if type(model) is not str and not isinstance(model, str):
            raise wrong(src, "model", model, "string")

        modified_at = expect_datetime(get("modified_at"), src, "modified_at")

        size = get("size")
        if type(size) is not int and (isinstance(size, bool) or not isinstance(size, int)):
            raise wrong(src, "size", size, "integer")

        digest = get("digest")
        if type(digest) is not str and not isinstance(digest, str):
            raise wrong(src, "digest", digest, "string")

        details = expect_model(ModelDetails.from_dict, get("details"), src, "details")

        capabilities = get("capabilities")
        if capabilities is not None:
            found += 1
            capabilities = expect_strings(capabilities, src, "capabilities")

        remote_model = get("remote_model")
        if remote_model is not None:
            found += 1
            if type(remote_model) is not str and not isinstance(remote_model, str):
                raise wrong(src, "remote_model", remote_model, "string")

        remote_host = get("remote_host")
        if remote_host is not None:
            found += 1
            if type(remote_host) is not str and not isinstance(remote_host, str):
                raise wrong(src, "remote_host", remote_host, "string")

        obj = cls(
            name,
            model,
            modified_at,
            size,
            digest,
            details,
            capabilities,
            remote_model,
            remote_host,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["name"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["model"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["modified_at"]) -> datetime.datetime: ...
        @overload
        def __getitem__(self, key: Literal["size"]) -> int: ...
        @overload
        def __getitem__(self, key: Literal["digest"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["details"]) -> ModelDetails: ...
        @overload
        def __getitem__(self, key: Literal["capabilities"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["remote_model"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["remote_host"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["name"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["modified_at"], default: object = None) -> datetime.datetime: ...
        @overload
        def get(self, key: Literal["size"], default: object = None) -> int: ...
        @overload
        def get(self, key: Literal["digest"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["details"], default: object = None) -> ModelDetails: ...
        @overload
        def get(self, key: Literal["capabilities"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["remote_model"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["remote_host"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
