from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_datetime,
    expect_model,
    expect_models,
    expect_object,
    expect_strings,
    wrong,
)

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails
    from ..models.model_info import ModelInfo
    from ..models.projector_info import ProjectorInfo
    from ..models.response_message import ResponseMessage
    from ..models.tensor import Tensor


@_attrs_define
class ShowResponse(Model):
    """Answer of /api/show.

    Attributes:
        details (ModelDetails): Summary of a model's format, family and size.
        modified_at (datetime.datetime): Manifest modification time.
        license_ (str | None): License text (several licenses are joined with newlines).
        modelfile (str | None): Generated Modelfile.
        parameters (str | None): One "key value" line per parameter (Go %#v values; order not
            stable).
        template (str | None): Prompt template.
        system (str | None): System prompt.
        renderer (str | None): Built-in prompt renderer name.
        parser (str | None): Built-in output parser name.
        messages (list[ResponseMessage] | None): Modelfile MESSAGE entries.
        remote_model (str | None): Upstream model name (cloud stub models).
        remote_host (str | None): Upstream host (cloud stub models).
        model_info (ModelInfo | None): GGUF metadata ({} or null when unknown). Sent on every answer
            since v0.15.0; v0.4.0..v0.14.2 omit it when empty.
        projector_info (ProjectorInfo | None): Metadata of the vision projector, keyed like
            ModelInfo.
        tensors (list[Tensor] | None): Tensors of the model file.
        capabilities (list[str] | None): Capabilities (completion, tools, insert, vision, embedding,
            thinking, image, audio).
        requires (str | None): Minimum Ollama version (REQUIRES).
    """

    details: ModelDetails
    modified_at: datetime.datetime
    license_: str | None = None
    modelfile: str | None = None
    parameters: str | None = None
    template: str | None = None
    system: str | None = None
    renderer: str | None = None
    parser: str | None = None
    messages: list[ResponseMessage] | None = None
    remote_model: str | None = None
    remote_host: str | None = None
    model_info: ModelInfo | None = None
    projector_info: ProjectorInfo | None = None
    tensors: list[Tensor] | None = None
    capabilities: list[str] | None = None
    requires: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "details": "details",
        "modified_at": "modified_at",
        "license": "license_",
        "modelfile": "modelfile",
        "parameters": "parameters",
        "template": "template",
        "system": "system",
        "renderer": "renderer",
        "parser": "parser",
        "messages": "messages",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
        "model_info": "model_info",
        "projector_info": "projector_info",
        "tensors": "tensors",
        "capabilities": "capabilities",
        "requires": "requires",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["details"] = self.details.to_dict()
        out["modified_at"] = self.modified_at.isoformat()
        if self.license_ is not None:
            out["license"] = self.license_
        if self.modelfile is not None:
            out["modelfile"] = self.modelfile
        if self.parameters is not None:
            out["parameters"] = self.parameters
        if self.template is not None:
            out["template"] = self.template
        if self.system is not None:
            out["system"] = self.system
        if self.renderer is not None:
            out["renderer"] = self.renderer
        if self.parser is not None:
            out["parser"] = self.parser
        if self.messages is not None:
            out["messages"] = [item.to_dict() for item in self.messages]
        if self.remote_model is not None:
            out["remote_model"] = self.remote_model
        if self.remote_host is not None:
            out["remote_host"] = self.remote_host
        if self.model_info is not None:
            out["model_info"] = self.model_info.to_dict()
        if self.projector_info is not None:
            out["projector_info"] = self.projector_info.to_dict()
        if self.tensors is not None:
            out["tensors"] = [item.to_dict() for item in self.tensors]
        if self.capabilities is not None:
            out["capabilities"] = self.capabilities
        if self.requires is not None:
            out["requires"] = self.requires
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.model_details import ModelDetails  # noqa: PLC0415
        from ..models.model_info import ModelInfo  # noqa: PLC0415
        from ..models.projector_info import ProjectorInfo  # noqa: PLC0415
        from ..models.response_message import ResponseMessage  # noqa: PLC0415
        from ..models.tensor import Tensor  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 2
        details = expect_model(ModelDetails.from_dict, get("details"), src, "details")

        modified_at = expect_datetime(get("modified_at"), src, "modified_at")

        license_ = get("license")
        if license_ is not None:
            found += 1
            if type(license_) is not str and not isinstance(license_, str):
                raise wrong(src, "license", license_, "string")

        modelfile = get("modelfile")
        if modelfile is not None:
            found += 1
            if type(modelfile) is not str and not isinstance(modelfile, str):
                raise wrong(src, "modelfile", modelfile, "string")

        parameters = get("parameters")
        if parameters is not None:
            found += 1
            if type(parameters) is not str and not isinstance(parameters, str):
                raise wrong(src, "parameters", parameters, "string")

        template = get("template")
        if template is not None:
            found += 1
            if type(template) is not str and not isinstance(template, str):
                raise wrong(src, "template", template, "string")

        system = get("system")
        if system is not None:
            found += 1
            if type(system) is not str and not isinstance(system, str):
                raise wrong(src, "system", system, "string")

        renderer = get("renderer")
        if renderer is not None:
            found += 1
            if type(renderer) is not str and not isinstance(renderer, str):
                raise wrong(src, "renderer", renderer, "string")

        parser = get("parser")
        if parser is not None:
            found += 1
            if type(parser) is not str and not isinstance(parser, str):
                raise wrong(src, "parser", parser, "string")

        messages = get("messages")
        if messages is not None:
            found += 1
            messages = expect_models(ResponseMessage.from_dict, messages, src, "messages")

        remote_model = get("remote_model")
        if remote_model is not None:
            found += 1
            if type(remote_model) is not str and not isinstance(remote_model, str):
                raise wrong(src, "remote_model", remote_model, "string")

        remote_host = get("remote_host")
        if remote_host is not None:
            found += 1
            if type(remote_host) is not str and not isinstance(remote_host, str):
                raise wrong(src, "remote_host", remote_host, "string")

        model_info = get("model_info")
        if model_info is not None:
            found += 1
            model_info = expect_model(ModelInfo.from_dict, model_info, src, "model_info")

        projector_info = get("projector_info")
        if projector_info is not None:
            found += 1
            projector_info = expect_model(ProjectorInfo.from_dict, projector_info, src, "projector_info")

        tensors = get("tensors")
        if tensors is not None:
            found += 1
            tensors = expect_models(Tensor.from_dict, tensors, src, "tensors")

        capabilities = get("capabilities")
        if capabilities is not None:
            found += 1
            capabilities = expect_strings(capabilities, src, "capabilities")

        requires = get("requires")
        if requires is not None:
            found += 1
            if type(requires) is not str and not isinstance(requires, str):
                raise wrong(src, "requires", requires, "string")

        obj = cls(
            details,
            modified_at,
            license_,
            modelfile,
            parameters,
            template,
            system,
            renderer,
            parser,
            messages,
            remote_model,
            remote_host,
            model_info,
            projector_info,
            tensors,
            capabilities,
            requires,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["details"]) -> ModelDetails: ...
        @overload
        def __getitem__(self, key: Literal["modified_at"]) -> datetime.datetime: ...
        @overload
        def __getitem__(self, key: Literal["license"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["modelfile"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["parameters"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["template"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["system"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["renderer"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["parser"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["messages"]) -> list[ResponseMessage] | None: ...
        @overload
        def __getitem__(self, key: Literal["remote_model"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["remote_host"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["model_info"]) -> ModelInfo | None: ...
        @overload
        def __getitem__(self, key: Literal["projector_info"]) -> ProjectorInfo | None: ...
        @overload
        def __getitem__(self, key: Literal["tensors"]) -> list[Tensor] | None: ...
        @overload
        def __getitem__(self, key: Literal["capabilities"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["requires"]) -> str | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["details"], default: object = None) -> ModelDetails: ...
        @overload
        def get(self, key: Literal["modified_at"], default: object = None) -> datetime.datetime: ...
        @overload
        def get(self, key: Literal["license"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["modelfile"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["parameters"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["template"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["system"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["renderer"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["parser"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["messages"], default: object = None) -> list[ResponseMessage] | None: ...
        @overload
        def get(self, key: Literal["remote_model"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["remote_host"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["model_info"], default: object = None) -> ModelInfo | None: ...
        @overload
        def get(self, key: Literal["projector_info"], default: object = None) -> ProjectorInfo | None: ...
        @overload
        def get(self, key: Literal["tensors"], default: object = None) -> list[Tensor] | None: ...
        @overload
        def get(self, key: Literal["capabilities"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["requires"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def license(self) -> str | None:
        """``license_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.license_
