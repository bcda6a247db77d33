from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails
    from ..models.model_info import ModelInfo
    from ..models.projector_info import ProjectorInfo
    from ..models.response_message import ResponseMessage
    from ..models.tensor import Tensor


T = TypeVar("T", bound="ShowResponse")


@_attrs_define
class ShowResponse:
    """Answer of /api/show.

    Attributes:
        details (ModelDetails): Summary of a model's format, family and size.
        modified_at (datetime.datetime): Manifest modification time.
        license_ (str | Unset): License text (several licenses are joined with newlines).
        modelfile (str | Unset): Generated Modelfile.
        parameters (str | Unset): One "key value" line per parameter (Go %#v values; order not stable).
        template (str | Unset): Prompt template.
        system (str | Unset): System prompt.
        renderer (str | Unset): Built-in prompt renderer name.
        parser (str | Unset): Built-in output parser name.
        messages (list[ResponseMessage] | Unset): Modelfile MESSAGE entries.
        remote_model (str | Unset): Upstream model name (cloud stub models).
        remote_host (str | Unset): Upstream host (cloud stub models).
        model_info (ModelInfo | None | Unset): GGUF metadata ({} or null when unknown). Sent on every answer since
            v0.15.0; v0.4.0..v0.14.2 omit it when empty.
        projector_info (ProjectorInfo | Unset): Metadata of the vision projector, keyed like ModelInfo.
        tensors (list[Tensor] | Unset): Tensors of the model file.
        capabilities (list[str] | Unset): Capabilities (completion, tools, insert, vision, embedding, thinking, image,
            audio).
        requires (str | Unset): Minimum Ollama version (REQUIRES).
    """

    details: ModelDetails
    modified_at: datetime.datetime
    license_: str | Unset = UNSET
    modelfile: str | Unset = UNSET
    parameters: str | Unset = UNSET
    template: str | Unset = UNSET
    system: str | Unset = UNSET
    renderer: str | Unset = UNSET
    parser: str | Unset = UNSET
    messages: list[ResponseMessage] | Unset = UNSET
    remote_model: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    model_info: ModelInfo | None | Unset = UNSET
    projector_info: ProjectorInfo | Unset = UNSET
    tensors: list[Tensor] | Unset = UNSET
    capabilities: list[str] | Unset = UNSET
    requires: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.model_info import ModelInfo  # noqa: PLC0415

        details = self.details.to_dict()

        modified_at = self.modified_at.isoformat()

        license_ = self.license_

        modelfile = self.modelfile

        parameters = self.parameters

        template = self.template

        system = self.system

        renderer = self.renderer

        parser = self.parser

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        remote_model = self.remote_model

        remote_host = self.remote_host

        model_info: dict[str, Any] | None | Unset
        if isinstance(self.model_info, Unset):
            model_info = UNSET
        elif isinstance(self.model_info, ModelInfo):
            model_info = self.model_info.to_dict()
        else:
            model_info = self.model_info

        projector_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.projector_info, Unset):
            projector_info = self.projector_info.to_dict()

        tensors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tensors, Unset):
            tensors = []
            for tensors_item_data in self.tensors:
                tensors_item = tensors_item_data.to_dict()
                tensors.append(tensors_item)

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        requires = self.requires

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "details": details,
                "modified_at": modified_at,
            }
        )
        if license_ is not UNSET:
            field_dict["license"] = license_
        if modelfile is not UNSET:
            field_dict["modelfile"] = modelfile
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if template is not UNSET:
            field_dict["template"] = template
        if system is not UNSET:
            field_dict["system"] = system
        if renderer is not UNSET:
            field_dict["renderer"] = renderer
        if parser is not UNSET:
            field_dict["parser"] = parser
        if messages is not UNSET:
            field_dict["messages"] = messages
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if model_info is not UNSET:
            field_dict["model_info"] = model_info
        if projector_info is not UNSET:
            field_dict["projector_info"] = projector_info
        if tensors is not UNSET:
            field_dict["tensors"] = tensors
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if requires is not UNSET:
            field_dict["requires"] = requires

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_details import ModelDetails  # noqa: PLC0415
        from ..models.model_info import ModelInfo  # noqa: PLC0415
        from ..models.projector_info import ProjectorInfo  # noqa: PLC0415
        from ..models.response_message import ResponseMessage  # noqa: PLC0415
        from ..models.tensor import Tensor  # noqa: PLC0415

        d = dict(src_dict)
        details = ModelDetails.from_dict(d.pop("details"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        license_ = d.pop("license", UNSET)

        modelfile = d.pop("modelfile", UNSET)

        parameters = d.pop("parameters", UNSET)

        template = d.pop("template", UNSET)

        system = d.pop("system", UNSET)

        renderer = d.pop("renderer", UNSET)

        parser = d.pop("parser", UNSET)

        _messages = d.pop("messages", UNSET)
        messages: list[ResponseMessage] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = ResponseMessage.from_dict(messages_item_data)

                messages.append(messages_item)

        remote_model = d.pop("remote_model", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        def _parse_model_info(data: object) -> ModelInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_info_type_0 = ModelInfo.from_dict(data)

                return model_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelInfo | None | Unset, data)

        model_info = _parse_model_info(d.pop("model_info", UNSET))

        _projector_info = d.pop("projector_info", UNSET)
        projector_info: ProjectorInfo | Unset
        if isinstance(_projector_info, Unset):
            projector_info = UNSET
        else:
            projector_info = ProjectorInfo.from_dict(_projector_info)

        _tensors = d.pop("tensors", UNSET)
        tensors: list[Tensor] | Unset = UNSET
        if _tensors is not UNSET:
            tensors = []
            for tensors_item_data in _tensors:
                tensors_item = Tensor.from_dict(tensors_item_data)

                tensors.append(tensors_item)

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        requires = d.pop("requires", UNSET)

        show_response = cls(
            details=details,
            modified_at=modified_at,
            license_=license_,
            modelfile=modelfile,
            parameters=parameters,
            template=template,
            system=system,
            renderer=renderer,
            parser=parser,
            messages=messages,
            remote_model=remote_model,
            remote_host=remote_host,
            model_info=model_info,
            projector_info=projector_info,
            tensors=tensors,
            capabilities=capabilities,
            requires=requires,
        )

        show_response.additional_properties = d
        return show_response

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
