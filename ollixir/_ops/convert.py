"""Turning the many shapes users pass (dicts, generated models, classes, paths) into generated
request models. Shared by every operation that takes messages, tools, formats or options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .._errors import RequestError

if TYPE_CHECKING:
    from ollixir_api.models import JsonSchema, Message, Options, Tool

__all__ = ["to_format", "to_messages", "to_options", "to_tools", "to_plain_dict"]


def to_plain_dict(value: object, param: str) -> dict[str, Any]:
    """A mapping, or anything with ``to_dict()`` (every generated model), as a plain dict."""
    if isinstance(value, Mapping):
        return dict(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        result = to_dict()
        if isinstance(result, dict):
            return result
    raise RequestError(f"{param} must be a dict or a typed model, got {type(value).__name__}", param=param)


def to_messages(messages: object, param: str = "messages") -> list[Message]:
    from .fastpath import message
    from .images import prepare_images

    if isinstance(messages, str | bytes | Mapping) or not isinstance(messages, Sequence):
        raise RequestError(f"{param} must be a list of messages (dicts or Message objects)", param=param)
    out: list[Message] = []
    for i, raw in enumerate(messages):
        where = f"{param}[{i}]"
        data = to_plain_dict(raw, where)
        role = data.get("role")
        if not isinstance(role, str) or not role:
            raise RequestError(f"{where} needs a 'role' (system, user, assistant or tool)", param=param)
        content = data.get("content")
        if content is not None and not isinstance(content, str):
            raise RequestError(f"{where}.content must be a string, got {type(content).__name__}", param=param)
        images = data.get("images")
        if images is not None:
            data["images"] = prepare_images(images, param=f"{where}.images")
        calls = data.get("tool_calls")
        if calls is not None:
            data["tool_calls"] = [to_plain_dict(c, f"{where}.tool_calls") for c in calls]
        out.append(message(data))
    return out


def to_tools(tools: object) -> list[Tool]:
    from ollixir_api.models import Tool

    from ..tools import normalize_tool

    if isinstance(tools, str | bytes | Mapping) or not isinstance(tools, Sequence):
        raise RequestError("tools must be a list of tools (dicts, Tool objects or functions)", param="tools")
    return [Tool.from_dict(normalize_tool(t)) for t in tools]


def to_format(value: object) -> Literal["json"] | JsonSchema:
    """``"json"``, a JSON-schema dict, or a class (dataclass, TypedDict, attrs, pydantic) to derive one from."""
    from ollixir_api.models import JsonSchema

    if value == "json":
        return "json"
    if isinstance(value, str):
        raise RequestError(
            f"format must be 'json', a JSON schema dict or a class; got {value!r}", param="format"
        )
    from .._schema.schema import json_schema_for

    try:
        schema = json_schema_for(value)
    except RequestError:
        raise
    except Exception as exc:  # a user class whose schema cannot be derived
        raise RequestError(
            f"format: cannot derive a JSON schema from {value!r}: {exc}", param="format"
        ) from exc
    return JsonSchema.from_dict(schema)


def to_options(value: object) -> Options:
    from ollixir_api.models import Options

    from .._options import validate_options

    return Options.from_dict(validate_options(value))
