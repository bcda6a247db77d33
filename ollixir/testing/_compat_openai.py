"""OpenAI-compatible ``POST /v1/chat/completions`` and ``POST /v1/completions`` over the native handlers.

As Ollama's ``middleware/openai.go`` and ``openai/openai.go`` do it:

* Request: ``max_tokens`` -> ``options.num_predict``; ``temperature`` and ``top_p`` default to 1;
  ``seed``, ``stop`` (a string or a list), ``frequency_penalty``, ``presence_penalty`` go to ``options``;
  ``response_format`` ``json_object`` -> ``format: "json"``, ``json_schema`` -> its ``schema``;
  ``reasoning.effort`` (or ``reasoning_effort``) -> ``think`` (``none`` false, ``minimal`` low,
  ``xhigh``/``ultra`` max); content parts become one message each (``image_url`` must be a base64
  ``data:`` URL); a ``tool`` message without ``name`` takes the name of the call its ``tool_call_id``
  answers. ``/v1/completions``: ``logprobs: n`` -> ``logprobs`` with ``top_logprobs: n``; ``suffix``.
* Answer: ids ``chatcmpl-<0..998>`` / ``cmpl-<0..998>``, ``system_fingerprint: "fp_ollama"``,
  ``created`` from the native ``created_at`` (text completion stream chunks: the time of writing),
  ``usage`` from ``prompt_eval_count``/``eval_count``; thinking is ``reasoning``; tool-call arguments
  are a JSON string; ``finish_reason`` is the native ``done_reason``, ``tool_calls`` instead of ``stop``
  when tools were called. Streams are ``data: <chunk>`` events: the first chat chunk carries
  ``role``, a chunk with both thinking and text is split in two, the finish reason comes in its own
  chunk with an empty delta, then (``stream_options.include_usage``) a usage chunk with no choices,
  then ``data: [DONE]``. Errors are ``{"error": {"message", "type", "param": null, "code": null}}`` with
  the native status (type ``invalid_request_error`` for 400, ``not_found_error`` for 404, else
  ``api_error``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Mapping
from http import HTTPMethod

from . import _routes_infer
from ._app import ERROR_SHAPES, App, route
from ._compat import Compat, bind, run_native, unix_seconds
from ._compat_openai_req import CHAT_REQUEST, COMPLETION_REQUEST, chat_request, completion_request
from ._exchange import Exchange
from ._gojson import go_dumps
from ._sse import DONE

__all__ = ["openai_error", "openai_tool_calls", "usage"]


def openai_error(status: int, message: str) -> dict[str, object]:
    kind = {400: "invalid_request_error", 404: "not_found_error"}.get(status, "api_error")
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


ERROR_SHAPES["/v1/"] = openai_error


def usage(native: Mapping[str, object]) -> dict[str, int]:
    prompt, completion = _int(native.get("prompt_eval_count")), _int(native.get("eval_count"))
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def openai_tool_calls(calls: object) -> list[dict[str, object]]:
    """Native tool calls as OpenAI's, arguments marshalled to a JSON string."""
    out: list[dict[str, object]] = []
    for call in calls if isinstance(calls, list) else []:
        fn = call.get("function") if isinstance(call, Mapping) else None
        fn = fn if isinstance(fn, Mapping) else {}
        arguments = fn.get("arguments")
        out.append(
            {
                "id": call.get("id", ""),
                "index": fn.get("index", 0),
                "type": "function",
                "function": {"name": fn.get("name", ""), "arguments": go_dumps(arguments or {})},
            }
        )
    return out


class ChatAdapter(Compat):
    """``ChatWriter``: native chat answers as chat completions."""

    def __init__(self, stream: bool, include_usage: bool) -> None:
        super().__init__(stream)
        self.id = f"chatcmpl-{random.randrange(999)}"
        self.include_usage = include_usage
        self.first_sent = False
        self.tool_call_sent = False
        self.created: int | None = None

    def error_body(self, status: int, message: str) -> object:
        return openai_error(status, message)

    def single(self, native: Mapping[str, object]) -> object:
        message = _message(native)
        calls = openai_tool_calls(message.get("tool_calls"))
        out: dict[str, object] = {"role": message.get("role", ""), "content": message.get("content", "")}
        if message.get("thinking"):
            out["reasoning"] = message["thinking"]
        if calls:
            out["tool_calls"] = calls
        reason = str(native.get("done_reason", ""))
        reason = "tool_calls" if reason == "stop" and calls else reason
        choice: dict[str, object] = {"index": 0, "message": out, "finish_reason": reason or None}
        if native.get("logprobs"):
            choice["logprobs"] = {"content": native["logprobs"]}
        answer = self._envelope("chat.completion", unix_seconds(native.get("created_at")), native)
        answer.update(choices=[choice], usage=usage(native))
        if native.get("_debug_info"):
            answer["_debug_info"] = native["_debug_info"]
        return answer

    def _envelope(self, kind: str, created: int, native: Mapping[str, object]) -> dict[str, object]:
        return {
            "id": self.id,
            "object": kind,
            "created": created,
            "model": native.get("model", ""),
            "system_fingerprint": "fp_ollama",
        }

    def _chunk(self, native: Mapping[str, object], delta: dict[str, object], logprobs: object) -> object:
        assert self.created is not None
        choice: dict[str, object] = {"index": 0, "delta": delta, "finish_reason": None}
        if logprobs:
            choice["logprobs"] = {"content": logprobs}
        return {**self._envelope("chat.completion.chunk", self.created, native), "choices": [choice]}

    def convert(self, native: Mapping[str, object]) -> Iterable[object]:
        if self.created is None:
            stamp = native.get("created_at")
            self.created = unix_seconds(stamp) if stamp else int(time.time())
        message = _message(native)
        content, thinking = str(message.get("content", "")), str(message.get("thinking", ""))
        calls, logprobs = openai_tool_calls(message.get("tool_calls")), native.get("logprobs")
        done = native.get("done") is True
        items: list[object] = []
        if not (done and self.first_sent and not content and not thinking and not calls and not logprobs):
            role = {} if self.first_sent else {"role": "assistant"}
            if thinking and (content or calls):
                items.append(self._chunk(native, {**role, "reasoning": thinking}, logprobs))
                tail: dict[str, object] = {"content": content, **({"tool_calls": calls} if calls else {})}
                items.append(self._chunk(native, tail, None))
            else:
                delta: dict[str, object] = {**role, "content": content}
                delta.update({"reasoning": thinking} if thinking else {})
                delta.update({"tool_calls": calls} if calls else {})
                items.append(self._chunk(native, delta, logprobs))
            self.tool_call_sent = self.tool_call_sent or bool(calls)
            self.first_sent = True
        if done:
            reason = str(native.get("done_reason") or "stop")
            reason = "tool_calls" if reason == "stop" and self.tool_call_sent else reason
            finish = self._envelope("chat.completion.chunk", self.created, native)
            items.append({**finish, "choices": [{"index": 0, "delta": {}, "finish_reason": reason}]})
            if self.include_usage:
                items.append({**finish, "choices": [], "usage": usage(native)})
            items.append(DONE)
        return items


def _message(native: Mapping[str, object]) -> Mapping[str, object]:
    message = native.get("message")
    return message if isinstance(message, Mapping) else {}


@route(HTTPMethod.POST, "/v1/chat/completions")
def chat_completions(app: App, ex: Exchange) -> None:
    req = bind(ex, CHAT_REQUEST, openai_error)
    if req is None:
        return
    options = req.get("stream_options")
    adapter = ChatAdapter(
        bool(req.get("stream")), isinstance(options, dict) and bool(options.get("include_usage"))
    )
    if not req.get("messages"):
        adapter.fail(ex, 400, "[] is too short - 'messages'")
        return
    try:
        native = chat_request(req)
    except ValueError as exc:
        adapter.fail(ex, 400, str(exc))
        return
    run_native(app, ex, adapter, native, _routes_infer.chat)


class CompletionAdapter(Compat):
    """``CompleteWriter``: native generate answers as text completions."""

    def __init__(self, stream: bool, include_usage: bool) -> None:
        super().__init__(stream)
        self.id = f"cmpl-{random.randrange(999)}"
        self.include_usage = include_usage

    def error_body(self, status: int, message: str) -> object:
        return openai_error(status, message)

    @staticmethod
    def _choice(native: Mapping[str, object]) -> dict[str, object]:
        reason = native.get("done_reason") or None
        return {"text": native.get("response", ""), "index": 0, "finish_reason": reason}

    def single(self, native: Mapping[str, object]) -> object:
        return {
            "id": self.id,
            "object": "text_completion",
            "created": unix_seconds(native.get("created_at")),
            "model": native.get("model", ""),
            "system_fingerprint": "fp_ollama",
            "choices": [self._choice(native)],
            "usage": usage(native),
        }

    def convert(self, native: Mapping[str, object]) -> Iterable[object]:
        chunk: dict[str, object] = {
            "id": self.id,
            "object": "text_completion",
            "created": int(time.time()),
            "choices": [self._choice(native)],
            "model": native.get("model", ""),
            "system_fingerprint": "fp_ollama",
        }
        if self.include_usage:
            chunk["usage"] = usage({})
        items: list[object] = [chunk]
        if native.get("done") is True:
            if self.include_usage:
                items.append({**chunk, "choices": [], "usage": usage(native)})
            items.append(DONE)
        return items


@route(HTTPMethod.POST, "/v1/completions")
def completions(app: App, ex: Exchange) -> None:
    req = bind(ex, COMPLETION_REQUEST, openai_error)
    if req is None:
        return
    options = req.get("stream_options")
    adapter = CompletionAdapter(
        bool(req.get("stream")), isinstance(options, dict) and bool(options.get("include_usage"))
    )
    try:
        native = completion_request(req)
    except ValueError as exc:
        adapter.fail(ex, 400, str(exc))
        return
    run_native(app, ex, adapter, native, _routes_infer.generate)
