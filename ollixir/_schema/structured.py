"""Structured output: turning a reply produced with ``format=SomeClass`` back into ``SomeClass``."""

from __future__ import annotations

from typing import Any, TypeVar, overload

from .schema import StructuredOutputError, parse_structured

__all__ = ["parsed"]

T = TypeVar("T")


@overload
def parsed(reply: object, cls: type[T]) -> T: ...
@overload
def parsed(reply: object, cls: Any) -> Any: ...
def parsed(reply: object, cls: Any) -> Any:
    """The instance of ``cls`` that a structured reply encodes.

    ``reply`` is a chat or completion result (typed or dict form) or the JSON text itself; ``cls`` the
    class passed as ``format=`` (dataclass, TypedDict, attrs class, pydantic model, ...)::

        reply = client.chat("llama3.2", messages, format=Weather)
        weather = ollixir.parsed(reply, Weather)

    Raises :class:`~ollixir.StructuredOutputError` naming the field that does not fit.
    """
    return parse_structured(cls, _text(reply))


def _text(reply: object) -> str:
    if isinstance(reply, str):
        return reply
    if isinstance(reply, dict):
        message = reply.get("message")
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            return content
        text = reply.get("response")
        if isinstance(text, str):
            return text
    message = getattr(reply, "message", None)
    content = getattr(message, "content", None)
    if isinstance(content, str):
        return content
    response = getattr(reply, "response", None)
    if isinstance(response, str):
        return response
    raise StructuredOutputError(f"cannot find the model's text in a {type(reply).__name__}")
