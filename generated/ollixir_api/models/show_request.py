from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.options import Options


T = TypeVar("T", bound="ShowRequest")


@_attrs_define
class ShowRequest:
    """Request of POST /api/show. Give `model` (optional here only because the deprecated `name` may replace it).

    Attributes:
        model (str | Unset): Model name; required unless the deprecated `name` is given.
        name (str | Unset): Deprecated alias of `model`.
        verbose (bool | Unset): Return full GGUF arrays in model_info (and safetensors tensors).
        system (str | Unset): Replaces the system prompt shown.
        options (Options | Unset): Runtime options. Precedence: request > Modelfile PARAMETER > server default. Unknown
            keys are ignored and null values skipped; a value of the wrong type fails the request with a 500.
        template (str | Unset): Deprecated and ignored.
    """

    model: str | Unset = UNSET
    name: str | Unset = UNSET
    verbose: bool | Unset = UNSET
    system: str | Unset = UNSET
    options: Options | Unset = UNSET
    template: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        name = self.name

        verbose = self.verbose

        system = self.system

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        template = self.template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if verbose is not UNSET:
            field_dict["verbose"] = verbose
        if system is not UNSET:
            field_dict["system"] = system
        if options is not UNSET:
            field_dict["options"] = options
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.options import Options  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model", UNSET)

        name = d.pop("name", UNSET)

        verbose = d.pop("verbose", UNSET)

        system = d.pop("system", UNSET)

        _options = d.pop("options", UNSET)
        options: Options | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = Options.from_dict(_options)

        template = d.pop("template", UNSET)

        show_request = cls(
            model=model,
            name=name,
            verbose=verbose,
            system=system,
            options=options,
            template=template,
        )

        show_request.additional_properties = d
        return show_request

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
