from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_datetime,
    expect_integers,
    expect_model,
    expect_models,
    expect_object,
    wrong,
)

if TYPE_CHECKING:
    from ..models.debug_info import DebugInfo
    from ..models.logprob import Logprob
    from ..models.tool_call import ToolCall


@_attrs_define
class GenerateStreamChunk(Model):
    """One NDJSON line of a streamed /api/generate. Metrics and context appear on the final (done)
    chunk only. A line with an `error` key (ErrorResponse) ends a failed stream.

    Attributes:
        model (str): Model name exactly as the request spelled it.
        created_at (datetime.datetime): UTC creation time.
        response (str): Generated text (possibly "").
        done (bool): True on the final chunk.
        thinking (str | None): Reasoning text, when the model thinks.
        done_reason (str | None): Why generation ended: "stop", "length", "load" or "unload" (plain
            string; more may appear).
        context (list[int] | None): Deprecated token context (not for raw requests).
        total_duration (int | None): Total time in nanoseconds.
        load_duration (int | None): Model load time in nanoseconds.
        prompt_eval_count (int | None): Prompt tokens evaluated (omitted when 0, e.g. fully cached).
        prompt_eval_duration (int | None): Prompt evaluation time in nanoseconds.
        eval_count (int | None): Tokens generated.
        eval_duration (int | None): Generation time in nanoseconds.
        logprobs (list[Logprob] | None): Log probabilities, when requested.
        tool_calls (list[ToolCall] | None): Tool calls parsed by models with built-in parsers (final
            chunk).
        remote_model (str | None): Upstream model name (cloud stub models).
        remote_host (str | None): Upstream host (cloud stub models).
        field_debug_info (DebugInfo | None): Debug answer of `_debug_render_only` requests.
    """

    model: str
    created_at: datetime.datetime
    response: str
    done: bool
    thinking: str | None = None
    done_reason: str | None = None
    context: list[int] | None = None
    total_duration: int | None = None
    load_duration: int | None = None
    prompt_eval_count: int | None = None
    prompt_eval_duration: int | None = None
    eval_count: int | None = None
    eval_duration: int | None = None
    logprobs: list[Logprob] | None = None
    tool_calls: list[ToolCall] | None = None
    remote_model: str | None = None
    remote_host: str | None = None
    field_debug_info: DebugInfo | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "model": "model",
        "created_at": "created_at",
        "response": "response",
        "done": "done",
        "thinking": "thinking",
        "done_reason": "done_reason",
        "context": "context",
        "total_duration": "total_duration",
        "load_duration": "load_duration",
        "prompt_eval_count": "prompt_eval_count",
        "prompt_eval_duration": "prompt_eval_duration",
        "eval_count": "eval_count",
        "eval_duration": "eval_duration",
        "logprobs": "logprobs",
        "tool_calls": "tool_calls",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
        "_debug_info": "field_debug_info",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        out["model"] = self.model
        out["created_at"] = self.created_at.isoformat()
        out["response"] = self.response
        out["done"] = self.done
        if self.thinking is not None:
            out["thinking"] = self.thinking
        if self.done_reason is not None:
            out["done_reason"] = self.done_reason
        if self.context is not None:
            out["context"] = self.context
        if self.total_duration is not None:
            out["total_duration"] = self.total_duration
        if self.load_duration is not None:
            out["load_duration"] = self.load_duration
        if self.prompt_eval_count is not None:
            out["prompt_eval_count"] = self.prompt_eval_count
        if self.prompt_eval_duration is not None:
            out["prompt_eval_duration"] = self.prompt_eval_duration
        if self.eval_count is not None:
            out["eval_count"] = self.eval_count
        if self.eval_duration is not None:
            out["eval_duration"] = self.eval_duration
        if self.logprobs is not None:
            out["logprobs"] = [item.to_dict() for item in self.logprobs]
        if self.tool_calls is not None:
            out["tool_calls"] = [item.to_dict() for item in self.tool_calls]
        if self.remote_model is not None:
            out["remote_model"] = self.remote_model
        if self.remote_host is not None:
            out["remote_host"] = self.remote_host
        if self.field_debug_info is not None:
            out["_debug_info"] = self.field_debug_info.to_dict()
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""
        from ..models.debug_info import DebugInfo  # noqa: PLC0415
        from ..models.logprob import Logprob  # noqa: PLC0415
        from ..models.tool_call import ToolCall  # noqa: PLC0415

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 4
        model = get("model")
        if type(model) is not str and not isinstance(model, str):
            raise wrong(src, "model", model, "string")

        created_at = expect_datetime(get("created_at"), src, "created_at")

        response = get("response")
        if type(response) is not str and not isinstance(response, str):
            raise wrong(src, "response", response, "string")

        done = get("done")
        if type(done) is not bool:
            raise wrong(src, "done", done, "boolean")

        thinking = get("thinking")
        if thinking is not None:
            found += 1
            if type(thinking) is not str and not isinstance(thinking, str):
                raise wrong(src, "thinking", thinking, "string")

        done_reason = get("done_reason")
        if done_reason is not None:
            found += 1
            if type(done_reason) is not str and not isinstance(done_reason, str):
                raise wrong(src, "done_reason", done_reason, "string")

        context = get("context")
        if context is not None:
            found += 1
            context = expect_integers(context, src, "context")

        total_duration = get("total_duration")
        if total_duration is not None:
            found += 1
            if type(total_duration) is not int and (
                isinstance(total_duration, bool) or not isinstance(total_duration, int)
            ):
                raise wrong(src, "total_duration", total_duration, "integer")

        load_duration = get("load_duration")
        if load_duration is not None:
            found += 1
            if type(load_duration) is not int and (
                isinstance(load_duration, bool) or not isinstance(load_duration, int)
            ):
                raise wrong(src, "load_duration", load_duration, "integer")

        prompt_eval_count = get("prompt_eval_count")
        if prompt_eval_count is not None:
            found += 1
            if type(prompt_eval_count) is not int and (
                isinstance(prompt_eval_count, bool) or not isinstance(prompt_eval_count, int)
            ):
                raise wrong(src, "prompt_eval_count", prompt_eval_count, "integer")

        prompt_eval_duration = get("prompt_eval_duration")
        if prompt_eval_duration is not None:
            found += 1
            if type(prompt_eval_duration) is not int and (
                isinstance(prompt_eval_duration, bool) or not isinstance(prompt_eval_duration, int)
            ):
                raise wrong(src, "prompt_eval_duration", prompt_eval_duration, "integer")

        eval_count = get("eval_count")
        if eval_count is not None:
            found += 1
            if type(eval_count) is not int and (isinstance(eval_count, bool) or not isinstance(eval_count, int)):
                raise wrong(src, "eval_count", eval_count, "integer")

        eval_duration = get("eval_duration")
        if eval_duration is not None:
            found += 1
            if type(eval_duration) is not int and (
                isinstance(eval_duration, bool) or not isinstance(eval_duration, int)
            ):
                raise wrong(src, "eval_duration", eval_duration, "integer")

        logprobs = get("logprobs")
        if logprobs is not None:
            found += 1
            logprobs = expect_models(Logprob.from_dict, logprobs, src, "logprobs")

        tool_calls = get("tool_calls")
        if tool_calls is not None:
            found += 1
            tool_calls = expect_models(ToolCall.from_dict, tool_calls, src, "tool_calls")

        remote_model = get("remote_model")
        if remote_model is not None:
            found += 1
            if type(remote_model) is not str and not isinstance(remote_model, str):
                raise wrong(src, "remote_model", remote_model, "string")

        remote_host = get("remote_host")
        if remote_host is not None:
            found += 1
            if type(remote_host) is not str and not isinstance(remote_host, str):
                raise wrong(src, "remote_host", remote_host, "string")

        field_debug_info = get("_debug_info")
        if field_debug_info is not None:
            found += 1
            field_debug_info = expect_model(DebugInfo.from_dict, field_debug_info, src, "_debug_info")

        obj = cls(
            model,
            created_at,
            response,
            done,
            thinking,
            done_reason,
            context,
            total_duration,
            load_duration,
            prompt_eval_count,
            prompt_eval_duration,
            eval_count,
            eval_duration,
            logprobs,
            tool_calls,
            remote_model,
            remote_host,
            field_debug_info,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["model"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["created_at"]) -> datetime.datetime: ...
        @overload
        def __getitem__(self, key: Literal["response"]) -> str: ...
        @overload
        def __getitem__(self, key: Literal["done"]) -> bool: ...
        @overload
        def __getitem__(self, key: Literal["thinking"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["done_reason"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["context"]) -> list[int] | None: ...
        @overload
        def __getitem__(self, key: Literal["total_duration"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["load_duration"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["prompt_eval_count"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["prompt_eval_duration"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["eval_count"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["eval_duration"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["logprobs"]) -> list[Logprob] | None: ...
        @overload
        def __getitem__(self, key: Literal["tool_calls"]) -> list[ToolCall] | None: ...
        @overload
        def __getitem__(self, key: Literal["remote_model"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["remote_host"]) -> str | None: ...
        @overload
        def __getitem__(self, key: Literal["_debug_info"]) -> DebugInfo | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["model"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["created_at"], default: object = None) -> datetime.datetime: ...
        @overload
        def get(self, key: Literal["response"], default: object = None) -> str: ...
        @overload
        def get(self, key: Literal["done"], default: object = None) -> bool: ...
        @overload
        def get(self, key: Literal["thinking"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["done_reason"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["context"], default: object = None) -> list[int] | None: ...
        @overload
        def get(self, key: Literal["total_duration"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["load_duration"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["prompt_eval_count"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["prompt_eval_duration"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["eval_count"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["eval_duration"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["logprobs"], default: object = None) -> list[Logprob] | None: ...
        @overload
        def get(self, key: Literal["tool_calls"], default: object = None) -> list[ToolCall] | None: ...
        @overload
        def get(self, key: Literal["remote_model"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["remote_host"], default: object = None) -> str | None: ...
        @overload
        def get(self, key: Literal["_debug_info"], default: object = None) -> DebugInfo | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
