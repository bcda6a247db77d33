from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.format_json import FORMAT_JSON_VALUES, FormatJson
from ..models.think_level import THINK_LEVEL_VALUES, ThinkLevel
from ..types import (
    Model,
    expect_integers,
    expect_model,
    expect_object,
    expect_strings,
    wrong,
)

if TYPE_CHECKING:
    from ..models.json_schema import JsonSchema
    from ..models.options import Options


@_attrs_define
class GenerateRequest(Model):
    """Request of POST /api/generate.

    Attributes:
        model (str): Model name; required in practice (empty gives 404).
        prompt (str | None): Prompt; empty or absent only loads (or unloads) the model.
        suffix (str | None): Text after the completion (fill-in-the-middle; needs the insert
            capability).
        system (str | None): Overrides the model's system prompt.
        template (str | None): Go-template override of the prompt template.
        context (list[int] | None): Deprecated token context returned by a previous response.
        stream (bool | None): Stream NDJSON chunks. The SERVER streams when this is omitted or null;
            the default here is false and the client always sends it explicitly.
        raw (bool | None): Skip templating; incompatible with template, system and context.
        format_ (FormatJson | JsonSchema | None): Output format: "json" or a JSON Schema object.
            Absent (or null or "") means free text; other values are not rejected up front but fail
            later with a 500.
        keep_alive (float | str | None): How long the model stays loaded after the request: a Go
            duration string ("5m", "1h30m", "0") or a number of seconds. Negative keeps it loaded
            forever, 0 unloads it. A unit-less numeric string such as "3600" is a 400.
        images (list[str] | None): Standard padded base64 images.
        options (Options | None): Runtime options. Precedence: request > Modelfile PARAMETER >
            server default. Unknown keys are ignored and null values skipped; a value of the wrong type
            fails the request with a 500.
        think (bool | ThinkLevel | None): Enable thinking (true/false) or pick a level. Unset on a
            thinking-capable model means on; a truthy value on a model without thinking is a 400.
        truncate (bool | None): Truncate over-long prompts to the context window (server default
            true).
        shift (bool | None): Shift the context when it fills up instead of failing (server default
            true).
        logprobs (bool | None): Return log probabilities of the generated tokens.
        top_logprobs (int | None): Number of alternatives per token (0-20, else 400).
        field_debug_render_only (bool | None): Debug only; return the rendered prompt in _debug_info
            instead of running.
    """

    model: str
    prompt: str | None = None
    suffix: str | None = None
    system: str | None = None
    template: str | None = None
    context: list[int] | None = None
    stream: bool | None = False
    raw: bool | None = None
    format_: FormatJson | JsonSchema | None = None
    keep_alive: float | str | None = None
    images: list[str] | None = None
    options: Options | None = None
    think: bool | ThinkLevel | None = None
    truncate: bool | None = None
    shift: bool | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    field_debug_render_only: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "prompt": "prompt",
        "suffix": "suffix",
        "system": "system",
        "template": "template",
        "context": "context",
        "stream": "stream",
        "raw": "raw",
        "format": "format_",
        "keep_alive": "keep_alive",
        "images": "images",
        "options": "options",
        "think": "think",
        "truncate": "truncate",
        "shift": "shift",
        "logprobs": "logprobs",
        "top_logprobs": "top_logprobs",
        "_debug_render_only": "field_debug_render_only",
    }

    def to_dict(self) -> dict[str, Any]:
        from ..models.json_schema import JsonSchema  # noqa: PLC0415

        out: dict[str, Any] = {}
        out["model"] = self.model
        if self.prompt is not None:
            out["prompt"] = self.prompt
        if self.suffix is not None:
            out["suffix"] = self.suffix
        if self.system is not None:
            out["system"] = self.system
        if self.template is not None:
            out["template"] = self.template
        if self.context is not None:
            out["context"] = self.context
        if self.stream is not None:
            out["stream"] = self.stream
        if self.raw is not None:
            out["raw"] = self.raw
        if self.format_ is not None:
            out["format"] = self.format_.to_dict() if isinstance(self.format_, JsonSchema) else self.format_
        if self.keep_alive is not None:
            out["keep_alive"] = self.keep_alive
        if self.images is not None:
            out["images"] = self.images
        if self.options is not None:
            out["options"] = self.options.to_dict()
        if self.think is not None:
            out["think"] = self.think
        if self.truncate is not None:
            out["truncate"] = self.truncate
        if self.shift is not None:
            out["shift"] = self.shift
        if self.logprobs is not None:
            out["logprobs"] = self.logprobs
        if self.top_logprobs is not None:
            out["top_logprobs"] = self.top_logprobs
        if self.field_debug_render_only is not None:
            out["_debug_render_only"] = self.field_debug_render_only
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.json_schema import JsonSchema  # noqa: PLC0415
        from ..models.options import Options  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 1
        model = get("model")
        if type(model) is not str and not isinstance(model, str):
            raise wrong(src, "model", model, "string")

        prompt = get("prompt")
        if prompt is not None:
            found += 1
            if type(prompt) is not str and not isinstance(prompt, str):
                raise wrong(src, "prompt", prompt, "string")

        suffix = get("suffix")
        if suffix is not None:
            found += 1
            if type(suffix) is not str and not isinstance(suffix, str):
                raise wrong(src, "suffix", suffix, "string")

        system = get("system")
        if system is not None:
            found += 1
            if type(system) is not str and not isinstance(system, str):
                raise wrong(src, "system", system, "string")

        template = get("template")
        if template is not None:
            found += 1
            if type(template) is not str and not isinstance(template, str):
                raise wrong(src, "template", template, "string")

        context = get("context")
        if context is not None:
            found += 1
            context = expect_integers(context, src, "context")

        stream = get("stream")
        if stream is not None:
            found += 1
            if type(stream) is not bool:
                raise wrong(src, "stream", stream, "boolean")

        raw = get("raw")
        if raw is not None:
            found += 1
            if type(raw) is not bool:
                raise wrong(src, "raw", raw, "boolean")

        format_ = get("format")
        if format_ is not None:
            found += 1
            if isinstance(format_, str) and format_ in FORMAT_JSON_VALUES:
                pass
            elif isinstance(format_, dict):
                format_ = expect_model(JsonSchema.from_dict, format_, src, "format")
            else:
                raise wrong(src, "format", format_, "'json' or object")

        keep_alive = get("keep_alive")
        if keep_alive is not None:
            found += 1
            if isinstance(keep_alive, str):
                pass
            elif (
                type(keep_alive) is float
                or type(keep_alive) is int
                or (isinstance(keep_alive, int | float) and not isinstance(keep_alive, bool))
            ):
                pass
            else:
                raise wrong(src, "keep_alive", keep_alive, "string or number")

        images = get("images")
        if images is not None:
            found += 1
            images = expect_strings(images, src, "images")

        options = get("options")
        if options is not None:
            found += 1
            options = expect_model(Options.from_dict, options, src, "options")

        think = get("think")
        if think is not None:
            found += 1
            if type(think) is bool:
                pass
            elif isinstance(think, str) and think in THINK_LEVEL_VALUES:
                pass
            else:
                raise wrong(src, "think", think, "boolean or one of 'high', 'low', 'max', 'medium'")

        truncate = get("truncate")
        if truncate is not None:
            found += 1
            if type(truncate) is not bool:
                raise wrong(src, "truncate", truncate, "boolean")

        shift = get("shift")
        if shift is not None:
            found += 1
            if type(shift) is not bool:
                raise wrong(src, "shift", shift, "boolean")

        logprobs = get("logprobs")
        if logprobs is not None:
            found += 1
            if type(logprobs) is not bool:
                raise wrong(src, "logprobs", logprobs, "boolean")

        top_logprobs = get("top_logprobs")
        if top_logprobs is not None:
            found += 1
            if type(top_logprobs) is not int and (isinstance(top_logprobs, bool) or not isinstance(top_logprobs, int)):
                raise wrong(src, "top_logprobs", top_logprobs, "integer")

        field_debug_render_only = get("_debug_render_only")
        if field_debug_render_only is not None:
            found += 1
            if type(field_debug_render_only) is not bool:
                raise wrong(src, "_debug_render_only", field_debug_render_only, "boolean")

        obj = cls(
            model,
            prompt,
            suffix,
            system,
            template,
            context,
            stream,
            raw,
            format_,
            keep_alive,
            images,
            options,
            think,
            truncate,
            shift,
            logprobs,
            top_logprobs,
            field_debug_render_only,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["prompt"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["suffix"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["system"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["template"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["context"]) -> list[int] | None: ...
        @overload
        def __getitem__(self, key: Literal["stream"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["raw"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["format"]) -> FormatJson | JsonSchema | None: ...
        @overload
        def __getitem__(self, key: Literal["keep_alive"]) -> float | str | None: ...
        @overload
        def __getitem__(self, key: Literal["images"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["options"]) -> Options | None: ...
        @overload
        def __getitem__(self, key: Literal["think"]) -> bool | ThinkLevel | None: ...
        @overload
        def __getitem__(self, key: Literal["truncate"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["shift"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["logprobs"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["top_logprobs"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["_debug_render_only"]) -> bool | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["prompt"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["suffix"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["system"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["template"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["context"], default: object = None) -> list[int] | None: ...
        @overload
        def get(self, key: Literal["stream"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["raw"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["format"], default: object = None) -> FormatJson | JsonSchema | None: ...
        @overload
        def get(self, key: Literal["keep_alive"], default: object = None) -> float | str | None: ...
        @overload
        def get(self, key: Literal["images"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["options"], default: object = None) -> Options | None: ...
        @overload
        def get(self, key: Literal["think"], default: object = None) -> bool | ThinkLevel | None: ...
        @overload
        def get(self, key: Literal["truncate"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["shift"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["logprobs"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["top_logprobs"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["_debug_render_only"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...

    @property
    def format(self) -> FormatJson | JsonSchema | None:
        """``format_`` under its JSON name, as the official ``ollama`` client reads it."""
        return self.format_
