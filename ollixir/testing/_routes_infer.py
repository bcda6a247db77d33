"""``POST /api/generate`` and ``POST /api/chat``: checks in the real handlers' order, then a fake turn."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from ._app import App, operation_route
from ._exchange import Exchange, StreamError
from ._fake import FakeModelError, FakeRequest, Turn, logprob_entry, plan_turn
from ._gojson import IntList, go_dumps, go_quote
from ._resolve import check_options, not_found_single, resolve_model
from ._state import Installed
from ._tokens import context_ids, count_tokens, token_ids

__all__: list[str] = []


def _format_error(fmt: object) -> str | None:
    if fmt is None or fmt == "" or fmt == "json" or isinstance(fmt, dict):
        return None
    return f'invalid format: {go_quote(go_dumps(fmt))}; expected "json" or a valid JSON Schema object'


def _metrics(turn: Turn, prompt_tokens: int, cold: bool) -> dict[str, int]:
    eval_count = turn.eval_count
    load = 500_000 if cold else 50_000
    prompt_ns = 10_000 * prompt_tokens
    eval_ns = 20_000 * eval_count
    out = {
        "total_duration": load + prompt_ns + eval_ns + 100_000,
        "load_duration": load,
        "prompt_eval_count": prompt_tokens,
        "prompt_eval_duration": prompt_ns,
        "eval_count": eval_count,
        "eval_duration": eval_ns,
    }
    return {k: v for k, v in out.items() if v}  # Go's omitempty


class _Call:
    """One validated generate/chat call, ready to run."""

    def __init__(
        self,
        app: App,
        ex: Exchange,
        model: Installed,
        req: Mapping[str, object],
        kind: Literal["generate", "chat"],
    ) -> None:
        self.app = app
        self.ex = ex
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

    def _load(self, fake: FakeRequest) -> bool:
        """Load the model; True when it was not loaded before (a cold start)."""
        keep = self.keep if isinstance(self.keep, int) else None
        num_ctx = fake.options.get("num_ctx")
        return not self.app.state.load(self.model, keep, num_ctx if isinstance(num_ctx, int) else None)

    def _tokens(self, turn: Turn) -> Iterator[tuple[bool, str]]:
        # The client is looked for before each token, so one that left stops the work at once.
        ex = self.ex
        for pair in turn.tokens():
            ex.check_client()
            ex.count_generated()
            yield pair

    def _final(self, turn: Turn, fake: FakeRequest, prompt_texts: list[str], cold: bool) -> dict[str, object]:
        check = self.ex.check_client
        final = self._chunk()
        final.update(done=True, done_reason=turn.done_reason)
        if self.kind == "generate":
            if not self.req.get("raw"):
                previous = self.req.get("context")
                ids = IntList(previous) if isinstance(previous, list) else IntList()
                ids += context_ids(fake.prompt, check)
                ids += token_ids(turn.content)
                final["context"] = ids
            if turn.tool_calls:
                final["tool_calls"] = turn.tool_calls
        prompt_tokens = max(1, sum(count_tokens(text, check) for text in prompt_texts))
        final.update(_metrics(turn, prompt_tokens, cold))
        return final

    def events(self, fake: FakeRequest, prompt_texts: list[str]) -> Iterator[object]:
        """The streamed answer: thinking tokens, the tool calls, answer tokens, the final chunk."""
        cold = self._load(fake)
        try:
            try:
                turn = plan_turn(self.model.spec, self.model.capabilities, fake)
            except FakeModelError as exc:
                yield StreamError(exc.message, exc.status)
                return
            calls_sent = not turn.tool_calls
            for thinking, token in self._tokens(turn):
                if thinking:
                    yield self._chunk(thinking=token)
                    continue
                if not calls_sent:
                    calls_sent = True
                    yield self._chunk(calls=turn.tool_calls)
                yield self._chunk(text=token)
            if not calls_sent:
                yield self._chunk(calls=turn.tool_calls)
            yield self._final(turn, fake, prompt_texts, cold)
        finally:
            self.app.state.finish(self.model, self.keep if isinstance(self.keep, int) else None)

    def answer(self, fake: FakeRequest, prompt_texts: list[str]) -> dict[str, object]:
        """The non-streamed answer: what aggregating :meth:`events` gives, without building the chunks."""
        cold = self._load(fake)
        try:
            turn = plan_turn(self.model.spec, self.model.capabilities, fake)
            text: list[str] = []
            thinking: list[str] = []
            logprobs: list[object] = []
            for is_thinking, token in self._tokens(turn):
                (thinking if is_thinking else text).append(token)
                if self.logprobs:
                    logprobs.append(logprob_entry(token, self.top))
            result = self._final(turn, fake, prompt_texts, cold)
        finally:
            self.app.state.finish(self.model, self.keep if isinstance(self.keep, int) else None)
        if self.kind == "chat":
            message: dict[str, object] = {"role": "assistant", "content": "".join(text)}
            if thinking:
                message["thinking"] = "".join(thinking)
            if turn.tool_calls and self.req.get("tools"):
                message["tool_calls"] = turn.tool_calls
            result["message"] = message
        else:
            result["response"] = "".join(text)
            if thinking:
                result["thinking"] = "".join(thinking)
        if logprobs:
            result["logprobs"] = logprobs
        return result


def _respond(
    ex: Exchange, call: _Call, fake: FakeRequest, prompt_texts: list[str], format_error: str | None
) -> None:
    streamed = call.req.get("stream", True) is not False
    if format_error is not None:
        if streamed:
            ex.send_error(500, format_error, "application/json")
        else:
            ex.send_error(500, format_error)
    elif streamed:
        ex.send_stream(call.events(fake, prompt_texts))
    else:
        try:
            body = call.answer(fake, prompt_texts)
        except FakeModelError as exc:
            ex.send_json(exc.status, {"error": exc.message})
            return
        ex.send_json(200, body)


def _common_checks(app: App, ex: Exchange, req: dict[str, object], model: Installed, call: _Call) -> bool:
    think = req.get("think")
    if (think is True or isinstance(think, str)) and "thinking" not in model.capabilities:
        if ex.adapter is not None and ex.adapter.relax_thinking:
            del req["think"]  # the Anthropic route asks for thinking whatever the model
            return True
        ex.send_error(400, f"{go_quote(call.name)} does not support thinking")
        return False
    return True


@operation_route("generate")
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
    call = _Call(app, ex, model, req, "generate")
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
        req.get("format"), _think(req, model), len(images),
    )  # fmt: skip
    if req.get("_debug_render_only"):
        rendered = (f"{system}\n" if system else "") + prompt + str(req.get("suffix", ""))
        ex.send_json(200, call.debug(rendered, len(images)))
        return
    _respond(ex, call, fake, [system, prompt], _format_error(req.get("format")))


@operation_route("chat")
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
    call = _Call(app, ex, model, req, "chat")
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
        "chat", text, prompt, history, model.system, "", options, tools, req.get("format"), _think(req, model),
        image_count,
    )  # fmt: skip
    if req.get("_debug_render_only"):
        rendered = "".join(f"{m.get('role', '')}: {m.get('content', '')}\n" for m in history) + "assistant: "
        ex.send_json(200, call.debug(rendered, image_count))
        return
    _respond(ex, call, fake, [str(m.get("content", "")) for m in history], _format_error(req.get("format")))


def _keep(req: Mapping[str, object]) -> int | None:
    keep = req.get("keep_alive")
    return keep if isinstance(keep, int) else None


def _harmony(model: Installed) -> bool:
    # routes.go shouldUseHarmony: a gpt-oss family model whose template has harmony's tags.
    return (
        model.family in ("gptoss", "gpt-oss")
        and "<|start|>" in model.template
        and "<|end|>" in model.template
    )


def _think(req: Mapping[str, object], model: Installed) -> bool | str | None:
    """The ``think`` value the model is given: harmony knows no "max" level, so routes.go (generate and
    chat) hands such models "high" instead."""
    think = req.get("think")
    if think == "max" and _harmony(model):
        return "high"
    return think if isinstance(think, bool | str) else None
