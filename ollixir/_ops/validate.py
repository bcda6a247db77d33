"""Input checks that run before any network traffic.

Each check names the parameter and says what was expected, so a mistake is caught where it was
made instead of surfacing later as a server error (or, worse, being silently ignored by it).
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import RequestError

__all__ = [
    "check_digest",
    "check_keep_alive",
    "check_model",
    "check_think",
    "check_top_logprobs",
    "digest_of",
]

# Go's time.ParseDuration grammar: a sequence of decimal numbers each with a unit. A bare number
# is rejected by the server ("time: missing unit in duration"), except the literal zero.
_DURATION = re.compile(r"[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)")
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
THINK_LEVELS = ("high", "medium", "low", "max")


def check_model(model: object, param: str = "model") -> str:
    if model is None or model == "":
        raise RequestError(f"{param} is required", param=param)
    if not isinstance(model, str):
        raise RequestError(f"{param} must be a string, got {type(model).__name__}", param=param)
    return model


def check_keep_alive(value: object) -> str | float | int:
    """A Go duration string (``"5m"``, ``"-1s"``, ``"0"``), seconds as a number, or a ``timedelta``."""
    if isinstance(value, bool):
        raise RequestError(
            "keep_alive must be a duration string or a number of seconds, got bool", param="keep_alive"
        )
    if isinstance(value, datetime.timedelta):
        seconds = value.total_seconds()
        return int(seconds) if seconds.is_integer() else seconds
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        if _DURATION.fullmatch(value):
            return value
        hint = " (add a unit, e.g. '3600s', or pass a number)" if _is_number(value) else ""
        raise RequestError(f"keep_alive {value!r} is not a valid duration{hint}", param="keep_alive")
    raise RequestError(
        f"keep_alive must be a duration string or a number of seconds, got {type(value).__name__}",
        param="keep_alive",
    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def check_think(value: object) -> bool | str:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in THINK_LEVELS:
        return value
    raise RequestError(
        f"think must be True, False or one of {', '.join(map(repr, THINK_LEVELS))}; got {value!r}",
        param="think",
    )


def check_top_logprobs(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError(
            f"top_logprobs must be an integer, got {type(value).__name__}", param="top_logprobs"
        )
    if not 0 <= value <= 20:
        raise RequestError(f"top_logprobs must be between 0 and 20, got {value}", param="top_logprobs")
    return value


def check_digest(value: object, param: str = "digest") -> str:
    """``sha256:`` + 64 lower-case hex digits: the only spelling the server stores blobs under."""
    if not isinstance(value, str):
        raise RequestError(f"{param} must be a string, got {type(value).__name__}", param=param)
    if not _DIGEST.fullmatch(value):
        raise RequestError(
            f"{param} {value!r} is not a digest of the form 'sha256:<64 lower-case hex>'", param=param
        )
    return value


def digest_of(data: bytes | bytearray | memoryview) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def check_str(value: object, param: str) -> str:
    if not isinstance(value, str):
        raise RequestError(f"{param} must be a string, got {type(value).__name__}", param=param)
    return value


def check_bool(value: object, param: str) -> bool:
    if not isinstance(value, bool):
        raise RequestError(f"{param} must be True or False, got {type(value).__name__}", param=param)
    return value


def check_int(value: object, param: str, *, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError(f"{param} must be an integer, got {type(value).__name__}", param=param)
    if minimum is not None and value < minimum:
        raise RequestError(f"{param} must be at least {minimum}, got {value}", param=param)
    return value


def check_str_map(value: object, param: str) -> dict[str, Any]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise RequestError(f"{param} must be a mapping with string keys", param=param)
    return dict(value)


def check_str_list(value: object, param: str) -> list[str]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise RequestError(f"{param} must be a list of strings", param=param)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise RequestError(f"{param}[{i}] must be a string, got {type(item).__name__}", param=param)
    return list(value)
