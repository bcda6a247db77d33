"""Tool definitions from functions and by hand, and binding a model's arguments back to the function."""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import warnings
from collections.abc import Sequence
from typing import Annotated, Any, Literal, NotRequired, Optional, TypedDict

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ollixir import tools
from ollixir._errors import RequestError
from ollixir.tools import ToolArgumentError, ToolSchemaWarning


class Unit(enum.Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


@dataclasses.dataclass
class Point:
    """A point on the map.

    Attributes:
        lat: Latitude in degrees.
    """

    lat: float
    lon: float = dataclasses.field(default=0.0, metadata={"description": "Longitude in degrees."})


class Filters(TypedDict):
    country: str
    max_results: NotRequired[int]


@attrs.define
class Window:
    start: int
    _label: str = "w"


def get_weather(city: str, unit: Unit = Unit.CELSIUS, days: int = 1) -> str:
    """Get the current weather for a city.

    Args:
        city: The city name, in English.
        unit (Unit): Temperature unit.
        days: How many days
            to forecast.

    Returns:
        A sentence.
    """
    return f"{city}:{unit.value}:{days}"


def test_simple_function_google_docstring() -> None:
    # Python defaults are not sent (the server drops `default`), and nothing else was lost: no warning.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        built = tools.from_function(get_weather)
    assert built == {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Get the current weather for a city.",
            "parameters": {
                "type": "object",
                "properties": {
                    "city": {"type": "string", "description": "The city name, in English."},
                    "unit": {
                        "type": "string",
                        "enum": ["celsius", "fahrenheit"],
                        "description": "Temperature unit.",
                    },
                    "days": {"type": "integer", "description": "How many days to forecast."},
                },
                "required": ["city"],
            },
        },
    }


def numpy_style(a: int, b: float) -> float:
    """Multiply two numbers.

    Longer explanation that also
    belongs to the description.

    Parameters
    ----------
    a : int
        The first factor.
    b : float
        The second factor.

    Returns
    -------
    float
    """
    return a * b


def rest_style(path: str, mode: Literal["r", "w"] = "r") -> None:
    """Open a file.

    :param path: Where the file is.
    :param mode: How to open it.
    :returns: nothing
    """


def test_numpy_and_rest_docstrings() -> None:
    numpy_tool = tools.from_function(numpy_style)["function"]
    assert (
        numpy_tool["description"]
        == "Multiply two numbers.\n\nLonger explanation that also belongs to the description."
    )
    assert numpy_tool["parameters"]["properties"] == {
        "a": {"type": "integer", "description": "The first factor."},
        "b": {"type": "number", "description": "The second factor."},
    }
    rest_tool = tools.from_function(rest_style)["function"]
    assert rest_tool["description"] == "Open a file."
    assert rest_tool["parameters"]["properties"]["path"] == {
        "type": "string",
        "description": "Where the file is.",
    }
    assert rest_tool["parameters"]["properties"]["mode"] == {
        "type": "string",
        "enum": ["r", "w"],
        "description": "How to open it.",
    }


def everything(
    tags: list[str],
    scores: dict[str, float],
    pair: tuple[int, str],
    many: tuple[int, ...],
    unique: set[int],
    seq: Sequence[bool],
    maybe: str | None,
    old_maybe: Optional[int],  # noqa: UP045 - the old spelling must work too
    either: int | str,
    level: Level,
    mixed: Literal[1, "x", True, None],
    point: Point,
    filters: Filters,
    window: Window,
    anything: Any,
    described: Annotated[int, "Annotated descriptions win."] = 3,
) -> None:
    """Everything at once.

    Args:
        described: This loses to the annotation.
    """


def test_supported_annotations() -> None:
    # What the server would drop is left out and named once: dict value types, tuple shapes, set uniqueness.
    with pytest.warns(ToolSchemaWarning) as caught:
        built = tools.from_function(everything)
    assert len(caught) == 1
    assert str(caught[0].message) == (
        "tool 'everything': the Ollama server ignores these JSON Schema keywords, so they were left out: "
        "'scores': additionalProperties; 'pair': prefixItems, minItems, maxItems; 'unique': uniqueItems "
        "(a parameter keeps only type, description, enum, items, anyOf, properties and required; describe "
        "other constraints in its description)"
    )
    props = built["function"]["parameters"]["properties"]
    assert props["tags"] == {"type": "array", "items": {"type": "string"}}
    assert props["scores"] == {"type": "object"}
    assert props["pair"] == {"type": "array"}
    assert props["many"] == {"type": "array", "items": {"type": "integer"}}
    assert props["unique"] == {"type": "array", "items": {"type": "integer"}}
    assert props["seq"] == {"type": "array", "items": {"type": "boolean"}}
    assert props["maybe"] == {"type": ["string", "null"]}
    assert props["old_maybe"] == {"type": ["integer", "null"]}
    assert props["either"] == {"type": ["integer", "string"]}
    assert props["level"] == {"type": "integer", "enum": [1, 2]}
    assert props["mixed"] == {"type": ["integer", "string", "boolean", "null"], "enum": [1, "x", True, None]}
    assert props["point"] == {
        "type": "object",
        "properties": {
            "lat": {"type": "number", "description": "Latitude in degrees."},
            "lon": {"type": "number", "description": "Longitude in degrees."},
        },
        "required": ["lat"],
        "description": "A point on the map.",
    }
    assert props["filters"] == {
        "type": "object",
        "properties": {"country": {"type": "string"}, "max_results": {"type": "integer"}},
        "required": ["country"],
    }
    assert props["window"] == {
        "type": "object",
        "properties": {"start": {"type": "integer"}, "label": {"type": "string"}},
        "required": ["start"],
    }
    assert props["anything"] == {}
    assert props["described"] == {"type": "integer", "description": "Annotated descriptions win."}
    required = built["function"]["parameters"]["required"]
    assert required == [name for name in props if name != "described"]


@pytest.mark.filterwarnings("ignore::ollixir.tools.ToolSchemaWarning")
def test_output_is_deterministic_and_json() -> None:
    first = json.dumps(tools.from_function(everything))
    assert first == json.dumps(tools.from_function(everything))
    assert list(json.loads(first)["function"]["parameters"]["properties"]) == list(
        everything.__code__.co_varnames[: everything.__code__.co_argcount]
    )


def test_nullable_structured_member_uses_type_list_and_union_of_objects_uses_any_of() -> None:
    def f(point: Point | None, choice: Point | Filters) -> None:
        """F."""

    props = tools.from_function(f)["function"]["parameters"]["properties"]
    assert props["point"]["type"] == ["object", "null"]
    assert [member["type"] for member in props["choice"]["anyOf"]] == ["object", "object"]


def test_methods_partials_callables_and_overrides() -> None:
    class Service:
        def lookup(self, key: str) -> str:
            """Look a key up."""
            return key

        def __call__(self, n: int) -> int:
            """Double a number."""
            return 2 * n

    service = Service()
    assert tools.from_function(service.lookup)["function"]["parameters"]["required"] == ["key"]
    assert tools.from_function(service)["function"]["name"] == "Service"
    assert tools.from_function(service)["function"]["description"] == "Double a number."
    partial = functools.partial(get_weather, unit=Unit.FAHRENHEIT)
    function = tools.from_function(partial)["function"]
    assert function["name"] == "get_weather"
    assert function["parameters"]["required"] == ["city"]  # the partial's keyword keeps unit optional

    def helper(x: int) -> int:
        """Internal wording."""
        return x

    renamed = tools.from_function(helper, name="identity", description="Returns x.")
    assert renamed["function"]["name"] == "identity" and renamed["function"]["description"] == "Returns x."


def _star_args(*values: int) -> None: ...
def _star_kwargs(**options: str) -> None: ...
def _untyped(x) -> None: ...  # type: ignore[no-untyped-def]
def _bytes(data: bytes) -> None: ...
def _complex(z: complex) -> None: ...
def _int_keys(m: dict[int, str]) -> None: ...


@pytest.mark.parametrize(
    ("fn", "message"),
    [
        (_star_args, r"function '_star_args': \*values cannot be described"),
        (_star_kwargs, r"function '_star_kwargs': \*\*options cannot be described"),
        (_untyped, r"function '_untyped', parameter 'x' has no type annotation"),
        (_bytes, r"function '_bytes', parameter 'data': bytes cannot travel in JSON"),
        (_complex, r"function '_complex', parameter 'z': unsupported type annotation <class 'complex'>"),
        (_int_keys, r"function '_int_keys', parameter 'm': mapping keys must be str"),
        (lambda x: x, "a lambda has no usable name"),
    ],
)
def test_unsupported_functions(fn: Any, message: str) -> None:
    with pytest.raises(RequestError, match=message):
        tools.from_function(fn)


@dataclasses.dataclass
class Node:
    children: list[Node]


def test_recursive_dataclass_is_refused() -> None:
    def walk(root: Node) -> None: ...

    with pytest.raises(RequestError, match="recursive type"):
        tools.from_function(walk)


# ---- define() and normalize_tool() ----------------------------------------------------------------------


def test_define() -> None:
    with pytest.warns(ToolSchemaWarning, match=r"'limit': default, minimum \(") as caught:
        tool = tools.define(
            "search",
            "Search the catalogue.",
            {
                "query": {"type": "string", "description": "Words to find.", "required": True},
                "limit": {"type": "integer", "default": 10, "minimum": 1},
                "kind": {"type": "string", "enum": ["book", "film"]},
                "tags": {"type": "array", "items": {"type": "string"}},
                "range": {
                    "type": "object",
                    "properties": {"from": {"type": "integer", "required": True}, "to": {"type": "integer"}},
                    "required": ["to"],
                },
                "maybe": {"type": ["number", "null"]},
            },
        )
    assert len(caught) == 1
    assert tool == {
        "type": "function",
        "function": {
            "name": "search",
            "description": "Search the catalogue.",
            "parameters": {
                "type": "object",
                "properties": {
                    "query": {"type": "string", "description": "Words to find."},
                    "limit": {"type": "integer"},
                    "kind": {"type": "string", "enum": ["book", "film"]},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "range": {
                        "type": "object",
                        "properties": {"from": {"type": "integer"}, "to": {"type": "integer"}},
                        "required": ["from", "to"],
                    },
                    "maybe": {"type": ["number", "null"]},
                },
                "required": ["query"],
            },
        },
    }


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"x": {"type": "str"}}, "unknown type 'str'"),
        ({"x": {}}, "missing 'type'"),
        ({"x": {"type": "string", "enum": "a,b"}}, "'enum' must be a non-empty list"),
        ({"x": {"type": "integer", "enum": ["a"]}}, "enum value 'a' does not match type integer"),
        ({"x": {"type": "string", "items": {"type": "string"}}}, "'items' only applies to arrays"),
        ({"x": {"type": "array", "items": {"type": "nope"}}}, r"tool 'f'\.x\.items: unknown type 'nope'"),
        (
            {"x": {"type": "string", "desription": "typo"}},
            "unknown spec key 'desription'; did you mean 'description'",
        ),
        ({"x": {"type": "string", "required": "yes"}}, "'required' must be true/false"),
        ({"x": {"type": "string", "required": True, "default": "a"}}, "cannot also be required"),
        ({"x": {"type": "number", "default": float("nan")}}, "'default' must be JSON-serialisable"),
        (
            {"x": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["b"]}},
            "'b' is not among",
        ),
        ({1: {"type": "string"}}, "parameter names must be non-empty strings"),
        ({"x": "string"}, "a parameter spec must be a mapping"),
    ],
)
def test_define_rejects_malformed_specs(parameters: Any, message: str) -> None:
    with pytest.raises(RequestError, match=message):
        tools.define("f", "d", parameters)


def test_define_rejects_bad_names() -> None:
    for name in ("", "two words", 3):
        with pytest.raises(RequestError, match="tool name"):
            tools.define(name)  # type: ignore[arg-type]


def test_normalize_tool() -> None:
    raw = {"function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}
    normalized = tools.normalize_tool(raw)
    assert normalized == {"type": "function", **raw}
    normalized["function"]["name"] = "changed"
    assert raw["function"]["name"] == "f"  # a copy, not the caller's dict

    class ToolModel:
        def to_dict(self) -> dict[str, Any]:
            return {"type": "function", "function": {"name": "g", "description": "G."}}

    assert tools.normalize_tool(ToolModel())["function"]["name"] == "g"
    assert tools.normalize_tool(get_weather) == tools.from_function(get_weather)
    for bad, message in (
        ({"type": "retrieval", "function": {"name": "f"}}, "tool type must be 'function'"),
        ({"type": "function"}, "needs a 'function' object"),
        ({"function": {"name": ""}}, "non-empty 'name'"),
        ({"function": {"name": "f", "parameters": "x"}}, "'parameters' must be an object"),
        (42, "a tool must be a dict"),
    ):
        with pytest.raises(RequestError, match=message):
            tools.normalize_tool(bad)


# ---- calling tools with model arguments -----------------------------------------------------------------


def plan_trip(
    destination: Point,
    /,
    travellers: list[Filters],
    unit: Unit = Unit.CELSIUS,
    window: Window | None = None,
    level: Level = Level.LOW,
    tags: frozenset[str] = frozenset(),
    pair: tuple[int, str] = (0, ""),
) -> dict[str, Any]:
    """Plan a trip."""
    return {
        "destination": destination,
        "travellers": travellers,
        "unit": unit,
        "window": window,
        "level": level,
        "tags": tags,
        "pair": pair,
    }


def test_call_tool_converts_nested_types() -> None:
    result = tools.call_tool(
        plan_trip,
        {
            "destination": {"lat": 48.8, "lon": 2},
            "travellers": [{"country": "FR"}, {"country": "DE", "max_results": "5"}],
            "unit": "fahrenheit",
            "window": {"start": 3, "label": "x"},
            "level": 2,
            "tags": ["a", "b", "a"],
            "pair": [1, "one"],
        },
    )
    assert result == {
        "destination": Point(48.8, 2.0),
        "travellers": [{"country": "FR"}, {"country": "DE", "max_results": 5}],
        "unit": Unit.FAHRENHEIT,
        "window": Window(3, "x"),
        "level": Level.HIGH,
        "tags": frozenset({"a", "b"}),
        "pair": (1, "one"),
    }
    args, kwargs = tools.bind_arguments(plan_trip, {"destination": {"lat": 1}, "travellers": []})
    assert args == (Point(1.0),) and kwargs == {"travellers": []}


def test_lenient_conversions_models_need() -> None:
    def f(n: int, x: float, flag: bool, items: list[int], unit: Unit, either: int | str) -> tuple[Any, ...]:
        return n, x, flag, items, unit, either

    assert tools.call_tool(
        f, {"n": "7", "x": "2.5", "flag": "true", "items": "[1, 2]", "unit": "CELSIUS", "either": "3"}
    ) == (7, 2.5, True, [1, 2], Unit.CELSIUS, "3")
    assert tools.call_tool(
        f, {"n": 7.0, "x": 2, "flag": False, "items": [], "unit": "celsius", "either": 3}
    ) == (
        7,
        2.0,
        False,
        [],
        Unit.CELSIUS,
        3,
    )


def test_argument_errors_are_collected() -> None:
    with pytest.raises(ToolArgumentError) as caught:
        tools.call_tool(plan_trip, {"destnation": {}, "travellers": [{"country": 1}], "unit": "kelvin"})
    error = caught.value
    assert error.tool == "plan_trip"
    assert error.problems == [
        "unexpected argument 'destnation' (did you mean 'destination'?)",
        "missing required argument 'destination'",
        "argument 'travellers[0].country': expected a string, got number 1",
        "argument 'unit': expected one of \"celsius\", \"fahrenheit\", got string 'kelvin'",
    ]
    assert str(error).startswith("invalid arguments for tool 'plan_trip': unexpected argument")
    assert isinstance(error, RequestError)


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ([1, 2], "arguments must be a JSON object, got an array"),
        (
            {"destination": {"lat": 1, "alt": 3}, "travellers": []},
            "argument 'destination.alt': unexpected field",
        ),
        (
            {"destination": {"lat": "north"}, "travellers": []},
            "argument 'destination.lat': expected a number",
        ),
        ({"destination": {"lat": 1}, "travellers": [], "pair": [1]}, "expected an array of 2 items, got 1"),
        ({"destination": {"lat": 1}, "travellers": [], "window": 5}, "argument 'window': expected an object"),
        (
            {"destination": {"lat": 1}, "travellers": [], "level": True},
            "argument 'level': expected one of 1, 2",
        ),
    ],
)
def test_argument_errors(arguments: Any, problem: str) -> None:
    with pytest.raises(ToolArgumentError, match=problem.replace("(", r"\(").replace("[", r"\[")):
        tools.bind_arguments(plan_trip, arguments)


def test_none_arguments_mean_empty() -> None:
    def ping() -> str:
        return "pong"

    assert tools.call_tool(ping, None) == "pong"


@given(
    st.dictionaries(
        st.sampled_from(["destination", "travellers", "unit", "window", "level", "tags", "pair"])
        | st.text(max_size=8),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
            lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
            max_leaves=8,
        ),
        max_size=5,
    )
)
def test_bind_only_raises_tool_argument_error(arguments: dict[str, Any]) -> None:
    try:
        args, kwargs = tools.bind_arguments(plan_trip, arguments)
    except ToolArgumentError as error:
        assert error.problems
    else:
        assert isinstance(args, tuple) and isinstance(kwargs, dict)
