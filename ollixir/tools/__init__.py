"""Tools for function calling: definitions from Python callables or by hand, and calling them with the
arguments a model sends back.

::

    def get_weather(city: str, unit: Literal["C", "F"] = "C") -> str:
        \"\"\"Current weather for a city.

        Args:
            city: The city name, in English.
            unit: Temperature unit.
        \"\"\"

    tool = tools.from_function(get_weather)
    ...
    result = tools.call_tool(get_weather, call["function"]["arguments"])

Definitions hold only what the Ollama server keeps. The server decodes tool parameters into fixed structs
and silently drops every JSON Schema keyword they do not declare: a parameter keeps ``type``,
``description``, ``enum``, ``items``, ``anyOf``, ``properties`` and ``required`` (the parameters object:
``type``, ``$defs``, ``items``, ``required``, ``properties``; whatever is inside ``items`` and ``$defs`` is
kept whole). :func:`from_function` and :func:`define` leave the other keywords out too, so what you see is
what the model gets, and emit one :class:`ToolSchemaWarning` (a ``UserWarning``) per tool naming the dropped
keywords and their parameters, e.g. ``minimum`` or ``format`` (put such constraints into the description
instead). Python defaults are not sent and not warned about: the model leaves the argument out to get
them. A ``$ref`` where the server reads a parameter is replaced by its definition; a recursive one cannot
be, and is reported as dropped. Tool dicts you write yourself are sent as they are.
"""

from ._build import (
    ToolArgumentError,
    ToolSchemaWarning,
    bind_arguments,
    call_tool,
    define,
    from_function,
    normalize_tool,
)
from ._loop import ToolLoopError, ToolRun, arun, run

__all__ = [
    "ToolArgumentError",
    "ToolLoopError",
    "ToolRun",
    "ToolSchemaWarning",
    "arun",
    "bind_arguments",
    "call_tool",
    "define",
    "from_function",
    "normalize_tool",
    "run",
]
