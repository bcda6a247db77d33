"""Turning the many shapes users pass (dicts, generated models, classes, paths) into generated
request models. Shared by every operation that takes messages, tools, formats or options."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from .._errors import RequestError

if TYPE_CHECKING:
    from ollixir_api.models import JsonSchema, Message, Options, Tool

__all__ = ["build", "to_format", "to_messages", "to_options", "to_tools", "to_plain_dict"]

T = TypeVar("T")


def build(from_dict: Callable[[dict[str, Any]], T], data: dict[str, Any], param: str) -> T:
    """A generated request model from user data; a value of the wrong shape is a :class:`RequestError`
    naming where it sits (``messages[2].tool_calls[0].function.arguments``)."""
    from ollixir_api.types import ShapeError

    try:
        return from_dict(data)
    except ShapeError as exc:
        where = f"{param}.{exc.path}" if exc.path and exc.path[0] != "[" else param + exc.path
        raise RequestError(f"{where}: {exc.cause}", param=param.split(".")[0].split("[")[0]) from exc


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
        images = data.pop("images", None)
        calls = data.get("tool_calls")
        if calls is not None:
            data["tool_calls"] = [to_plain_dict(c, f"{where}.tool_calls") for c in calls]
        built = build(message, data, where)
        if images is not None:
            # Set after the checks: binary images stay bytes until the body is written
            # (_jsonbody.Base64Data), which the model's string check would reject.
            built.images = cast("list[str]", prepare_images(images, param=f"{where}.images"))
        out.append(built)
    return out


def to_tools(tools: object) -> list[Tool]:
    from ollixir_api.models import Tool

    from ..tools import normalize_tool

    if isinstance(tools, str | bytes | Mapping) or not isinstance(tools, Sequence):
        raise RequestError("tools must be a list of tools (dicts, Tool objects or functions)", param="tools")
    return [build(Tool.from_dict, normalize_tool(t), f"tools[{i}]") for i, t in enumerate(tools)]


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
    return build(JsonSchema.from_dict, schema, "format")


def to_options(value: object) -> Options:
    from ollixir_api.models import Options

    from .._options import validate_options

    return build(Options.from_dict, validate_options(value), "options")
