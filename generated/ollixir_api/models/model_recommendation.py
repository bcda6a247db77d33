from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_object,
    wrong,
)


@_attrs_define
class ModelRecommendation(Model):
    """One recommended model.

    Attributes:
        model (str | None): Model name; cloud models end in ":cloud" or "-cloud".
        description (str | None): What the model is good at.
        context_length (int | None): Context window in tokens (cloud models; omitted when 0).
        max_output_tokens (int | None): Most tokens one answer may have (cloud models; omitted when
            0).
        vram_bytes (int | None): Memory a local model needs, in bytes (omitted when 0).
        required_plan (str | None): ollama.com plan needed to use the model (omitted when none).
    """

    model: str | None = None
    description: str | None = None
    context_length: int | None = None
    max_output_tokens: int | None = None
    vram_bytes: int | None = None
    required_plan: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "description": "description",
        "context_length": "context_length",
        "max_output_tokens": "max_output_tokens",
        "vram_bytes": "vram_bytes",
        "required_plan": "required_plan",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.model is not None:
            out["model"] = self.model
        if self.description is not None:
            out["description"] = self.description
        if self.context_length is not None:
            out["context_length"] = self.context_length
        if self.max_output_tokens is not None:
            out["max_output_tokens"] = self.max_output_tokens
        if self.vram_bytes is not None:
            out["vram_bytes"] = self.vram_bytes
        if self.required_plan is not None:
            out["required_plan"] = self.required_plan
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
        model = get("model")
        if model is not None:
            found += 1
            if type(model) is not str and not isinstance(model, str):
                raise wrong(src, "model", model, "string")

        description = get("description")
        if description is not None:
            found += 1
            if type(description) is not str and not isinstance(description, str):
                raise wrong(src, "description", description, "string")

        context_length = get("context_length")
        if context_length is not None:
            found += 1
            if type(context_length) is not int and (
                isinstance(context_length, bool) or not isinstance(context_length, int)
            ):
                raise wrong(src, "context_length", context_length, "integer")

        max_output_tokens = get("max_output_tokens")
        if max_output_tokens is not None:
            found += 1
            if type(max_output_tokens) is not int and (
                isinstance(max_output_tokens, bool) or not isinstance(max_output_tokens, int)
            ):
                raise wrong(src, "max_output_tokens", max_output_tokens, "integer")

        vram_bytes = get("vram_bytes")
        if vram_bytes is not None:
            found += 1
            if type(vram_bytes) is not int and (isinstance(vram_bytes, bool) or not isinstance(vram_bytes, int)):
                raise wrong(src, "vram_bytes", vram_bytes, "integer")

        required_plan = get("required_plan")
        if required_plan is not None:
            found += 1
            if type(required_plan) is not str and not isinstance(required_plan, str):
                raise wrong(src, "required_plan", required_plan, "string")

        obj = cls(
            model,
            description,
            context_length,
            max_output_tokens,
            vram_bytes,
            required_plan,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["description"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["context_length"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["max_output_tokens"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["vram_bytes"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["required_plan"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["description"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["context_length"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["max_output_tokens"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["vram_bytes"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["required_plan"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
