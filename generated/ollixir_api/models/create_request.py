from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_model,
    expect_models,
    expect_object,
    expect_strings,
    wrong,
)

if TYPE_CHECKING:
    from ..models.create_info import CreateInfo
    from ..models.file_digests import FileDigests
    from ..models.message import Message
    from ..models.model_parameters import ModelParameters


@_attrs_define
class CreateRequest(Model):
    """Request of POST /api/create. Give `model` (optional here only because the deprecated `name` may
    replace it) and `from` or `files`; `from` wins when both are given. The legacy `modelfile` and
    `path` fields are gone (ignored by the server).

    Attributes:
        model (str | None): Name of the model to create; required unless the deprecated `name` is
            given.
        name (str | None): Deprecated alias of `model`.
        from_ (str | None): Existing model to build on (pulled automatically if missing).
        files (FileDigests | None): File name (a clean relative path: no leading "/", no "..", no
            empty or "." segments) to the digest of a blob uploaded before, "sha256:<64 hex>".
        adapters (FileDigests | None): File name (a clean relative path: no leading "/", no "..", no
            empty or "." segments) to the digest of a blob uploaded before, "sha256:<64 hex>".
        draft_files (FileDigests | None): File name (a clean relative path: no leading "/", no "..",
            no empty or "." segments) to the digest of a blob uploaded before, "sha256:<64 hex>".
        draft_quantize (str | None): Quantization of the draft model (requires draft_files).
        quantize (str | None): Quantize an F16/BF16/F32 source: q4_K_M, q4_K_S, q8_0, f16, bf16,
            f32.
        quantization (str | None): Deprecated alias of `quantize`.
        template (str | None): Prompt template (Go template; a parse error is a 400).
        system (str | None): System prompt.
        license_ (list[str] | str | None): License text, or several license texts (the server joins
            them with newlines in /api/show).
        parameters (ModelParameters | None): Default runtime options stored with a created model
            (same keys as Options). Stored as given; wrong value types only fail later at inference
            (500).
        messages (list[Message] | None): Messages stored with the model; replaces inherited ones
            when non-empty.
        renderer (str | None): Name of a built-in prompt renderer.
        parser (str | None): Name of a built-in output parser.
        requires (str | None): Minimum Ollama version (semver).
        remote_host (str | None): Create a remote stub model pointing at this Ollama host.
        info (CreateInfo | None): Overrides of the created model's reported metadata.
        stream (bool | None): Stream NDJSON progress. The SERVER streams when this is omitted or
            null; the default here is false and the client always sends it explicitly.
    """

    model: str | None = None
    name: str | None = None
    from_: str | None = None
    files: FileDigests | None = None
    adapters: FileDigests | None = None
    draft_files: FileDigests | None = None
    draft_quantize: str | None = None
    quantize: str | None = None
    quantization: str | None = None
    template: str | None = None
    system: str | None = None
    license_: list[str] | str | None = None
    parameters: ModelParameters | None = None
    messages: list[Message] | None = None
    renderer: str | None = None
    parser: str | None = None
    requires: str | None = None
    remote_host: str | None = None
    info: CreateInfo | None = None
    stream: bool | None = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "name": "name",
        "from": "from_",
        "files": "files",
        "adapters": "adapters",
        "draft_files": "draft_files",
        "draft_quantize": "draft_quantize",
        "quantize": "quantize",
        "quantization": "quantization",
        "template": "template",
        "system": "system",
        "license": "license_",
        "parameters": "parameters",
        "messages": "messages",
        "renderer": "renderer",
        "parser": "parser",
        "requires": "requires",
        "remote_host": "remote_host",
        "info": "info",
        "stream": "stream",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.model is not None:
            out["model"] = self.model
        if self.name is not None:
            out["name"] = self.name
        if self.from_ is not None:
            out["from"] = self.from_
        if self.files is not None:
            out["files"] = self.files.to_dict()
        if self.adapters is not None:
            out["adapters"] = self.adapters.to_dict()
        if self.draft_files is not None:
            out["draft_files"] = self.draft_files.to_dict()
        if self.draft_quantize is not None:
            out["draft_quantize"] = self.draft_quantize
        if self.quantize is not None:
            out["quantize"] = self.quantize
        if self.quantization is not None:
            out["quantization"] = self.quantization
        if self.template is not None:
            out["template"] = self.template
        if self.system is not None:
            out["system"] = self.system
        if self.license_ is not None:
            out["license"] = self.license_
        if self.parameters is not None:
            out["parameters"] = self.parameters.to_dict()
        if self.messages is not None:
            out["messages"] = [item.to_dict() for item in self.messages]
        if self.renderer is not None:
            out["renderer"] = self.renderer
        if self.parser is not None:
            out["parser"] = self.parser
        if self.requires is not None:
            out["requires"] = self.requires
        if self.remote_host is not None:
            out["remote_host"] = self.remote_host
        if self.info is not None:
            out["info"] = self.info.to_dict()
        if self.stream is not None:
            out["stream"] = self.stream
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.create_info import CreateInfo  # noqa: PLC0415
        from ..models.file_digests import FileDigests  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.model_parameters import ModelParameters  # noqa: PLC0415

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

        from_ = get("from")
        if from_ is not None:
            found += 1
            if type(from_) is not str and not isinstance(from_, str):
                raise wrong(src, "from", from_, "string")

        files = get("files")
        if files is not None:
            found += 1
            files = expect_model(FileDigests.from_dict, files, src, "files")

        adapters = get("adapters")
        if adapters is not None:
            found += 1
            adapters = expect_model(FileDigests.from_dict, adapters, src, "adapters")

        draft_files = get("draft_files")
        if draft_files is not None:
            found += 1
            draft_files = expect_model(FileDigests.from_dict, draft_files, src, "draft_files")

        draft_quantize = get("draft_quantize")
        if draft_quantize is not None:
            found += 1
            if type(draft_quantize) is not str and not isinstance(draft_quantize, str):
                raise wrong(src, "draft_quantize", draft_quantize, "string")

        quantize = get("quantize")
        if quantize is not None:
            found += 1
            if type(quantize) is not str and not isinstance(quantize, str):
                raise wrong(src, "quantize", quantize, "string")

        quantization = get("quantization")
        if quantization is not None:
            found += 1
            if type(quantization) is not str and not isinstance(quantization, str):
                raise wrong(src, "quantization", quantization, "string")

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

        license_ = get("license")
        if license_ is not None:
            found += 1
            if isinstance(license_, str):
                pass
            elif isinstance(license_, list):
                license_ = expect_strings(license_, src, "license")
            else:
                raise wrong(src, "license", license_, "string or array")

        parameters = get("parameters")
        if parameters is not None:
            found += 1
            parameters = expect_model(ModelParameters.from_dict, parameters, src, "parameters")

        messages = get("messages")
        if messages is not None:
            found += 1
            messages = expect_models(Message.from_dict, messages, src, "messages")

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

        requires = get("requires")
        if requires is not None:
            found += 1
            if type(requires) is not str and not isinstance(requires, str):
                raise wrong(src, "requires", requires, "string")

        remote_host = get("remote_host")
        if remote_host is not None:
            found += 1
            if type(remote_host) is not str and not isinstance(remote_host, str):
                raise wrong(src, "remote_host", remote_host, "string")

        info = get("info")
        if info is not None:
            found += 1
            info = expect_model(CreateInfo.from_dict, info, src, "info")

        stream = get("stream")
        if stream is not None:
            found += 1
            if type(stream) is not bool:
                raise wrong(src, "stream", stream, "boolean")

        obj = cls(
            model,
            name,
            from_,
            files,
            adapters,
            draft_files,
            draft_quantize,
            quantize,
            quantization,
            template,
            system,
            license_,
            parameters,
            messages,
            renderer,
            parser,
            requires,
            remote_host,
            info,
            stream,
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
        def __getitem__(self, key: Literal["from"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["files"]) -> FileDigests | None: ...
        @overload
        def __getitem__(self, key: Literal["adapters"]) -> FileDigests | None: ...
        @overload
        def __getitem__(self, key: Literal["draft_files"]) -> FileDigests | None: ...
        @overload
        def __getitem__(self, key: Literal["draft_quantize"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["quantize"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["quantization"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["template"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["system"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["license"]) -> list[str] | str | None: ...
        @overload
        def __getitem__(self, key: Literal["parameters"]) -> ModelParameters | None: ...
        @overload
        def __getitem__(self, key: Literal["messages"]) -> list[Message] | None: ...
        @overload
        def __getitem__(self, key: Literal["renderer"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["parser"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["requires"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["remote_host"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["info"]) -> CreateInfo | None: ...
        @overload
        def __getitem__(self, key: Literal["stream"]) -> bool | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["name"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["from"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["files"], default: object = None) -> FileDigests | None: ...
        @overload
        def get(self, key: Literal["adapters"], default: object = None) -> FileDigests | None: ...
        @overload
        def get(self, key: Literal["draft_files"], default: object = None) -> FileDigests | None: ...
        @overload
        def get(self, key: Literal["draft_quantize"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["quantize"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["quantization"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["template"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["system"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["license"], default: object = None) -> list[str] | str | None: ...
        @overload
        def get(self, key: Literal["parameters"], default: object = None) -> ModelParameters | None: ...
        @overload
        def get(self, key: Literal["messages"], default: object = None) -> list[Message] | None: ...
        @overload
        def get(self, key: Literal["renderer"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["parser"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["requires"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["remote_host"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["info"], default: object = None) -> CreateInfo | None: ...
        @overload
        def get(self, key: Literal["stream"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def license(self) -> list[str] | str | None:
        """``license_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.license_
