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
    wrong,
)

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


@_attrs_define
class RunningModel(Model):
    """A loaded model in /api/ps.

    Attributes:
        name (str): Short model name.
        model (str): Same as name.
        size (int): Memory used in bytes.
        digest (str): SHA-256 of the manifest, 64 hex digits.
        details (ModelDetails): Summary of a model's format, family and size.
        expires_at (datetime.datetime): When the model will be unloaded (an estimate while loading).
        size_vram (int): Bytes of that memory in VRAM.
        context_length (int | None): Context length the runner was loaded with (sent since v0.10.0).
    """

    name: str
    model: str
    size: int
    digest: str
    details: ModelDetails
    expires_at: datetime.datetime
    size_vram: int
    context_length: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "name": "name",
        "model": "model",
        "size": "size",
        "digest": "digest",
        "details": "details",
        "expires_at": "expires_at",
        "size_vram": "size_vram",
        "context_length": "context_length",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["name"] = self.name
        out["model"] = self.model
        out["size"] = self.size
        out["digest"] = self.digest
        out["details"] = self.details.to_dict()
        out["expires_at"] = self.expires_at.isoformat()
        out["size_vram"] = self.size_vram
        if self.context_length is not None:
            out["context_length"] = self.context_length
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
        found = 7
        name = get("name")
        if type(name) is not str and not isinstance(name, str):
            raise wrong(src, "name", name, "string")

        model = get("model")
        if type(model) is not str and not isinstance(model, str):
            raise wrong(src, "model", model, "string")

        size = get("size")
        if type(size) is not int and (isinstance(size, bool) or not isinstance(size, int)):
            raise wrong(src, "size", size, "integer")

        digest = get("digest")
        if type(digest) is not str and not isinstance(digest, str):
            raise wrong(src, "digest", digest, "string")

        details = expect_model(ModelDetails.from_dict, get("details"), src, "details")

        expires_at = expect_datetime(get("expires_at"), src, "expires_at")

        size_vram = get("size_vram")
        if type(size_vram) is not int and (isinstance(size_vram, bool) or not isinstance(size_vram, int)):
            raise wrong(src, "size_vram", size_vram, "integer")

        context_length = get("context_length")
        if context_length is not None:
            found += 1
            if type(context_length) is not int and (
                isinstance(context_length, bool) or not isinstance(context_length, int)
            ):
                raise wrong(src, "context_length", context_length, "integer")

        obj = cls(
            name,
            model,
            size,
            digest,
            details,
            expires_at,
            size_vram,
            context_length,
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
        def __getitem__(self, key: Literal["size"]) -> int: ...
        @overload
        def __getitem__(self, key: Literal["digest"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["details"]) -> ModelDetails: ...
        @overload
        def __getitem__(self, key: Literal["expires_at"]) -> datetime.datetime: ...
        @overload
        def __getitem__(self, key: Literal["size_vram"]) -> int: ...
        @overload
        def __getitem__(self, key: Literal["context_length"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["name"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["size"], default: object = None) -> int: ...
        @overload
        def get(self, key: Literal["digest"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["details"], default: object = None) -> ModelDetails: ...
        @overload
        def get(self, key: Literal["expires_at"], default: object = None) -> datetime.datetime: ...
        @overload
        def get(self, key: Literal["size_vram"], default: object = None) -> int: ...
        @overload
        def get(self, key: Literal["context_length"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
