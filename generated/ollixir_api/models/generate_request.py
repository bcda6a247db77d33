from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.format_json import FormatJson, check_format_json
from ..models.think_level import ThinkLevel, check_think_level
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_schema import JsonSchema
    from ..models.options import Options


T = TypeVar("T", bound="GenerateRequest")


@_attrs_define
class GenerateRequest:
    """Request of POST /api/generate.

    Attributes:
        model (str): Model name; required in practice (empty gives 404).
        prompt (str | Unset): Prompt; empty or absent only loads (or unloads) the model.
        suffix (str | Unset): Text after the completion (fill-in-the-middle; needs the insert capability).
        system (str | Unset): Overrides the model's system prompt.
        template (str | Unset): Go-template override of the prompt template.
        context (list[int] | Unset): Deprecated token context returned by a previous response.
        stream (bool | Unset): Stream NDJSON chunks. The SERVER streams when this is omitted or null; the default here
            is false and the client always sends it explicitly. Default: False.
        raw (bool | Unset): Skip templating; incompatible with template, system and context.
        format_ (FormatJson | JsonSchema | Unset): Output format: "json" or a JSON Schema object. Absent (or null or "")
            means free text; other values are not rejected up front but fail later with a 500.
        keep_alive (float | str | Unset): How long the model stays loaded after the request: a Go duration string ("5m",
            "1h30m", "0") or a number of seconds. Negative keeps it loaded forever, 0 unloads it. A unit-less numeric string
            such as "3600" is a 400.
        images (list[str] | Unset): Standard padded base64 images.
        options (Options | Unset): Runtime options. Precedence: request > Modelfile PARAMETER > server default. Unknown
            keys are ignored and null values skipped; a value of the wrong type fails the request with a 500.
        think (bool | ThinkLevel | Unset): Enable thinking (true/false) or pick a level. Unset on a thinking-capable
            model means on; a truthy value on a model without thinking is a 400.
        truncate (bool | Unset): Truncate over-long prompts to the context window (server default true).
        shift (bool | Unset): Shift the context when it fills up instead of failing (server default true).
        logprobs (bool | Unset): Return log probabilities of the generated tokens.
        top_logprobs (int | Unset): Number of alternatives per token (0-20, else 400).
        field_debug_render_only (bool | Unset): Debug only; return the rendered prompt in _debug_info instead of
            running.
    """

    model: str
    prompt: str | Unset = UNSET
    suffix: str | Unset = UNSET
    system: str | Unset = UNSET
    template: str | Unset = UNSET
    context: list[int] | Unset = UNSET
    stream: bool | Unset = False
    raw: bool | Unset = UNSET
    format_: FormatJson | JsonSchema | Unset = UNSET
    keep_alive: float | str | Unset = UNSET
    images: list[str] | Unset = UNSET
    options: Options | Unset = UNSET
    think: bool | ThinkLevel | Unset = UNSET
    truncate: bool | Unset = UNSET
    shift: bool | Unset = UNSET
    logprobs: bool | Unset = UNSET
    top_logprobs: int | Unset = UNSET
    field_debug_render_only: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        prompt = self.prompt

        suffix = self.suffix

        system = self.system

        template = self.template

        context: list[int] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context

        stream = self.stream

        raw = self.raw

        format_: dict[str, Any] | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        else:
            format_ = self.format_.to_dict()

        keep_alive: float | str | Unset
        if isinstance(self.keep_alive, Unset):
            keep_alive = UNSET
        else:
            keep_alive = self.keep_alive

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        think: bool | str | Unset
        if isinstance(self.think, Unset):
            think = UNSET
        elif isinstance(self.think, str):
            think = self.think
        else:
            think = self.think

        truncate = self.truncate

        shift = self.shift

        logprobs = self.logprobs

        top_logprobs = self.top_logprobs

        field_debug_render_only = self.field_debug_render_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if system is not UNSET:
            field_dict["system"] = system
        if template is not UNSET:
            field_dict["template"] = template
        if context is not UNSET:
            field_dict["context"] = context
        if stream is not UNSET:
            field_dict["stream"] = stream
        if raw is not UNSET:
            field_dict["raw"] = raw
        if format_ is not UNSET:
            field_dict["format"] = format_
        if keep_alive is not UNSET:
            field_dict["keep_alive"] = keep_alive
        if images is not UNSET:
            field_dict["images"] = images
        if options is not UNSET:
            field_dict["options"] = options
        if think is not UNSET:
            field_dict["think"] = think
        if truncate is not UNSET:
            field_dict["truncate"] = truncate
        if shift is not UNSET:
            field_dict["shift"] = shift
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if field_debug_render_only is not UNSET:
            field_dict["_debug_render_only"] = field_debug_render_only

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_schema import JsonSchema  # noqa: PLC0415
        from ..models.options import Options  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        prompt = d.pop("prompt", UNSET)

        suffix = d.pop("suffix", UNSET)

        system = d.pop("system", UNSET)

        template = d.pop("template", UNSET)

        context = cast(list[int], d.pop("context", UNSET))

        stream = d.pop("stream", UNSET)

        raw = d.pop("raw", UNSET)

        def _parse_format_(data: object) -> FormatJson | JsonSchema | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_format_type_0 = check_format_json(data)

                return componentsschemas_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_format_type_1 = JsonSchema.from_dict(data)

            return componentsschemas_format_type_1

        format_ = _parse_format_(d.pop("format", UNSET))

        def _parse_keep_alive(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        keep_alive = _parse_keep_alive(d.pop("keep_alive", UNSET))

        images = cast(list[str], d.pop("images", UNSET))

        _options = d.pop("options", UNSET)
        options: Options | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = Options.from_dict(_options)

        def _parse_think(data: object) -> bool | ThinkLevel | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_think_type_1 = check_think_level(data)

                return componentsschemas_think_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | ThinkLevel | Unset, data)

        think = _parse_think(d.pop("think", UNSET))

        truncate = d.pop("truncate", UNSET)

        shift = d.pop("shift", UNSET)

        logprobs = d.pop("logprobs", UNSET)

        top_logprobs = d.pop("top_logprobs", UNSET)

        field_debug_render_only = d.pop("_debug_render_only", UNSET)

        generate_request = cls(
            model=model,
            prompt=prompt,
            suffix=suffix,
            system=system,
            template=template,
            context=context,
            stream=stream,
            raw=raw,
            format_=format_,
            keep_alive=keep_alive,
            images=images,
            options=options,
            think=think,
            truncate=truncate,
            shift=shift,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
            field_debug_render_only=field_debug_render_only,
        )

        generate_request.additional_properties = d
        return generate_request

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
