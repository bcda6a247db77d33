"""Option validation (wire reference §2.3) and the presets."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ollixir import presets
from ollixir._errors import RequestError
from ollixir._options import OPTION_TYPES, parse_parameter, validate_options


def test_option_table_matches_the_reference() -> None:
    assert len(OPTION_TYPES) == 20
    assert OPTION_TYPES["temperature"] == "float"
    assert OPTION_TYPES["num_ctx"] == "int"
    assert OPTION_TYPES["use_mmap"] == "bool"
    assert OPTION_TYPES["stop"] == "stop"


def test_valid_options_are_typed() -> None:
    options = {
        "temperature": 1,
        "top_p": 0.9,
        "num_ctx": 4096.0,
        "seed": -1,
        "stop": ("a", "b"),
        "use_mmap": False,
        "main_gpu": None,
        "num_predict": 128,
    }
    checked = validate_options(options)
    assert checked == {
        "temperature": 1.0,
        "top_p": 0.9,
        "num_ctx": 4096,
        "seed": -1,
        "stop": ["a", "b"],
        "use_mmap": False,
        "main_gpu": None,
        "num_predict": 128,
    }
    assert type(checked["temperature"]) is float and type(checked["num_ctx"]) is int
    assert checked is not options


def test_objects_with_to_dict_are_accepted() -> None:
    class Options:
        def to_dict(self) -> dict[str, Any]:
            return {"temperature": 0.5}

    assert validate_options(Options()) == {"temperature": 0.5}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"temprature": 0.5}, "unknown option 'temprature' in options; did you mean 'temperature'?"),
        ({"numctx": 1}, "unknown option 'numctx' in options; did you mean 'num_ctx'"),
        ({"zzz": 1}, "unknown option 'zzz' in options"),
        ({"temperature": "hot"}, "option 'temperature' in options must be a number, got str"),
        ({"temperature": True}, "option 'temperature' in options must be a number, got bool"),
        ({"temperature": float("inf")}, "option 'temperature' in options must be a finite number"),
        ({"num_ctx": 0.5}, "option 'num_ctx' in options must be an integer, got 0.5"),
        ({"num_ctx": True}, "option 'num_ctx' in options must be an integer, got bool"),
        ({"num_ctx": "4096"}, "option 'num_ctx' in options must be an integer, got str"),
        ({"use_mmap": 1}, "option 'use_mmap' in options must be a boolean, got int"),
        ({"stop": "###"}, "option 'stop' in options must be a list of strings, not a bare string"),
        ({"stop": ["a", 1]}, "option 'stop' in options must be a list of strings, got list"),
        ({1: 2}, "options keys must be strings"),
        ("temperature=1", "options must be a mapping"),
    ],
)
def test_invalid_options(options: Any, message: str) -> None:
    with pytest.raises(RequestError) as caught:
        validate_options(options)
    assert message in str(caught.value)
    assert caught.value.param == "options"


def test_param_name_appears_in_messages() -> None:
    with pytest.raises(RequestError, match="unknown option 'x' in parameters") as caught:
        validate_options({"x": 1}, param="parameters")
    assert caught.value.param == "parameters"


def test_deprecated_options_are_dropped_with_a_warning() -> None:
    with pytest.warns(UserWarning, match="option 'mirostat' is deprecated"):
        assert validate_options({"mirostat": 1, "top_k": 3}) == {"top_k": 3}


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=6,
)


@given(
    st.dictionaries(
        st.sampled_from([*OPTION_TYPES, "mirostat", "nope"]) | st.text(max_size=8), _json, max_size=6
    )
)
def test_validate_only_raises_request_error(options: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            checked = validate_options(options)
        except RequestError:
            return
    assert set(checked) <= set(OPTION_TYPES)


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("temperature", "0.7", 0.7),
        ("temperature", "1e-2", 0.01),
        ("top_p", "0x1p-2", 0.25),
        ("num_ctx", "+4096", 4096),
        ("seed", "-1", -1),
        ("use_mmap", "T", True),
        ("use_mmap", "FALSE", False),
        ("stop", "<|end|>", "<|end|>"),
    ],
)
def test_modelfile_parameter_typing(name: str, text: str, value: object) -> None:
    assert parse_parameter(name, text) == value


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("temperature", "inf", "invalid float value [inf]"),
        ("temperature", "1e39", "invalid float value [1e39]"),
        ("temperature", "1_0", "invalid float value [1_0]"),
        ("num_ctx", "1_000", "invalid int value [1_000]"),
        ("num_ctx", "9223372036854775808", "invalid int value [9223372036854775808]"),
        ("use_mmap", "yes", "invalid bool value [yes]"),
        ("nope", "1", "unknown parameter 'nope'"),
    ],
)
def test_modelfile_parameter_errors(name: str, text: str, message: str) -> None:
    with pytest.raises(RequestError, match=message.replace("[", r"\[")):
        parse_parameter(name, text)


# ---- presets --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(presets.PRESETS))
def test_presets_are_valid_and_fresh(name: str) -> None:
    preset = presets.PRESETS[name]
    first = preset()
    assert validate_options(first) == first
    first["temperature"] = 99
    assert preset().get("temperature") != 99


def test_documented_preset_values() -> None:
    assert presets.creative() == {"temperature": 1.0, "top_p": 0.95, "top_k": 60, "repeat_penalty": 1.1}
    assert presets.precise()["temperature"] == 0.1
    assert presets.large_context()["num_ctx"] == 32768


def test_merge() -> None:
    merged = presets.merge(
        presets.creative(), "precise", {"stop": ["x"]}, presets.code, temperature=0.3, top_k=None
    )
    assert merged == {
        "temperature": 0.3,
        "top_p": 0.9,
        "repeat_penalty": 1.0,
        "seed": 42,
        "stop": ["x"],
    }
    assert presets.merge() == {}
    with pytest.raises(RequestError, match="unknown preset 'wild'"):
        presets.merge("wild")
    with pytest.raises(RequestError, match="did you mean 'temperature'"):
        presets.merge(presets.chat(), temprature=0.1)
    with pytest.raises(RequestError, match="must be a list of strings"):
        presets.merge(stop="x")
