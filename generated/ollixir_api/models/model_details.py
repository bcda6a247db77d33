from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_object,
    expect_strings,
    missing,
    wrong,
)


@_attrs_define
class ModelDetails(Model):
    """Summary of a model's format, family and size.

    Attributes:
        parent_model (str): Model this one was created from (often "").
        format_ (str): File format, e.g. "gguf" or "safetensors".
        family (str): Architecture family, e.g. "llama".
        families (list[str] | None): All families (null when unknown).
        parameter_size (str): Human-readable parameter count, e.g. "3.2B".
        quantization_level (str): Quantization, e.g. "Q4_K_M".
        context_length (int | None): Native context length, when known.
        embedding_length (int | None): Embedding size, when known.
    """

    parent_model: str
    format_: str
    family: str
    families: list[str] | None
    parameter_size: str
    quantization_level: str
    context_length: int | None = None
    embedding_length: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "parent_model": "parent_model",
        "format": "format_",
        "family": "family",
        "families": "families",
        "parameter_size": "parameter_size",
        "quantization_level": "quantization_level",
        "context_length": "context_length",
        "embedding_length": "embedding_length",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["parent_model"] = self.parent_model
        out["format"] = self.format_
        out["family"] = self.family
        if self.families is not None:
            out["families"] = self.families
        else:
            out["families"] = None
        out["parameter_size"] = self.parameter_size
        out["quantization_level"] = self.quantization_level
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
        found = 6
        parent_model = get("parent_model")
        if type(parent_model) is not str and not isinstance(parent_model, str):
            raise wrong(src, "parent_model", parent_model, "string")

        format_ = get("format")
        if type(format_) is not str and not isinstance(format_, str):
            raise wrong(src, "format", format_, "string")

        family = get("family")
        if type(family) is not str and not isinstance(family, str):
            raise wrong(src, "family", family, "string")

        families = get("families")
        if families is not None:
            families = expect_strings(families, src, "families")
        elif "families" not in src:
            raise missing("families")

        parameter_size = get("parameter_size")
        if type(parameter_size) is not str and not isinstance(parameter_size, str):
            raise wrong(src, "parameter_size", parameter_size, "string")

        quantization_level = get("quantization_level")
        if type(quantization_level) is not str and not isinstance(quantization_level, str):
            raise wrong(src, "quantization_level", quantization_level, "string")

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
            parent_model,
            format_,
            family,
            families,
            parameter_size,
            quantization_level,
            context_length,
            embedding_length,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["parent_model"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["format"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["family"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["families"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["parameter_size"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["quantization_level"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["context_length"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["embedding_length"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["parent_model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["format"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["family"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["families"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["parameter_size"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["quantization_level"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["context_length"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["embedding_length"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def format(self) -> str:
        """``format_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.format_
