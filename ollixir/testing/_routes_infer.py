"""``POST /api/generate`` and ``POST /api/chat``: checks in the real handlers' order, then a fake turn."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from ._app import App, route
from ._exchange import Exchange, StreamError
from ._fake import FakeRequest, Turn, context_ids, logprob_entry, plan_turn, tokenize
from ._gojson import go_dumps, go_quote
from ._resolve import check_options, not_found_single, resolve_model
from ._state import Installed

__all__: list[str] = []


def _format_error(fmt: object) -> str | None:
    if fmt is None or fmt == "" or fmt == "json" or isinstance(fmt, dict):
        return None
    return f'invalid format: {go_quote(go_dumps(fmt))}; expected "json" or a valid JSON Schema object'


def _metrics(turn: Turn, cold: bool) -> dict[str, int]:
    eval_count = len(turn.thinking) + len(turn.content) + len(turn.tool_calls)
    load = 500_000 if cold else 50_000
    prompt_ns = 10_000 * turn.prompt_tokens
    eval_ns = 20_000 * eval_count
    out = {
        "total_duration": load + prompt_ns + eval_ns + 100_000,
        "load_duration": load,
        "prompt_eval_count": turn.prompt_tokens,
        "prompt_eval_duration": prompt_ns,
        "eval_count": eval_count,
        "eval_duration": eval_ns,
    }
    return {k: v for k, v in out.items() if v}  # Go's omitempty


class _Call:
    """One validated generate/chat call, ready to run."""

    def __init__(
        self, app: App, model: Installed, req: Mapping[str, object], kind: Literal["generate", "chat"]
    ) -> None:
        self.app = app
        self.model = model
        self.req = req
        self.kind = kind
        self.name = str(req.get("model", ""))
        self.keep = req.get("keep_alive")
        logprobs = bool(req.get("logprobs"))
        top = req.get("top_logprobs", 0)
        self.top = top if isinstance(top, int) else 0
        self.logprobs = logprobs

    def _chunk(
        self, text: str = "", thinking: str = "", calls: list[dict[str, object]] | None = None
    ) -> dict[str, object]:
        chunk: dict[str, object] = {"model": self.name, "created_at": self.app.created_at()}
        if self.kind == "generate":
            chunk["response"] = text
            if thinking:
                chunk["thinking"] = thinking
        else:
            message: dict[str, object] = {"role": "assistant", "content": text}
            if thinking:
                message["thinking"] = thinking
            if calls:
                message["tool_calls"] = calls
            chunk["message"] = message
        chunk["done"] = False
        token = thinking or text
        if self.logprobs and token:
            chunk["logprobs"] = [logprob_entry(token, self.top)]
        return chunk

    def instant(self, reason: str) -> dict[str, object]:
        """The single-object load/unload answer."""
        answer = self._chunk()
        answer.pop("logprobs", None)
        answer.update(done=True, done_reason=reason)
        return answer

    def debug(self, rendered: str, image_count: int) -> dict[str, object]:
        """The ``_debug_render_only`` answer. The fake "template" is ``role: content`` lines (chat) or
        system + prompt + suffix (generate), not the model's real template."""
        answer = self._chunk()
        answer.pop("logprobs", None)
        answer["_debug_info"] = {"rendered_template": rendered, "image_count": image_count}
        return answer

    def events(self, fake: FakeRequest, prompt_tokens: int) -> Iterator[object]:
        keep = self.keep if isinstance(self.keep, int) else None
        num_ctx = fake.options.get("num_ctx")
        cold = not self.app.state.load(self.model, keep, num_ctx if isinstance(num_ctx, int) else None)
        try:
            turn = plan_turn(self.model.spec, self.model.capabilities, fake, prompt_tokens)
            for token in turn.thinking:
                yield self._chunk(thinking=token)
            if turn.tool_calls:
                yield self._chunk(calls=turn.tool_calls)
            for token in turn.content:
                yield self._chunk(text=token)
            final = self._chunk()
            final.update(done=True, done_reason=turn.done_reason)
            if self.kind == "generate":
                if not self.req.get("raw"):
                    previous = self.req.get("context")
                    earlier = list(previous) if isinstance(previous, list) else []
                    final["context"] = earlier + context_ids(tokenize(fake.prompt) + turn.content)
                if turn.tool_calls:
                    final["tool_calls"] = turn.tool_calls
            final.update(_metrics(turn, cold))
            yield final
        finally:
            self.app.state.finish(self.model, keep)


def _aggregate(kind: str, events: Iterator[object], with_tools: bool) -> tuple[int, dict[str, object]]:
    text: list[str] = []
    thinking: list[str] = []
    logprobs: list[object] = []
    calls: list[object] = []
    last: dict[str, object] = {}
    for event in events:
        if isinstance(event, StreamError):
            return event.status, {"error": event.message}
        assert isinstance(event, dict)
        last = event
        part = event["message"] if kind == "chat" else event
        assert isinstance(part, dict)
        text.append(str(part.get("content" if kind == "chat" else "response", "")))
        thinking.append(str(part.get("thinking", "")))
        logprobs.extend(event.get("logprobs") or [])
        calls.extend(part.get("tool_calls") or [])
    result = dict(last)
    if kind == "chat":
        message: dict[str, object] = {"role": "assistant", "content": "".join(text)}
        if any(thinking):
            message["thinking"] = "".join(thinking)
        if calls and with_tools:
            message["tool_calls"] = calls
        result["message"] = message
    else:
        result["response"] = "".join(text)
        if any(thinking):
            result["thinking"] = "".join(thinking)
    if logprobs:
        result["logprobs"] = logprobs
    return 200, result


def _respond(ex: Exchange, req: Mapping[str, object], kind: str, events: Iterator[object]) -> None:
    if req.get("stream", True) is False:
        status, body = _aggregate(kind, events, bool(req.get("tools")))
        ex.send_json(status, body)
    else:
        ex.send_stream(events)


def _common_checks(app: App, ex: Exchange, req: dict[str, object], model: Installed, call: _Call) -> bool:
    think = req.get("think")
    if (think is True or isinstance(think, str)) and "thinking" not in model.capabilities:
        if ex.adapter is not None and ex.adapter.relax_thinking:
            del req["think"]  # the Anthropic route asks for thinking whatever the model
            return True
        ex.send_error(400, f"{go_quote(call.name)} does not support thinking")
        return False
    return True


@route("POST", "/api/generate")
def generate(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "GenerateRequest")
    if req is None:
        return
    if not 0 <= int(req.get("top_logprobs", 0)) <= 20:  # type: ignore[call-overload]
        ex.send_error(400, "top_logprobs must be between 0 and 20")
        return
    text = str(req.get("model", ""))
    model = resolve_model(app, ex, text, empty=(404, "model '' not found"), missing=not_found_single)
    if model is None:
        return
    call = _Call(app, model, req, "generate")
    prompt = str(req.get("prompt", ""))
    if not prompt and req.get("keep_alive") == 0:
        app.state.unload(model)
        ex.send_json(200, call.instant("unload"))
        return
    if "image" in model.capabilities:
        ex.send_error(400, "image generation models are not currently supported")
        return
    if req.get("raw") and (req.get("template") or req.get("system") or req.get("context")):
        ex.send_error(400, "raw mode does not support template, system, or context")
        return
    if not _common_checks(app, ex, req, model, call):
        return
    caps = model.capabilities
    images = req.get("images") or []
    assert isinstance(images, list)
    if "completion" not in caps:
        ex.send_error(400, f"{go_quote(text)} does not support generate")
        return
    if req.get("suffix") and "insert" not in caps:
        ex.send_error(400, f"{model.name.full} does not support insert")
        return
    if images and "vision" not in caps:
        ex.send_error(400, f"{model.name.full} does not support vision")
        return
    options = check_options(ex, model, req.get("options"))
    if options is None:
        return
    if not prompt:
        num_ctx = options.get("num_ctx")
        app.state.load(model, _keep(req), num_ctx if isinstance(num_ctx, int) else None)
        app.state.finish(model, _keep(req))
        ex.send_json(200, call.instant("load"))
        return
    system = str(req.get("system") or model.system)
    fake = FakeRequest(
        "generate", text, prompt, (), system, str(req.get("suffix", "")), options, (),
        req.get("format"), _think(req), len(images),
    )  # fmt: skip
    if req.get("_debug_render_only"):
        rendered = (f"{system}\n" if system else "") + prompt + str(req.get("suffix", ""))
        ex.send_json(200, call.debug(rendered, len(images)))
        return
    error = _format_error(req.get("format"))
    events: Iterator[object] = (
        iter([StreamError(error)])
        if error
        else call.events(fake, len(tokenize(system)) + len(tokenize(prompt)))
    )
    _respond(ex, req, "generate", events)


@route("POST", "/api/chat")
def chat(app: App, ex: Exchange) -> None:
    req = app.bind(ex, "ChatRequest")
    if req is None:
        return
    if not 0 <= int(req.get("top_logprobs", 0)) <= 20:  # type: ignore[call-overload]
        ex.send_error(400, "top_logprobs must be between 0 and 20")
        return
    text = str(req.get("model", ""))
    model = resolve_model(app, ex, text, empty=(400, "model is required"), missing=not_found_single)
    if model is None:
        return
    call = _Call(app, model, req, "chat")
    messages = req.get("messages") or []
    assert isinstance(messages, list)
    if not messages and req.get("keep_alive") == 0:
        app.state.unload(model)
        ex.send_json(200, call.instant("unload"))
        return
    if not _common_checks(app, ex, req, model, call):
        return
    caps = model.capabilities
    tools = req.get("tools") or []
    assert isinstance(tools, list)
    if "completion" not in caps:
        ex.send_error(400, f"{go_quote(text)} does not support chat")
        return
    if tools and "tools" not in caps:
        ex.send_error(400, f"{model.name.full} does not support tools")
        return
    image_count = sum(len(m.get("images") or []) for m in messages)
    if image_count and "vision" not in caps:
        ex.send_error(400, f"{model.name.full} does not support vision")
        return
    options = check_options(ex, model, req.get("options"))
    if options is None:
        return
    if not messages:
        num_ctx = options.get("num_ctx")
        app.state.load(model, _keep(req), num_ctx if isinstance(num_ctx, int) else None)
        app.state.finish(model, _keep(req))
        ex.send_json(200, call.instant("load"))
        return
    history = [dict(m) for m in model.messages] + messages
    if model.system and (not messages or messages[0].get("role") != "system"):
        history.insert(0, {"role": "system", "content": model.system})
    prompt = next((str(m.get("content", "")) for m in reversed(messages) if m.get("role") == "user"), "")
    fake = FakeRequest(
        "chat", text, prompt, history, model.system, "", options, tools, req.get("format"), _think(req),
        image_count,
    )  # fmt: skip
    prompt_tokens = sum(len(tokenize(str(m.get("content", "")))) for m in history)
    if req.get("_debug_render_only"):
        rendered = "".join(f"{m.get('role', '')}: {m.get('content', '')}\n" for m in history) + "assistant: "
        ex.send_json(200, call.debug(rendered, image_count))
        return
    error = _format_error(req.get("format"))
    events: Iterator[object] = iter([StreamError(error)]) if error else call.events(fake, prompt_tokens)
    _respond(ex, req, "chat", events)


def _keep(req: Mapping[str, object]) -> int | None:
    keep = req.get("keep_alive")
    return keep if isinstance(keep, int) else None


def _think(req: Mapping[str, object]) -> bool | str | None:
    think = req.get("think")
    return think if isinstance(think, bool | str) else None
