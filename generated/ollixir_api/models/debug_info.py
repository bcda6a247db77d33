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
class DebugInfo(Model):
    """Debug answer of `_debug_render_only` requests.

    Attributes:
        rendered_template (str): The fully rendered prompt.
        image_count (int | None): Number of images in the prompt (omitted when 0).
    """

    rendered_template: str
    image_count: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "rendered_template": "rendered_template",
        "image_count": "image_count",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["rendered_template"] = self.rendered_template
        if self.image_count is not None:
            out["image_count"] = self.image_count
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
        found = 1
        rendered_template = get("rendered_template")
        if type(rendered_template) is not str and not isinstance(rendered_template, str):
            raise wrong(src, "rendered_template", rendered_template, "string")

        image_count = get("image_count")
        if image_count is not None:
            found += 1
            if type(image_count) is not int and (isinstance(image_count, bool) or not isinstance(image_count, int)):
                raise wrong(src, "image_count", image_count, "integer")

        obj = cls(
            rendered_template,
            image_count,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["rendered_template"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["image_count"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["rendered_template"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["image_count"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
