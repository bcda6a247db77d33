from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_model,
    expect_object,
    wrong,
)

if TYPE_CHECKING:
    from ..models.tool_parameters import ToolParameters


@_attrs_define
class ToolFunction(Model):
    """A function tool definition.

    Attributes:
        name (str): Function name the model calls.
        description (str | None): What the function does.
        parameters (ToolParameters | None): JSON Schema of the function's arguments (an object
            schema). The server decodes it into fixed structs: at this level it keeps only type, $defs,
            items, required and properties, and in each property (and in anyOf members and nested
            properties) only type, description, enum, items, anyOf, properties and required. Every other
            keyword (additionalProperties, default, format, minimum, $ref, title, ...) is dropped before
            the model sees the schema; the values of $defs and items are kept whole. Unknown keys still
            round-trip through this client-side model.
    """

    name: str
    description: str | None = None
    parameters: ToolParameters | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "name": "name",
        "description": "description",
        "parameters": "parameters",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["name"] = self.name
        if self.description is not None:
            out["description"] = self.description
        if self.parameters is not None:
            out["parameters"] = self.parameters.to_dict()
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.tool_parameters import ToolParameters  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        name = get("name")
        if type(name) is not str and not isinstance(name, str):
            raise wrong(src, "name", name, "string")

        description = get("description")
        if description is not None:
            found += 1
            if type(description) is not str and not isinstance(description, str):
                raise wrong(src, "description", description, "string")

        parameters = get("parameters")
        if parameters is not None:
            found += 1
            parameters = expect_model(ToolParameters.from_dict, parameters, src, "parameters")

        obj = cls(
            name,
            description,
            parameters,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["name"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["description"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["parameters"]) -> ToolParameters | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["name"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["description"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["parameters"], default: object = None) -> ToolParameters | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
