from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_model,
    expect_object,
    expect_strings,
    wrong,
)

if TYPE_CHECKING:
    from ..models.tool_parameters_defs import ToolParametersDefs
    from ..models.tool_parameters_properties import ToolParametersProperties


@_attrs_define
class ToolParameters(Model):
    """JSON Schema of the function's arguments (an object schema). The server decodes it into fixed
    structs: at this level it keeps only type, $defs, items, required and properties, and in each
    property (and in anyOf members and nested properties) only type, description, enum, items,
    anyOf, properties and required. Every other keyword (additionalProperties, default, format,
    minimum, $ref, title, ...) is dropped before the model sees the schema; the values of $defs and
    items are kept whole. Unknown keys still round-trip through this client-side model.

    Attributes:
        type_ (str | None): Schema type, normally "object".
        required (list[str] | None): Names of required arguments.
        properties (ToolParametersProperties | None): Parameter name to JSON Schema property object.
            The server keeps only type (a string or a list of strings; anything else is a 400),
            description, enum, items, anyOf, properties and required, and drops every other keyword.
            Order is preserved.
        defs (ToolParametersDefs | None): JSON Schema `$defs`, kept whole by the server. A `$ref` to
            them survives only inside `items` or inside `$defs` (kept whole too); in a property the
            server drops `$ref`.
        items (Any): JSON Schema `items` (any JSON value).
    """

    type_: str | None = None
    required: list[str] | None = None
    properties: ToolParametersProperties | None = None
    defs: ToolParametersDefs | None = None
    items: Any = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "type": "type_",
        "required": "required",
        "properties": "properties",
        "$defs": "defs",
        "items": "items",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.type_ is not None:
            out["type"] = self.type_
        if self.required is not None:
            out["required"] = self.required
        if self.properties is not None:
            out["properties"] = self.properties.to_dict()
        if self.defs is not None:
            out["$defs"] = self.defs.to_dict()
        if self.items is not None:
            out["items"] = self.items
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.tool_parameters_defs import ToolParametersDefs  # noqa: PLC0415
        from ..models.tool_parameters_properties import ToolParametersProperties  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        type_ = get("type")
        if type_ is not None:
            found += 1
            if type(type_) is not str and not isinstance(type_, str):
                raise wrong(src, "type", type_, "string")

        required = get("required")
        if required is not None:
            found += 1
            required = expect_strings(required, src, "required")

        properties = get("properties")
        if properties is not None:
            found += 1
            properties = expect_model(ToolParametersProperties.from_dict, properties, src, "properties")

        defs = get("$defs")
        if defs is not None:
            found += 1
            defs = expect_model(ToolParametersDefs.from_dict, defs, src, "$defs")

        items = get("items")
        if items is not None:
            found += 1
            pass

        obj = cls(
            type_,
            required,
            properties,
            defs,
            items,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["type"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["required"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["properties"]) -> ToolParametersProperties | None: ...
        @overload
        def __getitem__(self, key: Literal["$defs"]) -> ToolParametersDefs | None: ...
        @overload
        def __getitem__(self, key: Literal["items"]) -> Any: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["type"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["required"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["properties"], default: object = None) -> ToolParametersProperties | None: ...
        @overload
        def get(self, key: Literal["$defs"], default: object = None) -> ToolParametersDefs | None: ...
        @overload
        def get(self, key: Literal["items"], default: object = None) -> Any: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def type(self) -> str | None:
        """``type_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.type_
