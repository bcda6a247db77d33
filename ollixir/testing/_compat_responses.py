"""OpenAI Responses API, ``POST /v1/responses``, over the native chat handler (``openai/responses.go``).

Not streamed (the default): one ``response`` object, ``id`` ``resp_<0..999998>``, ``status:
"completed"``; ``output`` holds a ``reasoning`` item (``rs_<response id>``, the thinking as
``summary_text`` and as ``encrypted_content``) when the model thought, then either the
``function_call`` items (``fc_<response id>_<i>``, arguments as a JSON string) or one ``message`` item
(``msg_<0..999998>``) with one ``output_text`` part. Request settings are echoed (``instructions``,
``tools``, ``text.format``, ``temperature`` and ``top_p`` defaulting to 1, ``reasoning``,
``max_output_tokens``), ``usage`` has ``input_tokens``/``output_tokens`` from the native counts.

Streamed (``stream: true``): ``event: <type>`` server-sent events with a ``sequence_number``:
``response.created``, ``response.in_progress``, then per output item ``response.output_item.added``,
its deltas (``response.reasoning_summary_text.delta``, ``response.output_text.delta``,
``response.function_call_arguments.delta``) and closing events (``...done``,
``response.content_part.done``, ``response.output_item.done``), and ``response.completed`` with the
whole response. Stream objects are Go maps, so their keys come sorted; streamed reasoning items are
``rs_<0..999998>`` and function calls ``fc_<0..999998>_<i>``. A text that follows a tool call in the
same answer is dropped, as Ollama does.

Errors use the OpenAI shape of ``_compat_openai``. Not emulated: the built-in ``web_search`` tool (Ollama
runs the search through ollama.com; here such a request is refused with 400).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from http import HTTPMethod

from . import _routes_infer
from ._app import App, route
from ._compat import Compat, bind, go_map, run_native, unix_seconds
from ._compat_openai import openai_error, openai_tool_calls, usage
from ._compat_openai_req import mapping
from ._compat_responses_req import RESPONSES_REQUEST, responses_chat_request
from ._exchange import Exchange
from ._sse import Event

__all__: list[str] = []


@dataclass(frozen=True)
class _Raw:
    """A ``json.RawMessage``: printed as given, its keys never sorted by :func:`_sorted`."""

    value: object


def _sorted(value: object) -> object:
    if isinstance(value, _Raw):
        return value.value
    if isinstance(value, Mapping):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def _text_part(text: str) -> dict[str, object]:
    return {"type": "output_text", "text": text, "annotations": [], "logprobs": []}


def _message_item(item_id: str, status: str, text: str | None) -> dict[str, object]:
    content = [] if text is None else [_text_part(text)]
    return {"id": item_id, "type": "message", "status": status, "role": "assistant", "content": content}


def _reasoning_item(item_id: str, thinking: str) -> dict[str, object]:
    summary = [{"type": "summary_text", "text": thinking}]
    return {"id": item_id, "type": "reasoning", "summary": summary, "encrypted_content": thinking}


def _tool_echo(tools: object, *, as_map: bool) -> list[object]:
    """The request's tools as the response repeats them (the stream's maps leave out namespace members)."""
    echoed: list[object] = []
    for entry in tools if isinstance(tools, list) else []:
        tool = mapping(entry)
        parameters = tool.get("parameters")
        out: dict[str, object] = {
            "type": tool.get("type", ""),
            "name": tool.get("name", ""),
            "description": tool.get("description"),
            "strict": tool.get("strict"),
            "parameters": go_map(parameters) if parameters is not None else None,
        }
        if tool.get("tools") and not as_map:
            out["tools"] = _tool_echo(tool["tools"], as_map=False)
        echoed.append(out)
    return echoed


def _usage(native: Mapping[str, object]) -> dict[str, object]:
    counts = usage(native)
    prompt, output = counts["prompt_tokens"], counts["completion_tokens"]
    return {
        "input_tokens": prompt,
        "output_tokens": output,
        "total_tokens": prompt + output,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
    }


class _ResponsesAdapter(Compat):
    """``ResponsesWriter`` with its ``ResponsesStreamConverter``."""

    headers = (("Cache-Control", "no-cache"),)

    def __init__(self, req: Mapping[str, object]) -> None:
        super().__init__(bool(req.get("stream")))
        self.req = req
        self.id = f"resp_{random.randrange(999999)}"
        self.item_id = f"msg_{random.randrange(999999)}"
        self.model = str(req.get("model", ""))
        self.sequence = 0
        self.first = True
        self.output_index = 0
        self.tool_calls_sent = False
        self.text: str | None = None  # None until a text part started
        self.thinking: str | None = None
        self.reasoning_id = ""
        self.completed: list[object] = []

    def error_body(self, status: int, message: str) -> object:
        return openai_error(status, message)

    # -- request echo ----------------------------------------------------------------------------------
    def _format(self) -> dict[str, object]:
        text = mapping(self.req.get("text"))
        fmt = mapping(text.get("format"))
        if "format" not in text:
            return {"type": "text"}
        out: dict[str, object] = {"type": fmt.get("type", "")}
        if fmt.get("name"):
            out["name"] = fmt["name"]
        if fmt.get("schema") is not None:
            out["schema"] = _Raw(fmt["schema"])
        if "strict" in fmt:
            out["strict"] = fmt["strict"]
        return out

    def _reasoning(self, *, as_map: bool) -> object:
        given = mapping(self.req.get("reasoning"))
        effort, summary = given.get("effort", ""), given.get("summary", "")
        if not effort and not summary:
            return None
        if as_map:
            return {"effort": effort or None, "summary": summary or None}
        return {key: value for key, value in (("effort", effort), ("summary", summary)) if value}

    def _response(
        self, status: str, output: list[object], usage: object, *, as_map: bool
    ) -> dict[str, object]:
        instructions = self.req.get("instructions") or None
        return {
            "id": self.id,
            "object": "response",
            "created_at": int(time.time()),
            "completed_at": None,
            "status": status,
            "incomplete_details": None,
            "model": self.model,
            "previous_response_id": None,
            "instructions": instructions,
            "output": output,
            "error": None,
            "tools": _tool_echo(self.req.get("tools"), as_map=as_map),
            "tool_choice": "auto",
            "truncation": self.req.get("truncation", "disabled"),
            "parallel_tool_calls": True,
            "text": {"format": self._format()},
            "top_p": self.req.get("top_p", 1.0),
            "presence_penalty": 0,
            "frequency_penalty": 0,
            "top_logprobs": 0,
            "temperature": self.req.get("temperature", 1.0),
            "reasoning": self._reasoning(as_map=as_map),
            "usage": usage,
            "max_output_tokens": self.req.get("max_output_tokens"),
            "max_tool_calls": None,
            "store": False,
            "background": bool(self.req.get("background")),
            "service_tier": "default",
            "metadata": {},
            "safety_identifier": None,
            "prompt_cache_key": None,
        }

    # -- not streamed ----------------------------------------------------------------------------------
    def single(self, native: Mapping[str, object]) -> object:
        message = mapping(native.get("message"))
        output: list[object] = []
        if message.get("thinking"):
            output.append(_reasoning_item(f"rs_{self.id}", str(message["thinking"])))
        calls = openai_tool_calls(message.get("tool_calls"))
        for index, call in enumerate(calls):
            fn = mapping(call["function"])
            item: dict[str, object] = {
                "id": f"fc_{self.id}_{index}",
                "type": "function_call",
                "status": "completed",
            }
            item.update({"call_id": call["id"]} if call["id"] else {})
            output.append({**item, "name": fn["name"], "arguments": fn["arguments"]})
        if not calls:
            output.append(_message_item(self.item_id, "completed", str(message.get("content", ""))))
        response = self._response("completed", output, _usage(native), as_map=False)
        response["created_at"] = unix_seconds(native.get("created_at"))
        response["completed_at"] = int(time.time())
        return _plain(response)

    # -- streamed --------------------------------------------------------------------------------------
    def _event(self, name: str, **data: object) -> Event:
        data.update(type=name, sequence_number=self.sequence)
        self.sequence += 1
        return Event(name, _sorted(data))

    def convert(self, native: Mapping[str, object]) -> Iterable[object]:
        message = mapping(native.get("message"))
        thinking, content = str(message.get("thinking", "")), str(message.get("content", ""))
        calls = openai_tool_calls(message.get("tool_calls"))
        events: list[object] = []
        if self.first:
            self.first = False
            for name in ("response.created", "response.in_progress"):
                events.append(
                    self._event(name, response=self._response("in_progress", [], None, as_map=True))
                )
        if thinking:
            events += self._thinking(thinking)
        if calls:
            events += self._finish_reasoning() + self._calls(calls)
            self.tool_calls_sent = True
        if not calls and not self.tool_calls_sent and content:
            events += self._text(content)
        if native.get("done") is True:
            events += self._complete(native)
        return events

    def _thinking(self, thinking: str) -> list[object]:
        events: list[object] = []
        if self.thinking is None:
            self.thinking, self.reasoning_id = "", f"rs_{random.randrange(999999)}"
            item = {"id": self.reasoning_id, "type": "reasoning", "summary": []}
            events.append(
                self._event("response.output_item.added", output_index=self.output_index, item=item)
            )
        self.thinking += thinking
        where = {"item_id": self.reasoning_id, "output_index": self.output_index, "summary_index": 0}
        return [*events, self._event("response.reasoning_summary_text.delta", **where, delta=thinking)]

    def _finish_reasoning(self) -> list[object]:
        if self.thinking is None:
            return []
        item = _reasoning_item(self.reasoning_id, self.thinking)
        where = {"item_id": self.reasoning_id, "output_index": self.output_index, "summary_index": 0}
        events: list[object] = [
            self._event("response.reasoning_summary_text.done", **where, text=self.thinking),
            self._event("response.output_item.done", output_index=self.output_index, item=item),
        ]
        self.completed.append(item)
        self.thinking, self.reasoning_id = None, ""
        self.output_index += 1
        return events

    def _calls(self, calls: list[dict[str, object]]) -> list[object]:
        events: list[object] = []
        for offset, call in enumerate(calls):
            index, fn = self.output_index + offset, mapping(call["function"])
            item_id = f"fc_{random.randrange(999999)}_{offset}"
            item = {"id": item_id, "type": "function_call", "call_id": call["id"], "name": fn["name"]}
            done = {**item, "status": "completed", "arguments": fn["arguments"]}
            self.completed.append(done)
            where = {"item_id": item_id, "output_index": index}
            events += [
                self._event("response.output_item.added", output_index=index,
                            item={**item, "status": "in_progress", "arguments": ""}),
                self._event("response.function_call_arguments.delta", **where, delta=fn["arguments"]),
                self._event("response.function_call_arguments.done", **where, arguments=fn["arguments"]),
                self._event("response.output_item.done", output_index=index, item=done),
            ]  # fmt: skip
        self.output_index += len(calls)
        return events

    def _text(self, content: str) -> list[object]:
        events = self._finish_reasoning()
        where = {"item_id": self.item_id, "output_index": self.output_index, "content_index": 0}
        if self.text is None:
            self.text = ""
            item = _message_item(self.item_id, "in_progress", None)
            events.append(
                self._event("response.output_item.added", output_index=self.output_index, item=item)
            )
            events.append(self._event("response.content_part.added", **where, part=_text_part("")))
        self.text += content
        return [*events, self._event("response.output_text.delta", **where, delta=content, logprobs=[])]

    def _complete(self, native: Mapping[str, object]) -> list[object]:
        events = self._finish_reasoning()
        output = list(self.completed)
        if self.text is not None:
            item = _message_item(self.item_id, "completed", self.text)
            output.append(item)
            if not self.tool_calls_sent:
                where = {"item_id": self.item_id, "output_index": self.output_index, "content_index": 0}
                events += [
                    self._event("response.output_text.done", **where, text=self.text, logprobs=[]),
                    self._event("response.content_part.done", **where, part=_text_part(self.text)),
                    self._event("response.output_item.done", output_index=self.output_index, item=item),
                ]
        response = self._response("completed", output, _usage(native), as_map=True)
        response["completed_at"] = int(time.time())
        return [*events, self._event("response.completed", response=response)]


def _plain(value: object) -> object:
    """Unwrap :class:`_Raw` values (non-streamed objects are Go structs: key order is as built)."""
    if isinstance(value, _Raw):
        return value.value
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@route(HTTPMethod.POST, "/v1/responses")
def responses(app: App, ex: Exchange) -> None:
    req = bind(ex, RESPONSES_REQUEST, openai_error)
    if req is None:
        return
    adapter = _ResponsesAdapter(req)
    try:
        native = responses_chat_request(req)
    except ValueError as exc:
        adapter.fail(ex, 400, str(exc))
        return
    run_native(app, ex, adapter, native, _routes_infer.chat)
