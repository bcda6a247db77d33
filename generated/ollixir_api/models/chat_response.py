from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.debug_info import DebugInfo
    from ..models.logprob import Logprob
    from ..models.response_message import ResponseMessage


T = TypeVar("T", bound="ChatResponse")


@_attrs_define
class ChatResponse:
    """Answer of /api/chat with stream false: message texts and tool calls concatenated, other fields from the last chunk.
    Also the load/unload and _debug_render_only answers.

        Attributes:
            model (str): Model name exactly as the request spelled it.
            created_at (datetime.datetime): UTC creation time.
            message (ResponseMessage): A message written by the server (chat output, Modelfile messages in /api/show).
            done (bool): True on the final chunk.
            done_reason (str | Unset): Why generation ended: "stop", "length", "load" or "unload" (plain string; more may
                appear).
            total_duration (int | Unset): Total time in nanoseconds.
            load_duration (int | Unset): Model load time in nanoseconds.
            prompt_eval_count (int | Unset): Prompt tokens evaluated (omitted when 0).
            prompt_eval_duration (int | Unset): Prompt evaluation time in nanoseconds.
            eval_count (int | Unset): Tokens generated.
            eval_duration (int | Unset): Generation time in nanoseconds.
            logprobs (list[Logprob] | Unset): Log probabilities, when requested (top level, not inside message).
            remote_model (str | Unset): Upstream model name (cloud stub models).
            remote_host (str | Unset): Upstream host (cloud stub models).
            field_debug_info (DebugInfo | Unset): Debug answer of `_debug_render_only` requests.
    """

    model: str
    created_at: datetime.datetime
    message: ResponseMessage
    done: bool
    done_reason: str | Unset = UNSET
    total_duration: int | Unset = UNSET
    load_duration: int | Unset = UNSET
    prompt_eval_count: int | Unset = UNSET
    prompt_eval_duration: int | Unset = UNSET
    eval_count: int | Unset = UNSET
    eval_duration: int | Unset = UNSET
    logprobs: list[Logprob] | Unset = UNSET
    remote_model: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    field_debug_info: DebugInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        created_at = self.created_at.isoformat()

        message = self.message.to_dict()

        done = self.done

        done_reason = self.done_reason

        total_duration = self.total_duration

        load_duration = self.load_duration

        prompt_eval_count = self.prompt_eval_count

        prompt_eval_duration = self.prompt_eval_duration

        eval_count = self.eval_count

        eval_duration = self.eval_duration

        logprobs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.logprobs, Unset):
            logprobs = []
            for logprobs_item_data in self.logprobs:
                logprobs_item = logprobs_item_data.to_dict()
                logprobs.append(logprobs_item)

        remote_model = self.remote_model

        remote_host = self.remote_host

        field_debug_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_debug_info, Unset):
            field_debug_info = self.field_debug_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "created_at": created_at,
                "message": message,
                "done": done,
            }
        )
        if done_reason is not UNSET:
            field_dict["done_reason"] = done_reason
        if total_duration is not UNSET:
            field_dict["total_duration"] = total_duration
        if load_duration is not UNSET:
            field_dict["load_duration"] = load_duration
        if prompt_eval_count is not UNSET:
            field_dict["prompt_eval_count"] = prompt_eval_count
        if prompt_eval_duration is not UNSET:
            field_dict["prompt_eval_duration"] = prompt_eval_duration
        if eval_count is not UNSET:
            field_dict["eval_count"] = eval_count
        if eval_duration is not UNSET:
            field_dict["eval_duration"] = eval_duration
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if field_debug_info is not UNSET:
            field_dict["_debug_info"] = field_debug_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.debug_info import DebugInfo  # noqa: PLC0415
        from ..models.logprob import Logprob  # noqa: PLC0415
        from ..models.response_message import ResponseMessage  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        message = ResponseMessage.from_dict(d.pop("message"))

        done = d.pop("done")

        done_reason = d.pop("done_reason", UNSET)

        total_duration = d.pop("total_duration", UNSET)

        load_duration = d.pop("load_duration", UNSET)

        prompt_eval_count = d.pop("prompt_eval_count", UNSET)

        prompt_eval_duration = d.pop("prompt_eval_duration", UNSET)

        eval_count = d.pop("eval_count", UNSET)

        eval_duration = d.pop("eval_duration", UNSET)

        _logprobs = d.pop("logprobs", UNSET)
        logprobs: list[Logprob] | Unset = UNSET
        if _logprobs is not UNSET:
            logprobs = []
            for logprobs_item_data in _logprobs:
                logprobs_item = Logprob.from_dict(logprobs_item_data)

                logprobs.append(logprobs_item)

        remote_model = d.pop("remote_model", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        _field_debug_info = d.pop("_debug_info", UNSET)
        field_debug_info: DebugInfo | Unset
        if isinstance(_field_debug_info, Unset):
            field_debug_info = UNSET
        else:
            field_debug_info = DebugInfo.from_dict(_field_debug_info)

        chat_response = cls(
            model=model,
            created_at=created_at,
            message=message,
            done=done,
            done_reason=done_reason,
            total_duration=total_duration,
            load_duration=load_duration,
            prompt_eval_count=prompt_eval_count,
            prompt_eval_duration=prompt_eval_duration,
            eval_count=eval_count,
            eval_duration=eval_duration,
            logprobs=logprobs,
            remote_model=remote_model,
            remote_host=remote_host,
            field_debug_info=field_debug_info,
        )

        chat_response.additional_properties = d
        return chat_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
