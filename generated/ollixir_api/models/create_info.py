from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_object,
    expect_strings,
    wrong,
)


@_attrs_define
class CreateInfo(Model):
    """Overrides of the created model's reported metadata.

    Attributes:
        capabilities (list[str] | None): Capabilities to report (completion, tools, insert, vision,
            embedding, thinking, ...).
        model_family (str | None): Model family.
        base_name (str | None): Base model name.
        quantization_level (str | None): Quantization level.
        parameter_size (str | None): Parameter size, e.g. "8B".
        context_length (int | None): Context length (non-negative).
        embedding_length (int | None): Embedding length (non-negative).
    """

    capabilities: list[str] | None = None
    model_family: str | None = None
    base_name: str | None = None
    quantization_level: str | None = None
    parameter_size: str | None = None
    context_length: int | None = None
    embedding_length: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "capabilities": "capabilities",
        "model_family": "model_family",
        "base_name": "base_name",
        "quantization_level": "quantization_level",
        "parameter_size": "parameter_size",
        "context_length": "context_length",
        "embedding_length": "embedding_length",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.capabilities is not None:
            out["capabilities"] = self.capabilities
        if self.model_family is not None:
            out["model_family"] = self.model_family
        if self.base_name is not None:
            out["base_name"] = self.base_name
        if self.quantization_level is not None:
            out["quantization_level"] = self.quantization_level
        if self.parameter_size is not None:
            out["parameter_size"] = self.parameter_size
        if self.context_length is not None:
            out["context_length"] = self.context_length
        if self.embedding_length is not None:
            out["embedding_length"] = self.embedding_length
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        capabilities = get("capabilities")
        if capabilities is not None:
            found += 1
            capabilities = expect_strings(capabilities, src, "capabilities")

        model_family = get("model_family")
        if model_family is not None:
            found += 1
            if type(model_family) is not str and not isinstance(model_family, str):
                raise wrong(src, "model_family", model_family, "string")

        base_name = get("base_name")
        if base_name is not None:
            found += 1
            if type(base_name) is not str and not isinstance(base_name, str):
                raise wrong(src, "base_name", base_name, "string")

        quantization_level = get("quantization_level")
        if quantization_level is not None:
            found += 1
            if type(quantization_level) is not str and not isinstance(quantization_level, str):
                raise wrong(src, "quantization_level", quantization_level, "string")

        parameter_size = get("parameter_size")
        if parameter_size is not None:
            found += 1
            if type(parameter_size) is not str and not isinstance(parameter_size, str):
                raise wrong(src, "parameter_size", parameter_size, "string")

        context_length = get("context_length")
        if context_length is not None:
            found += 1
            if type(context_length) is not int and (
                isinstance(context_length, bool) or not isinstance(context_length, int)
            ):
                raise wrong(src, "context_length", context_length, "integer")

        embedding_length = get("embedding_length")
        if embedding_length is not None:
            found += 1
            if type(embedding_length) is not int and (
                isinstance(embedding_length, bool) or not isinstance(embedding_length, int)
            ):
                raise wrong(src, "embedding_length", embedding_length, "integer")

        obj = cls(
            capabilities,
            model_family,
            base_name,
            quantization_level,
            parameter_size,
            context_length,
            embedding_length,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["capabilities"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["model_family"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["base_name"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["quantization_level"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["parameter_size"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["context_length"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["embedding_length"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["capabilities"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["model_family"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["base_name"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["quantization_level"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["parameter_size"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["context_length"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["embedding_length"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
