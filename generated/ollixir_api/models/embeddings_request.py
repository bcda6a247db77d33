from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.options import Options


T = TypeVar("T", bound="EmbeddingsRequest")


@_attrs_define
class EmbeddingsRequest:
    """Request of the legacy POST /api/embeddings.

    Attributes:
        model (str): Model name.
        prompt (str | Unset): Text to embed; empty only loads the model.
        keep_alive (float | str | Unset): How long the model stays loaded after the request: a Go duration string ("5m",
            "1h30m", "0") or a number of seconds. Negative keeps it loaded forever, 0 unloads it. A unit-less numeric string
            such as "3600" is a 400.
        options (Options | Unset): Runtime options. Precedence: request > Modelfile PARAMETER > server default. Unknown
            keys are ignored and null values skipped; a value of the wrong type fails the request with a 500.
    """

    model: str
    prompt: str | Unset = UNSET
    keep_alive: float | str | Unset = UNSET
    options: Options | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        keep_alive: float | str | Unset
        if isinstance(self.keep_alive, Unset):
            keep_alive = UNSET
        else:
            keep_alive = self.keep_alive

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if keep_alive is not UNSET:
            field_dict["keep_alive"] = keep_alive
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.options import Options  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        prompt = d.pop("prompt", UNSET)

        def _parse_keep_alive(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        keep_alive = _parse_keep_alive(d.pop("keep_alive", UNSET))

        _options = d.pop("options", UNSET)
        options: Options | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = Options.from_dict(_options)

        embeddings_request = cls(
            model=model,
            prompt=prompt,
            keep_alive=keep_alive,
            options=options,
        )

        embeddings_request.additional_properties = d
        return embeddings_request

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
