from typing import Literal

ThinkLevel = Literal["high", "low", "max", "medium"]

THINK_LEVEL_VALUES: set[ThinkLevel] = {
    "high",
    "low",
    "max",
    "medium",
}


def check_think_level(value: str) -> ThinkLevel:
    if value in THINK_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {THINK_LEVEL_VALUES!r}")
