"""Tool definitions from Python callables or by hand, and calling a tool with a model's arguments."""

from __future__ import annotations

import difflib
import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from ollixir._errors import RequestError
from ollixir._schema.coerce import CoercionError, coerce, describe_value
from ollixir._schema.docstrings import parse_docstring
from ollixir._schema.schema import schema_for_type
from ollixir.tools._keywords import ToolSchemaWarning, server_parameters, warn_dropped
from ollixir.tools._spec import check_parameters, check_tool_dict, plain
from ollixir.tools._web import web_tool_of

__all__ = [
    "ToolArgumentError",
    "ToolSchemaWarning",
    "bind_arguments",
    "call_tool",
    "define",
    "from_function",
    "normalize_tool",
]

# Derived by the builder from Python itself (signature defaults, pydantic's generated titles), not asked for
# by the caller: left out without a warning.
_DERIVED: frozenset[str] = frozenset({"default", "title"})


class ToolArgumentError(RequestError):
    """The arguments a model sent for a tool do not fit the function.

    The message lists every problem (missing, unexpected and mistyped arguments) and is written to be sent back
    to the model as the tool result, so it can correct the call. ``tool`` is the function name and
    ``problems`` the individual messages.
    """

    def __init__(self, tool: str, problems: list[str]) -> None:
        super().__init__(f"invalid arguments for tool '{tool}': " + "; ".join(problems), param="arguments")
        self.tool = tool
        self.problems = problems


def _unwrap(fn: Callable[..., Any]) -> Any:
    """The object that carries the name and docstring: the wrapped function of a partial or bound method."""
    while isinstance(fn, functools.partial):
        fn = fn.func
    return getattr(fn, "__func__", fn)


def _tool_name(fn: Callable[..., Any]) -> str:
    target = _unwrap(fn)
    if inspect.isroutine(target) or inspect.isclass(target):
        return str(target.__name__)
    return type(target).__name__


def _docstring(fn: Callable[..., Any]) -> str | None:
    target = _unwrap(fn)
    if inspect.isroutine(target):
        return target.__doc__
    if inspect.isclass(target):
        doc = target.__dict__.get("__doc__")
        # A dataclass without a docstring gets "Name(field: type, ...)" invented for it; that is not a description.
        return None if not isinstance(doc, str) or doc.startswith(f"{target.__name__}(") else doc
    # Only callable instances get here, so their class defines __call__.
    return type(target).__call__.__doc__ or type(target).__doc__


def _signature(fn: Callable[..., Any], label: str) -> inspect.Signature:
    try:
        return inspect.signature(fn, eval_str=True)
    except NameError as error:
        raise RequestError(
            f"cannot resolve the type annotations of {label}: {error}", param="tools"
        ) from None
    except (TypeError, ValueError) as error:
        raise RequestError(
            f"{label} has no signature that can be inspected: {error}", param="tools"
        ) from None


def _check_kind(parameter: inspect.Parameter, label: str) -> None:
    if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
        raise RequestError(
            f"{label}: *{parameter.name} cannot be described as a tool parameter", param="tools"
        )
    if parameter.kind is inspect.Parameter.VAR_KEYWORD:
        raise RequestError(
            f"{label}: **{parameter.name} cannot be described as a tool parameter", param="tools"
        )


def from_function(
    fn: Callable[..., Any], *, name: str | None = None, description: str | None = None
) -> dict[str, Any]:
    """A tool definition built from a function's signature and docstring.

    The description is the docstring's text before its first section; parameter descriptions come from a
    Google (``Args:``), NumPy (``Parameters``) or reST (``:param x:``) section, or from
    ``Annotated[T, "description"]``, which wins. Parameters without a default are required; defaults are not
    sent (the server drops ``default``; the model leaves the argument out instead). Supported annotations:
    ``str``, ``int``, ``float``, ``bool``, ``None``, ``list``/``Sequence``/``set``/``tuple``, ``dict[str, T]``,
    unions and ``Optional`` (as a ``type`` list), ``Literal`` and ``Enum`` (as ``enum``), dataclasses,
    TypedDicts, attrs classes and pydantic models (as nested objects, references inlined),
    ``datetime``/``date``/``time``/``UUID`` (as strings) and ``Any``.

    Keywords the Ollama server would drop (see the module docstring) are left out, and one
    :class:`ToolSchemaWarning` names them with their parameters: the ``format`` of a ``datetime``, the
    ``uniqueItems`` of a ``set``, the item types of a fixed ``tuple`` (``prefixItems``), the value type of a
    ``dict[str, T]`` (``additionalProperties``), pydantic constraints such as ``minimum``. Inside ``items``
    (a ``list[datetime]``, say) the server keeps everything, and so does this builder.

    ``*args``, ``**kwargs``, missing or unsupported annotations raise :class:`~ollixir.RequestError` naming the
    function and parameter. ``name`` and ``description`` override what is derived.
    """
    tool_name = name or _tool_name(fn)
    if not tool_name or tool_name == "<lambda>":
        raise RequestError("a lambda has no usable name; pass name=... or use a def", param="tools")
    label = f"function '{tool_name}'"
    signature = _signature(fn, label)
    doc = parse_docstring(_docstring(fn))
    properties: dict[str, Any] = {}
    required: list[str] = []
    for parameter in signature.parameters.values():
        _check_kind(parameter, label)
        where = f"{label}, parameter '{parameter.name}'"
        if parameter.annotation is inspect.Parameter.empty:
            raise RequestError(f"{where} has no type annotation", param="tools")
        schema = schema_for_type(parameter.annotation, where=where)
        if "description" not in schema and parameter.name in doc.params:
            schema["description"] = doc.params[parameter.name]
        if parameter.default is inspect.Parameter.empty:
            required.append(parameter.name)
        properties[parameter.name] = schema
    parameters, dropped = server_parameters(
        {"type": "object", "properties": properties, "required": required}, silent=_DERIVED
    )
    warn_dropped(tool_name, dropped, stacklevel=2)
    return {
        "type": "function",
        "function": {
            "name": tool_name,
            "description": description if description is not None else doc.description,
            "parameters": parameters,
        },
    }


def define(
    name: str, description: str = "", parameters: Mapping[str, Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """A tool definition written by hand.

    ``parameters`` maps each parameter name to a spec: ``type`` (``string``, ``integer``, ``number``,
    ``boolean``, ``array``, ``object``, ``null``, or a list of them), and optionally ``description``, ``enum``,
    ``items`` (a spec, for arrays), ``properties`` (name -> spec, for objects), ``required`` (``True`` marks the
    parameter required; a list on an object names its required properties), and ``anyOf``. Other standard
    JSON Schema keywords (``default``, ``minimum``, ``format``, ``additionalProperties``, ...) are checked but
    left out, because the Ollama server drops them before the model sees the schema; one
    :class:`ToolSchemaWarning` names them with their parameters (inside ``items`` they are kept, as the
    server keeps them). Parameters are optional unless marked required. Malformed specs raise
    :class:`~ollixir.RequestError`.

    Examples:
        >>> define("get_weather", "Current weather", {"city": {"type": "string", "required": True}})["function"]["name"]
        'get_weather'
    """
    if not isinstance(name, str) or not name or any(char.isspace() for char in name):
        raise RequestError(
            f"tool name must be a non-empty string without spaces, got {name!r}", param="tools"
        )
    if not isinstance(description, str):
        raise RequestError(f"tool '{name}': description must be a string", param="tools")
    kept, dropped = server_parameters(check_parameters(parameters or {}, f"tool '{name}'"))
    warn_dropped(name, dropped, stacklevel=2)
    return {"type": "function", "function": {"name": name, "description": description, "parameters": kept}}


def normalize_tool(tool: object) -> dict[str, Any]:
    """A plain tool dict from a tool dict, a generated ``Tool`` model (anything with ``to_dict()``),
    ollixir's own ``web_search``/``web_fetch`` functions (their ready-made definitions, as in
    :func:`ollixir.web.tools`) or a callable (through :func:`from_function`). Dicts are checked lightly and copied; ``type`` defaults to
    ``"function"``."""
    if isinstance(tool, Mapping):
        return check_tool_dict(tool)
    web = web_tool_of(tool)
    if web is not None:
        definition: dict[str, Any] = plain(web)
        return definition
    to_dict = getattr(tool, "to_dict", None)
    if callable(to_dict) and not inspect.isclass(tool):
        converted = to_dict()
        if isinstance(converted, Mapping):
            return check_tool_dict(converted)
    if callable(tool):
        return from_function(tool)
    raise RequestError(
        f"a tool must be a dict, a Tool model or a callable, not {type(tool).__name__}", param="tools"
    )


def bind_arguments(
    fn: Callable[..., Any], arguments: Mapping[str, Any] | None
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Convert a tool call's JSON ``arguments`` into ``(args, kwargs)`` for ``fn``.

    Values are converted to the declared types (nested dataclasses, TypedDicts, attrs classes, enums,
    lists...). Conversion is forgiving where models commonly slip: quoted numbers and booleans, enum member
    names, and lists or objects sent as JSON text are accepted. Everything that still does not fit is reported
    together in one :class:`ToolArgumentError`.
    """
    tool_name = _tool_name(fn)
    label = f"function '{tool_name}'"
    signature = _signature(fn, label)
    if arguments is None:
        arguments = {}
    if not isinstance(arguments, Mapping):
        raise ToolArgumentError(
            tool_name, [f"arguments must be a JSON object, got {describe_value(arguments)}"]
        )
    problems: list[str] = []
    names = list(signature.parameters)
    for key in arguments:
        if key not in signature.parameters:
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(f"unexpected argument '{key}'{hint}")
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in signature.parameters.values():
        _check_kind(parameter, label)
        if parameter.name in arguments:
            annotation = Any if parameter.annotation is inspect.Parameter.empty else parameter.annotation
            try:
                value = coerce(
                    arguments[parameter.name], annotation, strict=False, extra="forbid", path=parameter.name
                )
            except CoercionError as error:
                problems.append(f"argument '{error.path}': {error.message}")
                continue
        elif parameter.default is inspect.Parameter.empty:
            problems.append(f"missing required argument '{parameter.name}'")
            continue
        elif parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            value = parameter.default  # later positional-only arguments need this slot filled
        else:
            continue
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[parameter.name] = value
    if problems:
        raise ToolArgumentError(tool_name, problems)
    return tuple(args), kwargs


def call_tool(fn: Callable[..., Any], arguments: Mapping[str, Any] | None) -> Any:
    """Call ``fn`` with a tool call's JSON arguments (see :func:`bind_arguments`) and return its result.

    A coroutine function returns its coroutine unawaited; the caller awaits it.
    """
    args, kwargs = bind_arguments(fn, arguments)
    return fn(*args, **kwargs)


# The tool loop lives in _toolloop (it drives a client); re-exported here with the rest of the tool API.
