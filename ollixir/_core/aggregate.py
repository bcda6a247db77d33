"""Folding a stream of chunks into the answer a non-streamed call would have given.

The rules mirror the server's own non-streaming mode (ollama-api.md §1.4): text fields are
concatenated, logprobs and tool calls are collected from every chunk, and every other field comes
from the last chunk. A stream that ends before its final chunk is an error, never a silent
truncation.

Chunks reach ``add`` already checked by the typed models, except with ``response_format="dict"``:
there a value of the wrong JSON type in a field being folded is a :class:`ProtocolError` naming the
field, never a ``TypeError`` from joining it. Texts are only checked when joining them fails, so the
per-chunk cost stays that of an append.
"""

from __future__ import annotations

from typing import Any

from .._errors import ProtocolError, malformed_field

__all__ = ["Aggregator", "ChatAggregator", "GenerateAggregator", "ProgressAggregator"]


class Aggregator:
    """Collects raw JSON chunks; ``result()`` gives the final JSON object."""

    __slots__ = ("_last", "done", "operation")

    def __init__(self, operation: str) -> None:
        self.operation = operation
        self.done = False
        self._last: dict[str, Any] | None = None

    def add(self, chunk: dict[str, Any]) -> None:
        raise NotImplementedError

    def result(self) -> dict[str, Any]:
        raise NotImplementedError

    def _wrong(self, path: str, value: object, expected: str) -> ProtocolError:
        from ollixir_api.types import json_type

        return malformed_field(self.operation, path, f"expected {expected}, got {json_type(value)}")

    def _join(self, parts: list[Any], path: str) -> str:
        try:
            return "".join(parts)
        except TypeError:
            bad = next(part for part in parts if not isinstance(part, str))
            raise self._wrong(path, bad, "string") from None

    def _truncated(self, what: str) -> ProtocolError:
        return ProtocolError(
            f"the stream ended before its {what}; the answer is incomplete",
            status=200,
            operation=self.operation,
        )


class GenerateAggregator(Aggregator):
    __slots__ = ("_logprobs", "_text", "_thinking", "_tool_calls")

    def __init__(self, operation: str) -> None:
        super().__init__(operation)
        self._text: list[str] = []
        self._thinking: list[str] = []
        self._logprobs: list[Any] = []
        self._tool_calls: list[Any] = []

    def add(self, chunk: dict[str, Any]) -> None:
        self._last = chunk
        text = chunk.get("response")
        if text:
            self._text.append(text)
        thinking = chunk.get("thinking")
        if thinking:
            self._thinking.append(thinking)
        logprobs = chunk.get("logprobs")
        if logprobs:
            if type(logprobs) is not list:
                raise self._wrong("logprobs", logprobs, "array")
            self._logprobs.extend(logprobs)
        calls = chunk.get("tool_calls")
        if calls:
            if type(calls) is not list:
                raise self._wrong("tool_calls", calls, "array")
            self._tool_calls.extend(calls)
        if chunk.get("done") is True:
            self.done = True

    def result(self) -> dict[str, Any]:
        if not self.done or self._last is None:
            raise self._truncated("final chunk (done: true)")
        final = dict(self._last)
        final["response"] = self._join(self._text, "response")
        if self._thinking:
            final["thinking"] = self._join(self._thinking, "thinking")
        if self._logprobs:
            final["logprobs"] = self._logprobs
        if self._tool_calls:
            final["tool_calls"] = self._tool_calls
        return final


class ChatAggregator(Aggregator):
    __slots__ = ("_content", "_logprobs", "_thinking", "_tool_calls")

    def __init__(self, operation: str) -> None:
        super().__init__(operation)
        self._content: list[str] = []
        self._thinking: list[str] = []
        self._logprobs: list[Any] = []
        self._tool_calls: list[Any] = []

    def add(self, chunk: dict[str, Any]) -> None:
        self._last = chunk
        message = chunk.get("message")
        if message:
            try:
                content = message.get("content")
            except AttributeError:
                raise self._wrong("message", message, "object") from None
            if content:
                self._content.append(content)
            thinking = message.get("thinking")
            if thinking:
                self._thinking.append(thinking)
            calls = message.get("tool_calls")
            if calls:
                if type(calls) is not list:
                    raise self._wrong("message.tool_calls", calls, "array")
                self._tool_calls.extend(calls)
        logprobs = chunk.get("logprobs")
        if logprobs:
            if type(logprobs) is not list:
                raise self._wrong("logprobs", logprobs, "array")
            self._logprobs.extend(logprobs)
        if chunk.get("done") is True:
            self.done = True

    def result(self) -> dict[str, Any]:
        if not self.done or self._last is None:
            raise self._truncated("final chunk (done: true)")
        final = dict(self._last)
        message = dict(final.get("message") or {"role": "assistant"})
        message["content"] = self._join(self._content, "message.content")
        if self._thinking:
            message["thinking"] = self._join(self._thinking, "message.thinking")
        if self._tool_calls:
            message["tool_calls"] = self._tool_calls
        else:
            message.pop("tool_calls", None)
        message.setdefault("role", "assistant")
        final["message"] = message
        if self._logprobs:
            final["logprobs"] = self._logprobs
        return final


class ProgressAggregator(Aggregator):
    """pull, push and create: the answer is the last status line, and it must say ``success``."""

    def add(self, chunk: dict[str, Any]) -> None:
        self._last = chunk
        if chunk.get("status") == "success":
            self.done = True

    def result(self) -> dict[str, Any]:
        if not self.done or self._last is None:
            raise self._truncated('final status ("success")')
        return self._last
