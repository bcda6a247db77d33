from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebFetchResponse")


@_attrs_define
class WebFetchResponse:
    """Answer of web_fetch. No release evidence (ollama.com answers this), so every field is optional; the Go client's
    api.WebFetchResponse (since v0.31.2) decodes title, content and links.

        Attributes:
            title (str | Unset): Page title.
            content (str | Unset): Page text content.
            links (list[str] | Unset): Links found on the page (may be absent).
    """

    title: str | Unset = UNSET
    content: str | Unset = UNSET
    links: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        content = self.content

        links: list[str] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if content is not UNSET:
            field_dict["content"] = content
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        content = d.pop("content", UNSET)

        links = cast(list[str], d.pop("links", UNSET))

        web_fetch_response = cls(
            title=title,
            content=content,
            links=links,
        )

        web_fetch_response.additional_properties = d
        return web_fetch_response

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
