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
class WebSearchResult(Model):
    """One web search hit. No release evidence (ollama.com answers this), so every field is optional;
    the Go client's api.WebSearchResult (since v0.31.2) decodes title, url and content.

    Attributes:
        title (str | None): Page title.
        url (str | None): Page URL.
        content (str | None): Relevant page text.
    """

    title: str | None = None
    url: str | None = None
    content: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "title": "title",
        "url": "url",
        "content": "content",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.title is not None:
            out["title"] = self.title
        if self.url is not None:
            out["url"] = self.url
        if self.content is not None:
            out["content"] = self.content
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
        title = get("title")
        if title is not None:
            found += 1
            if type(title) is not str and not isinstance(title, str):
                raise wrong(src, "title", title, "string")

        url = get("url")
        if url is not None:
            found += 1
            if type(url) is not str and not isinstance(url, str):
                raise wrong(src, "url", url, "string")

        content = get("content")
        if content is not None:
            found += 1
            if type(content) is not str and not isinstance(content, str):
                raise wrong(src, "content", content, "string")

        obj = cls(
            title,
            url,
            content,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["title"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["url"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["content"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["title"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["url"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["content"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
