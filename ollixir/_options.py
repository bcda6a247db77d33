"""The runtime option table (``options`` / ``parameters``) and client-side validation of option values.

The table mirrors the server's ``api.Options`` + ``api.Runner`` structs (wire reference §2.3). The server ignores
unknown keys and only rejects wrong types at inference time with an HTTP 500, so checking here turns a silent
typo or a late server error into an immediate :class:`~ollixir.RequestError`.
"""

from __future__ import annotations

import difflib
import math
import numbers
import warnings
from collections.abc import Mapping
from typing import Any, Final, Literal

from ollixir._errors import RequestError

__all__ = [
    "DEPRECATED_OPTIONS",
    "OPTION_TYPES",
    "OptionKind",
    "parse_parameter",
    "validate_options",
]

OptionKind = Literal["int", "float", "bool", "stop"]

#: Every option key the server understands, with its value kind. ``stop`` is the only list-valued key.
OPTION_TYPES: Final[Mapping[str, OptionKind]] = {
    "num_keep": "int",
    "seed": "int",
    "num_predict": "int",
    "top_k": "int",
    "top_p": "float",
    "min_p": "float",
    "typical_p": "float",
    "repeat_last_n": "int",
    "temperature": "float",
    "repeat_penalty": "float",
    "presence_penalty": "float",
    "frequency_penalty": "float",
    "stop": "stop",
    "num_ctx": "int",
    "num_batch": "int",
    "num_gpu": "int",
    "main_gpu": "int",
    "use_mmap": "bool",
    "num_thread": "int",
    "draft_num_predict": "int",
}

#: Options the server used to accept and now ignores; old code and Modelfiles still carry them.
DEPRECATED_OPTIONS: Final[frozenset[str]] = frozenset(
    {
        "penalize_newline",
        "low_vram",
        "f16_kv",
        "logits_all",
        "vocab_only",
        "use_mlock",
        "mirostat",
        "mirostat_tau",
        "mirostat_eta",
    }
)

_INT64_MIN: Final = -(2**63)
_INT64_MAX: Final = 2**63 - 1
# strconv.ParseFloat(s, 32) fails for values that overflow a float32.
_FLOAT32_MAX: Final = 3.4028234663852886e38
_GO_BOOLS: Final[Mapping[str, bool]] = {
    "1": True,
    "t": True,
    "T": True,
    "TRUE": True,
    "true": True,
    "True": True,
    "0": False,
    "f": False,
    "F": False,
    "FALSE": False,
    "false": False,
    "False": False,
}
_DECIMAL_DIGITS: Final = frozenset("0123456789")
_FLOAT_CHARS: Final = frozenset("0123456789+-.eE")


def _parse_go_int(text: str) -> int | None:
    """``strconv.ParseInt(text, 10, 64)``: optional sign, ASCII digits only, int64 range."""
    digits = text[1:] if text[:1] in ("+", "-") else text
    if not digits or not set(digits) <= _DECIMAL_DIGITS:
        return None
    value = int(text)
    return value if _INT64_MIN <= value <= _INT64_MAX else None


def _parse_go_float32(text: str) -> float | None:
    """A finite float the way ``strconv.ParseFloat(text, 32)`` reads it (decimal or hex notation)."""
    body = text[1:] if text[:1] in ("+", "-") else text
    try:
        if body[:2].lower() == "0x":
            # Go's hex floats need a binary exponent ("0x1p-2"); float.fromhex would also take "0x10".
            if "p" not in body.lower():
                return None
            value = float.fromhex(text)
        elif body and set(body) <= _FLOAT_CHARS:
            value = float(text)
        else:
            # Go also spells infinities and NaN in words, but JSON cannot carry them, so they are refused.
            return None
    except ValueError:
        return None
    if not math.isfinite(value) or abs(value) > _FLOAT32_MAX:
        return None
    return value


def parse_parameter(name: str, text: str) -> int | float | bool | str:
    """Type one Modelfile ``PARAMETER`` value as the Ollama CLI does (``api.FormatParams``).

    ``stop`` values stay strings; the caller accumulates them into a list. Raises :class:`RequestError` with
    the CLI's wording: ``unknown parameter 'x'``, ``invalid int value [x]`` and so on.
    """
    kind = OPTION_TYPES.get(name)
    if kind is None:
        raise RequestError(f"unknown parameter '{name}'", param="parameters")
    if kind == "stop":
        return text
    if kind == "int":
        int_value = _parse_go_int(text)
        if int_value is None:
            raise RequestError(f"invalid int value [{text}]", param="parameters")
        return int_value
    if kind == "float":
        float_value = _parse_go_float32(text)
        if float_value is None:
            raise RequestError(f"invalid float value [{text}]", param="parameters")
        return float_value
    bool_value = _GO_BOOLS.get(text)
    if bool_value is None:
        raise RequestError(f"invalid bool value [{text}]", param="parameters")
    return bool_value


def _as_mapping(options: object, param: str) -> Mapping[Any, Any]:
    if isinstance(options, Mapping):
        return options
    to_dict = getattr(options, "to_dict", None)
    if callable(to_dict):
        converted = to_dict()
        if isinstance(converted, Mapping):
            return converted
    raise RequestError(
        f"{param} must be a mapping of option names to values, not {type(options).__name__}", param=param
    )


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _check_value(key: str, kind: OptionKind, value: object, param: str) -> object:
    where = f"option '{key}' in {param}"
    if kind == "stop":
        if isinstance(value, str):
            raise RequestError(
                f"{where} must be a list of strings, not a bare string (the server rejects it); "
                f"write {key}=[{value!r}]",
                param=param,
            )
        if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
            raise RequestError(f"{where} must be a list of strings, got {_type_name(value)}", param=param)
        return list(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise RequestError(f"{where} must be a boolean, got {_type_name(value)}", param=param)
        return value
    # bool is an int subclass in Python but the server's decoder refuses true/false for numeric options.
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        expected = "an integer" if kind == "int" else "a number"
        raise RequestError(f"{where} must be {expected}, got {_type_name(value)}", param=param)
    if kind == "float":
        as_float = float(value)
        if not math.isfinite(as_float):
            raise RequestError(f"{where} must be a finite number, got {value!r}", param=param)
        return as_float
    if isinstance(value, numbers.Integral):
        return int(value)
    # The server would silently truncate 0.5 to 0; refuse fractions and accept integral floats like 4096.0.
    as_float = float(value)
    if not as_float.is_integer():
        raise RequestError(f"{where} must be an integer, got {value!r}", param=param)
    return int(as_float)


def validate_options(options: object, param: str = "options") -> dict[str, Any]:
    """Check an ``options`` mapping (or a generated ``Options`` model) before it is sent.

    Rules, chosen to catch mistakes the server would ignore or only report late:

    * keys must be known option names; a typo raises with the closest matches suggested;
    * deprecated keys (``mirostat``, ``use_mlock``...) are dropped with a :class:`UserWarning`, since the server
      ignores them anyway;
    * ``None`` means "not set" and is passed through (the server skips it);
    * integer keys take ints and integral floats (``4096.0`` becomes ``4096``); fractions are refused instead of
      being truncated silently; booleans are never numbers;
    * float keys take any finite int or float and return a float;
    * ``stop`` must be a list of strings; a bare string is refused with a hint.

    Returns a new plain ``dict``; raises :class:`~ollixir.RequestError` on the first problem.
    """
    checked: dict[str, Any] = {}
    for key, value in _as_mapping(options, param).items():
        if not isinstance(key, str):
            raise RequestError(f"{param} keys must be strings, got {_type_name(key)}", param=param)
        if key in DEPRECATED_OPTIONS:
            warnings.warn(
                f"option '{key}' is deprecated and ignored by the server; dropping it",
                UserWarning,
                stacklevel=2,
            )
            continue
        kind = OPTION_TYPES.get(key)
        if kind is None:
            message = f"unknown option '{key}' in {param}"
            matches = difflib.get_close_matches(key, list(OPTION_TYPES), n=3)
            if matches:
                message += "; did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"
            raise RequestError(message, param=param)
        checked[key] = None if value is None else _check_value(key, kind, value, param)
    return checked
