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
    from ..models.options import Options


@_attrs_define
class ShowRequest(Model):
    """Request of POST /api/show. Give `model` (optional here only because the deprecated `name` may
    replace it).

    Attributes:
        model (str | None): Model name; required unless the deprecated `name` is given.
        name (str | None): Deprecated alias of `model`.
        verbose (bool | None): Return full GGUF arrays in model_info (and safetensors tensors).
        system (str | None): Replaces the system prompt shown.
        options (Options | None): Runtime options. Precedence: request > Modelfile PARAMETER >
            server default. Unknown keys are ignored and null values skipped; a value of the wrong type
            fails the request with a 500.
        template (str | None): Deprecated and ignored.
    """

    model: str | None = None
    name: str | None = None
    verbose: bool | None = None
    system: str | None = None
    options: Options | None = None
    template: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "name": "name",
        "verbose": "verbose",
        "system": "system",
        "options": "options",
        "template": "template",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.model is not None:
            out["model"] = self.model
        if self.name is not None:
            out["name"] = self.name
        if self.verbose is not None:
            out["verbose"] = self.verbose
        if self.system is not None:
            out["system"] = self.system
        if self.options is not None:
            out["options"] = self.options.to_dict()
        if self.template is not None:
            out["template"] = self.template
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.options import Options  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        model = get("model")
        if model is not None:
            found += 1
            if type(model) is not str and not isinstance(model, str):
                raise wrong(src, "model", model, "string")

        name = get("name")
        if name is not None:
            found += 1
            if type(name) is not str and not isinstance(name, str):
                raise wrong(src, "name", name, "string")

        verbose = get("verbose")
        if verbose is not None:
            found += 1
            if type(verbose) is not bool:
                raise wrong(src, "verbose", verbose, "boolean")

        system = get("system")
        if system is not None:
            found += 1
            if type(system) is not str and not isinstance(system, str):
                raise wrong(src, "system", system, "string")

        options = get("options")
        if options is not None:
            found += 1
            options = expect_model(Options.from_dict, options, src, "options")

        template = get("template")
        if template is not None:
            found += 1
            if type(template) is not str and not isinstance(template, str):
                raise wrong(src, "template", template, "string")

        obj = cls(
            model,
            name,
            verbose,
            system,
            options,
            template,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["name"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["verbose"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["system"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["options"]) -> Options | None: ...
        @overload
        def __getitem__(self, key: Literal["template"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["name"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["verbose"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["system"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["options"], default: object = None) -> Options | None: ...
        @overload
        def get(self, key: Literal["template"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
