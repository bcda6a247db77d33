"""Server-sent events framing for the /v1 compatibility routes.

Ollama writes each event with one ``fmt.Fprintf``: ``data: <json>\\n\\n`` for chat and text completions
(ending with ``data: [DONE]\\n\\n``), ``event: <name>\\ndata: <json>\\n\\n`` for the Responses and Anthropic
Messages streams. The JSON is compact, as ``json.Marshal`` prints it.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from ._gojson import go_dumps
from ._stream import Framing, padding_plan

__all__ = ["DONE", "SSE", "Event"]


class Event(NamedTuple):
    """A named event: ``event: <name>`` before its ``data:`` line."""

    name: str
    data: object


class _Done:
    def __repr__(self) -> str:
        return "DONE"


DONE: Final = _Done()  # the ``data: [DONE]`` terminator of the OpenAI streams


class SSE(Framing):
    """Frames stream items (JSON values, :class:`Event` or :data:`DONE`) as server-sent events."""

    content_type = "text/event-stream"

    @staticmethod
    def _head(item: object) -> bytes:
        return f"event: {item.name}\ndata: ".encode() if isinstance(item, Event) else b"data: "

    def encode(self, item: object) -> bytes:
        if item is DONE:
            return b"data: [DONE]\n\n"
        data = item.data if isinstance(item, Event) else item
        return self._head(item) + go_dumps(data).encode() + b"\n\n"

    def raw(self, text: str) -> bytes:
        return b"data: " + text.encode() + b"\n\n"

    def padding(self, item: object, size: int) -> tuple[bytes, bytes, int]:
        head = self._head(item)
        data = item.data if isinstance(item, Event) else ({} if item is DONE else item)
        prefix, suffix, fill = padding_plan(data, size - len(head) - 2)
        return head + prefix, suffix + b"\n\n", fill
