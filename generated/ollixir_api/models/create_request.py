from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_info import CreateInfo
    from ..models.file_digests import FileDigests
    from ..models.message import Message
    from ..models.model_parameters import ModelParameters


T = TypeVar("T", bound="CreateRequest")


@_attrs_define
class CreateRequest:
    """Request of POST /api/create. Give `model` (optional here only because the deprecated `name` may replace it) and
    `from` or `files`; `from` wins when both are given. The legacy `modelfile` and `path` fields are gone (ignored by
    the server).

        Attributes:
            model (str | Unset): Name of the model to create; required unless the deprecated `name` is given.
            name (str | Unset): Deprecated alias of `model`.
            from_ (str | Unset): Existing model to build on (pulled automatically if missing).
            files (FileDigests | Unset): File name (a clean relative path: no leading "/", no "..", no empty or "."
                segments) to the digest of a blob uploaded before, "sha256:<64 hex>".
            adapters (FileDigests | Unset): File name (a clean relative path: no leading "/", no "..", no empty or "."
                segments) to the digest of a blob uploaded before, "sha256:<64 hex>".
            draft_files (FileDigests | Unset): File name (a clean relative path: no leading "/", no "..", no empty or "."
                segments) to the digest of a blob uploaded before, "sha256:<64 hex>".
            draft_quantize (str | Unset): Quantization of the draft model (requires draft_files).
            quantize (str | Unset): Quantize an F16/BF16/F32 source: q4_K_M, q4_K_S, q8_0, f16, bf16, f32.
            quantization (str | Unset): Deprecated alias of `quantize`.
            template (str | Unset): Prompt template (Go template; a parse error is a 400).
            system (str | Unset): System prompt.
            license_ (list[str] | str | Unset): License text, or several license texts (the server joins them with newlines
                in /api/show).
            parameters (ModelParameters | Unset): Default runtime options stored with a created model (same keys as
                Options). Stored as given; wrong value types only fail later at inference (500).
            messages (list[Message] | Unset): Messages stored with the model; replaces inherited ones when non-empty.
            renderer (str | Unset): Name of a built-in prompt renderer.
            parser (str | Unset): Name of a built-in output parser.
            requires (str | Unset): Minimum Ollama version (semver).
            remote_host (str | Unset): Create a remote stub model pointing at this Ollama host.
            info (CreateInfo | Unset): Overrides of the created model's reported metadata.
            stream (bool | Unset): Stream NDJSON progress. The SERVER streams when this is omitted or null; the default here
                is false and the client always sends it explicitly. Default: False.
    """

    model: str | Unset = UNSET
    name: str | Unset = UNSET
    from_: str | Unset = UNSET
    files: FileDigests | Unset = UNSET
    adapters: FileDigests | Unset = UNSET
    draft_files: FileDigests | Unset = UNSET
    draft_quantize: str | Unset = UNSET
    quantize: str | Unset = UNSET
    quantization: str | Unset = UNSET
    template: str | Unset = UNSET
    system: str | Unset = UNSET
    license_: list[str] | str | Unset = UNSET
    parameters: ModelParameters | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    renderer: str | Unset = UNSET
    parser: str | Unset = UNSET
    requires: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    info: CreateInfo | Unset = UNSET
    stream: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        name = self.name

        from_ = self.from_

        files: dict[str, Any] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = self.files.to_dict()

        adapters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.adapters, Unset):
            adapters = self.adapters.to_dict()

        draft_files: dict[str, Any] | Unset = UNSET
        if not isinstance(self.draft_files, Unset):
            draft_files = self.draft_files.to_dict()

        draft_quantize = self.draft_quantize

        quantize = self.quantize

        quantization = self.quantization

        template = self.template

        system = self.system

        license_: list[str] | str | Unset
        if isinstance(self.license_, Unset):
            license_ = UNSET
        elif isinstance(self.license_, list):
            license_ = self.license_

        else:
            license_ = self.license_

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        renderer = self.renderer

        parser = self.parser

        requires = self.requires

        remote_host = self.remote_host

        info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.info, Unset):
            info = self.info.to_dict()

        stream = self.stream

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if from_ is not UNSET:
            field_dict["from"] = from_
        if files is not UNSET:
            field_dict["files"] = files
        if adapters is not UNSET:
            field_dict["adapters"] = adapters
        if draft_files is not UNSET:
            field_dict["draft_files"] = draft_files
        if draft_quantize is not UNSET:
            field_dict["draft_quantize"] = draft_quantize
        if quantize is not UNSET:
            field_dict["quantize"] = quantize
        if quantization is not UNSET:
            field_dict["quantization"] = quantization
        if template is not UNSET:
            field_dict["template"] = template
        if system is not UNSET:
            field_dict["system"] = system
        if license_ is not UNSET:
            field_dict["license"] = license_
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if messages is not UNSET:
            field_dict["messages"] = messages
        if renderer is not UNSET:
            field_dict["renderer"] = renderer
        if parser is not UNSET:
            field_dict["parser"] = parser
        if requires is not UNSET:
            field_dict["requires"] = requires
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if info is not UNSET:
            field_dict["info"] = info
        if stream is not UNSET:
            field_dict["stream"] = stream

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_info import CreateInfo  # noqa: PLC0415
        from ..models.file_digests import FileDigests  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.model_parameters import ModelParameters  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model", UNSET)

        name = d.pop("name", UNSET)

        from_ = d.pop("from", UNSET)

        _files = d.pop("files", UNSET)
        files: FileDigests | Unset
        if isinstance(_files, Unset):
            files = UNSET
        else:
            files = FileDigests.from_dict(_files)

        _adapters = d.pop("adapters", UNSET)
        adapters: FileDigests | Unset
        if isinstance(_adapters, Unset):
            adapters = UNSET
        else:
            adapters = FileDigests.from_dict(_adapters)

        _draft_files = d.pop("draft_files", UNSET)
        draft_files: FileDigests | Unset
        if isinstance(_draft_files, Unset):
            draft_files = UNSET
        else:
            draft_files = FileDigests.from_dict(_draft_files)

        draft_quantize = d.pop("draft_quantize", UNSET)

        quantize = d.pop("quantize", UNSET)

        quantization = d.pop("quantization", UNSET)

        template = d.pop("template", UNSET)

        system = d.pop("system", UNSET)

        def _parse_license_(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_license_type_1 = cast(list[str], data)

                return componentsschemas_license_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        license_ = _parse_license_(d.pop("license", UNSET))

        _parameters = d.pop("parameters", UNSET)
        parameters: ModelParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ModelParameters.from_dict(_parameters)

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        renderer = d.pop("renderer", UNSET)

        parser = d.pop("parser", UNSET)

        requires = d.pop("requires", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        _info = d.pop("info", UNSET)
        info: CreateInfo | Unset
        if isinstance(_info, Unset):
            info = UNSET
        else:
            info = CreateInfo.from_dict(_info)

        stream = d.pop("stream", UNSET)

        create_request = cls(
            model=model,
            name=name,
            from_=from_,
            files=files,
            adapters=adapters,
            draft_files=draft_files,
            draft_quantize=draft_quantize,
            quantize=quantize,
            quantization=quantization,
            template=template,
            system=system,
            license_=license_,
            parameters=parameters,
            messages=messages,
            renderer=renderer,
            parser=parser,
            requires=requires,
            remote_host=remote_host,
            info=info,
            stream=stream,
        )

        create_request.additional_properties = d
        return create_request

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
