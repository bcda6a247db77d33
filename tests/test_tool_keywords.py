"""Tool definitions built by ollixir hold only the JSON Schema keywords the Ollama server keeps.

The server decodes ``function.parameters`` into ``ToolFunctionParameters`` and each property into
``ToolProperty`` (api/types.go, ollama/ollama v0.33.0-rc2) with plain ``encoding/json``: undeclared keys
vanish, ``items`` and ``$defs`` (Go ``any``) are kept whole. ``server_decode`` below transcribes those two
structs independently of ollixir's own table; every built definition must be a fixed point of it, and the
warning must name exactly what the decoding would have removed.
"""

from __future__ import annotations

import dataclasses
import datetime
import uuid
import warnings
from typing import Annotated, Any, TypedDict

import pydantic
import pytest

import ollixir
from ollixir import tools
from ollixir.testing import OllamaTestServer
from ollixir.tools import ToolSchemaWarning
from ollixir.tools._keywords import PARAMETERS_KEYWORDS, PROPERTY_KEYWORDS
from ollixir.tools._spec import check_parameters

# type ToolFunctionParameters struct: json tags of its fields.
GO_PARAMETERS = {"type": "plain", "$defs": "any", "items": "any", "required": "plain", "properties": "map"}
# type ToolProperty struct: json tags of its fields.
GO_PROPERTY = {
    "anyOf": "list",
    "type": "plain",
    "items": "any",
    "description": "plain",
    "enum": "plain",
    "properties": "map",
    "required": "plain",
}


def _decode(node: Any, fields: dict[str, str]) -> Any:
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        kind = fields.get(key)
        if kind == "map" and isinstance(value, dict):
            out[key] = {name: _decode(sub, GO_PROPERTY) for name, sub in value.items()}
        elif kind == "list" and isinstance(value, list):
            out[key] = [_decode(member, GO_PROPERTY) for member in value]
        elif kind is not None:
            out[key] = value
    return out


def server_decode(parameters: dict[str, Any]) -> dict[str, Any]:
    """What survives the server's decoding of ``function.parameters``."""
    decoded: dict[str, Any] = _decode(parameters, GO_PARAMETERS)
    return decoded


def removed(before: Any, after: Any, where: str = "") -> dict[str, list[str]]:
    """Keys present in ``before`` but not in ``after``, per dotted property path (property positions only)."""
    found: dict[str, list[str]] = {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return found
    gone = [key for key in before if key not in after]
    if gone:
        found[where] = gone
    for name, sub in before.get("properties", {}).items():
        path = f"{where}.{name}" if where else name
        for key, value in removed(sub, after.get("properties", {}).get(name), path).items():
            found.setdefault(key, []).extend(value)
    for member, kept in zip(before.get("anyOf", []), after.get("anyOf", []), strict=True):
        for key, value in removed(member, kept, where).items():
            found.setdefault(key, []).extend(k for k in value if k not in found.get(key, []))
    return found


def walk(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every mapping below ``node`` with its key path (``properties.a.items``)."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found += walk(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += walk(item, f"{path}[{index}]")
    return found


# ---- fixtures: functions, classes and specs -------------------------------------------------------------


@dataclasses.dataclass
class Window:
    """A time window."""

    start: datetime.datetime
    hours: int = 1


class Filters(TypedDict):
    tags: set[str]
    limits: dict[str, int]


class Limits(pydantic.BaseModel):
    """Numeric limits."""

    low: int = pydantic.Field(ge=0, description="Lowest value")
    high: float = pydantic.Field(default=10.0, le=100)
    label: str = pydantic.Field(default="x", pattern="^[a-z]+$", title="The label")


class Node(pydantic.BaseModel):
    """A tree node."""

    value: int
    children: list[Node] = []


class Chain(pydantic.BaseModel):
    value: int
    next: Chain | None = None


def plain(city: str, days: int = 1, unit: str = "C", when: datetime.date | None = None) -> None:
    """Only keywords the server keeps, except the date's format."""


def records(window: Window, filters: Filters, ids: list[uuid.UUID], pair: tuple[int, str]) -> None:
    """Records and collections."""


def models(limits: Limits, tree: Node, chain: Chain) -> None:
    """Pydantic models, two of them recursive."""


def described(n: Annotated[int, "How many."] = 2, stamps: list[datetime.datetime] | None = None) -> None:
    """Nothing is lost here: formats inside items are kept."""


class Tool:
    """A class used as a tool: its constructor is the signature."""

    def __init__(self, when: datetime.time, count: int = 3) -> None:
        self.when, self.count = when, count


FUNCTIONS = [plain, records, models, described, Tool]

SPECS: list[dict[str, Any]] = [
    {"q": {"type": "string", "required": True, "minLength": 1, "title": "Query"}},
    {
        "limit": {"type": "integer", "default": 10, "minimum": 1, "maximum": 50},
        "range": {
            "type": "object",
            "properties": {"from": {"type": "string", "format": "date", "required": True}},
            "additionalProperties": False,
        },
        "ids": {"type": "array", "items": {"type": "string", "format": "uuid"}, "uniqueItems": True},
        "either": {"anyOf": [{"type": "string", "pattern": "^a"}, {"type": "integer", "multipleOf": 2}]},
        "level": {"type": "string", "enum": ["a", "b"], "const": "a", "examples": ["a"]},
    },
]


def _built(fn: Any) -> dict[str, Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ToolSchemaWarning)
        return tools.from_function(fn)


# ---- the keyword table --------------------------------------------------------------------------------


def test_keyword_table_matches_the_go_structs() -> None:
    assert set(PARAMETERS_KEYWORDS) == set(GO_PARAMETERS)
    assert set(PROPERTY_KEYWORDS) == set(GO_PROPERTY)


# ---- what is sent is what the server keeps ------------------------------------------------------------


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
def test_functions_and_classes_survive_server_decoding(fn: Any) -> None:
    parameters = _built(fn)["function"]["parameters"]
    assert server_decode(parameters) == parameters


@pytest.mark.parametrize("spec", SPECS, ids=["small", "many"])
def test_define_survives_server_decoding(spec: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ToolSchemaWarning)
        parameters = tools.define("t", "d", spec)["function"]["parameters"]
    assert server_decode(parameters) == parameters


@pytest.mark.parametrize("spec", SPECS, ids=["small", "many"])
def test_define_warns_once_with_exactly_what_the_server_drops(spec: dict[str, Any]) -> None:
    checked = check_parameters(spec, "tool 't'")  # the spec as written, before the cut
    expected = removed(checked, server_decode(checked))
    assert expected  # the specs do use dropped keywords
    with pytest.warns(ToolSchemaWarning) as caught:
        tools.define("t", "d", spec)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert message.startswith("tool 't': the Ollama server ignores these JSON Schema keywords")
    listed = message.split("left out: ", 1)[1].split(" (a parameter keeps only", 1)[0]
    assert listed == "; ".join(f"{where!r}: {', '.join(keys)}" for where, keys in expected.items())


def test_keywords_inside_items_are_kept_as_the_server_keeps_them() -> None:
    with pytest.warns(ToolSchemaWarning, match=r"'ids': uniqueItems; ") as caught:
        tool = tools.define("t", "d", SPECS[1])
    assert "'ids': format" not in str(caught[0].message)
    assert tool["function"]["parameters"]["properties"]["ids"] == {
        "type": "array",
        "items": {"type": "string", "format": "uuid"},
    }


def test_function_warning_names_parameter_paths() -> None:
    with pytest.warns(ToolSchemaWarning) as caught:
        tools.from_function(records)
    assert len(caught) == 1
    assert "left out: 'window.start': format; 'filters.tags': uniqueItems; 'filters.limits': " in str(
        caught[0].message
    )
    assert "'pair': prefixItems, minItems, maxItems" in str(caught[0].message)
    assert caught[0].filename == __file__  # points at the caller


def test_nothing_dropped_means_no_warning() -> None:
    """Python defaults (and pydantic's generated titles) are derived, not asked for: left out silently."""
    web_tools = list(ollixir.web.functions(ollixir.Client("http://127.0.0.1:9")))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for candidate in [described, moved, get_weather_like, *web_tools]:
            built = tools.from_function(candidate)
            assert all("default" not in node and "title" not in node for _, node in walk(built))
            assert server_decode(built["function"]["parameters"]) == built["function"]["parameters"]


def get_weather_like(city: str, unit: str = "celsius", days: int = 1) -> str:
    """Weather, with defaults only."""
    return city


class Point(pydantic.BaseModel):
    x: float = 0.0
    y: float = pydantic.Field(default=0.0, description="Up.")


def moved(point: Point, steps: int = 1) -> None:
    """Move a point."""


def test_pydantic_defaults_titles_and_constraints() -> None:
    with pytest.warns(ToolSchemaWarning) as caught:
        tool = tools.from_function(models)
    message = str(caught[0].message)
    assert "'limits.low': minimum; 'limits.high': maximum; 'limits.label': pattern" in message
    assert "title" not in message and "default" not in message
    limits = tool["function"]["parameters"]["properties"]["limits"]
    assert limits["properties"]["low"] == {"description": "Lowest value", "type": "integer"}
    assert limits["description"] == "Numeric limits."


# ---- $ref and $defs -----------------------------------------------------------------------------------


def test_recursive_models_keep_refs_only_where_the_server_reads_them() -> None:
    parameters = _built(models)["function"]["parameters"]
    tree = parameters["properties"]["tree"]
    # The property itself is inlined (a $ref there would be dropped) ...
    assert tree["type"] == "object" and tree["properties"]["value"] == {"type": "integer"}
    # ... while the reference inside items, which the server keeps whole, stays and resolves.
    assert tree["properties"]["children"]["items"] == {"$ref": "#/$defs/Node"}
    assert set(parameters["$defs"]) == {"Node"}  # Chain is not referenced from any kept place
    assert parameters["$defs"]["Node"]["properties"]["children"]["items"] == {"$ref": "#/$defs/Node"}
    # $defs only at the top, never inside a property, where the server would drop it.
    assert [path for path, node in walk(parameters["properties"]) if "$defs" in node] == []
    refs = [path for path, node in walk(parameters) if "$ref" in node]
    assert all(".items" in path or path.startswith("$defs") for path in refs), refs


def test_a_recursive_ref_the_server_cannot_read_is_reported() -> None:
    with pytest.warns(ToolSchemaWarning, match=r"'chain\.next': \$ref") as caught:
        tool = tools.from_function(models)
    assert len(caught) == 1
    chain = tool["function"]["parameters"]["properties"]["chain"]
    assert chain["properties"]["next"] == {"anyOf": [{}, {"type": "null"}]}


def test_definitions_with_the_same_name_are_kept_apart() -> None:
    def make(kind: type) -> type[pydantic.BaseModel]:
        class Item(pydantic.BaseModel):
            value: kind  # type: ignore[valid-type]
            more: list[Item] = []

        return Item

    def both(a: Any, b: Any) -> None:
        """Two different classes named Item."""

    both.__annotations__ = {"a": make(int), "b": make(str), "return": None}

    parameters = _built(both)["function"]["parameters"]
    a, b = parameters["properties"]["a"], parameters["properties"]["b"]
    assert a["properties"]["more"]["items"] == {"$ref": "#/$defs/Item"}
    assert b["properties"]["more"]["items"] == {"$ref": "#/$defs/Item_2"}
    assert parameters["$defs"]["Item"]["properties"]["value"]["type"] == "integer"
    assert parameters["$defs"]["Item_2"]["properties"]["value"]["type"] == "string"
    assert parameters["$defs"]["Item_2"]["properties"]["more"]["items"] == {"$ref": "#/$defs/Item_2"}


# ---- on the wire ----------------------------------------------------------------------------------------


def test_the_client_sends_the_built_definition_unchanged(ollama_server: OllamaTestServer) -> None:
    expected = _built(models)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ToolSchemaWarning)
        with ollixir.init(ollama_server.url) as client:
            client.chat("llama3.2", [{"role": "user", "content": "hi"}], tools=[models])
    [sent] = [r for r in ollama_server.requests if r.path == "/api/chat"]
    assert sent.json["tools"] == [expected]
