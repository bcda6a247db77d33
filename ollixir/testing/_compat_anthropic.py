"""Anthropic-compatible ``POST /v1/messages`` over the native chat handler (``anthropic/``, middleware).

Checks first: ``model`` (400 ``model is required``), ``max_tokens`` (400 ``max_tokens is required and
must be positive``), ``messages`` (400 ``messages is required``). Asking a model without the
``thinking`` capability to think is not an error here (Ollama relaxes it for clients such as Claude
Code): the model just answers.

Not streamed: ``{"id": "msg_<24 hex>", "type": "message", "role": "assistant", "model", "content",
"stop_reason", "usage": {"input_tokens", "output_tokens"}}`` with a ``thinking`` block (no
``signature``), a ``text`` block and ``tool_use`` blocks (``input`` the arguments object), in that
order. ``stop_reason``: ``tool_use`` when tools were called, ``end_turn`` for ``stop``, ``max_tokens``
for ``length``.

Streamed: ``event: <type>`` server-sent events ``message_start`` (``input_tokens`` estimated from the
request, a quarter of its text bytes, until the model reports its count), ``content_block_start`` /
``content_block_delta`` (``thinking_delta``, ``text_delta``, ``input_json_delta`` with the whole
arguments JSON) / ``content_block_stop`` per block, ``message_delta`` (stop reason and usage) and
``message_stop``.

Errors: ``{"type": "error", "error": {"type", "message"}, "request_id": "req_<24 hex>"}`` with the
native status; the type is ``invalid_request_error`` (400), ``authentication_error`` (401),
``permission_error`` (403), ``not_found_error`` (404), ``rate_limit_error`` (429), ``overloaded_error``
(503, 529) or ``api_error``. Not emulated: the built-in ``web_search_*`` tools (Ollama runs the search
through ollama.com; here such a request is refused with 400).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from http import HTTPMethod

from . import _routes_infer
from ._app import ERROR_SHAPES, App, route
from ._compat import Compat, bind, run_native, send_error
from ._compat_anthropic_req import MESSAGES_REQUEST, estimate_input_tokens, messages_chat_request
from ._compat_openai import usage
from ._compat_openai_req import mapping, mappings
from ._exchange import Exchange
from ._gojson import go_dumps
from ._sse import Event

__all__ = ["anthropic_error"]

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_error",
    503: "overloaded_error",
    529: "overloaded_error",
}


def anthropic_error(status: int, message: str) -> dict[str, object]:
    error = {"type": _ERROR_TYPES.get(status, "api_error"), "message": message}
    return {"type": "error", "error": error, "request_id": f"req_{secrets.token_hex(12)}"}


ERROR_SHAPES["/v1/messages"] = anthropic_error


def _stop_reason(reason: object, tool_calls: bool) -> str:
    if tool_calls:
        return "tool_use"
    return {"stop": "end_turn", "length": "max_tokens", "": ""}.get(str(reason or ""), "stop_sequence")


class _MessagesAdapter(Compat):
    """``AnthropicWriter`` with its ``StreamConverter``."""

    relax_thinking = True
    headers = (("Cache-Control", "no-cache"),)

    def __init__(self, stream: bool, model: str, estimate: int) -> None:
        super().__init__(stream)
        self.id = f"msg_{secrets.token_hex(12)}"
        self.model = model
        self.estimate = estimate
        self.first = True
        self.index = 0
        self.thinking = "none"  # none -> open -> closed
        self.text_open = False
        self.calls_sent: set[object] = set()

    def error_body(self, status: int, message: str) -> object:
        return anthropic_error(status, message)

    def single(self, native: Mapping[str, object]) -> object:
        message = mapping(native.get("message"))
        content: list[object] = []
        if message.get("thinking"):
            content.append({"type": "thinking", "thinking": message["thinking"]})
        if message.get("content"):
            content.append({"type": "text", "text": message["content"]})
        calls = mappings(message.get("tool_calls"))
        for call in calls:
            fn = mapping(call.get("function"))
            block = {"type": "tool_use", **({"id": call["id"]} if call.get("id") else {})}
            content.append(
                {
                    **block,
                    **({"name": fn["name"]} if fn.get("name") else {}),
                    "input": fn.get("arguments", {}),
                }
            )
        answer: dict[str, object] = {
            "id": self.id,
            "type": "message",
            "role": "assistant",
            "model": native.get("model", ""),
            "content": content or None,
        }
        reason = _stop_reason(native.get("done_reason"), bool(calls))
        answer.update({"stop_reason": reason} if reason else {})
        counts = usage(native)
        answer["usage"] = {
            "input_tokens": counts["prompt_tokens"],
            "output_tokens": counts["completion_tokens"],
        }
        return answer

    # -- streamed --------------------------------------------------------------------------------------
    def _stop_block(self) -> Event:
        return Event("content_block_stop", {"type": "content_block_stop", "index": self.index})

    def _start_block(self, block: dict[str, object]) -> Event:
        return Event(
            "content_block_start",
            {"type": "content_block_start", "index": self.index, "content_block": block},
        )

    def _delta(self, delta: dict[str, object]) -> Event:
        return Event(
            "content_block_delta", {"type": "content_block_delta", "index": self.index, "delta": delta}
        )

    def convert(self, native: Mapping[str, object]) -> Iterable[object]:
        message = mapping(native.get("message"))
        thinking, content = str(message.get("thinking", "")), str(message.get("content", ""))
        events: list[object] = []
        if self.first:
            self.first = False
            counts = usage(native)
            inputs = counts["prompt_tokens"] or self.estimate
            start: dict[str, object] = {
                "id": self.id,
                "type": "message",
                "role": "assistant",
                "model": self.model,
                "content": [],
            }
            start["usage"] = {"input_tokens": inputs, "output_tokens": 0}
            events.append(Event("message_start", {"type": "message_start", "message": start}))
        if thinking and self.thinking != "closed":
            if self.text_open:
                events.append(self._stop_block())
                self.index, self.text_open = self.index + 1, False
            if self.thinking == "none":
                self.thinking = "open"
                events.append(self._start_block({"type": "thinking", "thinking": ""}))
            events.append(self._delta({"type": "thinking_delta", "thinking": thinking}))
        if content:
            events += self._close_thinking()
            if not self.text_open:
                self.text_open = True
                events.append(self._start_block({"type": "text", "text": ""}))
            events.append(self._delta({"type": "text_delta", "text": content}))
        for call in mappings(message.get("tool_calls")):
            if call.get("id", "") in self.calls_sent:
                continue
            events += self._close_thinking()
            if self.text_open:
                events.append(self._stop_block())
                self.index, self.text_open = self.index + 1, False
            fn = mapping(call.get("function"))
            block = {"type": "tool_use", **({"id": call["id"]} if call.get("id") else {})}
            events.append(
                self._start_block({**block, **({"name": fn["name"]} if fn.get("name") else {}), "input": {}})
            )
            events.append(
                self._delta({"type": "input_json_delta", "partial_json": go_dumps(fn.get("arguments") or {})})
            )
            events.append(self._stop_block())
            self.calls_sent.add(call.get("id", ""))
            self.index += 1
        if native.get("done") is True:
            if self.text_open or self.thinking == "open":
                events.append(self._stop_block())
            counts = usage(native)
            reason = _stop_reason(native.get("done_reason"), bool(self.calls_sent))
            delta = {"type": "message_delta", "delta": {"stop_reason": reason} if reason else {}}
            delta["usage"] = {
                "input_tokens": counts["prompt_tokens"],
                "output_tokens": counts["completion_tokens"],
            }
            events += [Event("message_delta", delta), Event("message_stop", {"type": "message_stop"})]
        return events

    def _close_thinking(self) -> list[object]:
        if self.thinking != "open":
            return []
        self.thinking = "closed"
        event = self._stop_block()
        self.index += 1
        return [event]


@route(HTTPMethod.POST, "/v1/messages")
def messages(app: App, ex: Exchange) -> None:
    req = bind(ex, MESSAGES_REQUEST, anthropic_error)
    if req is None:
        return
    max_tokens = req.get("max_tokens", 0)
    for failed, message in (
        (not req.get("model"), "model is required"),
        (not isinstance(max_tokens, int) or max_tokens <= 0, "max_tokens is required and must be positive"),
        (not req.get("messages"), "messages is required"),
    ):
        if failed:
            send_error(ex, anthropic_error, 400, message)
            return
    adapter = _MessagesAdapter(bool(req.get("stream")), str(req["model"]), estimate_input_tokens(req))
    try:
        native = messages_chat_request(req)
    except ValueError as exc:
        adapter.fail(ex, 400, str(exc))
        return
    run_native(app, ex, adapter, native, _routes_infer.chat)
