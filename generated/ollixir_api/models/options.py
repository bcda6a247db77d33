from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Options")


@_attrs_define
class Options:
    """Runtime options. Precedence: request > Modelfile PARAMETER > server default. Unknown keys are ignored and null
    values skipped; a value of the wrong type fails the request with a 500.

        Attributes:
            num_keep (int | Unset): Tokens of the prompt kept when the context shifts (default 4).
            seed (int | Unset): Random seed (default -1, random).
            num_predict (int | Unset): Maximum tokens to generate (default -1, unbounded).
            top_k (int | Unset): Top-k sampling (default 40).
            top_p (float | Unset): Nucleus sampling probability (default 0.9).
            min_p (float | Unset): Minimum probability relative to the top token (default 0.0).
            typical_p (float | Unset): Locally typical sampling (default 1.0).
            repeat_last_n (int | Unset): Tokens looked back for repetition penalties (default 64).
            temperature (float | Unset): Sampling temperature (default 0.8).
            repeat_penalty (float | Unset): Repetition penalty (default 1.0).
            presence_penalty (float | Unset): Presence penalty (default 0.0).
            frequency_penalty (float | Unset): Frequency penalty (default 0.0).
            stop (list[str] | Unset): Stop sequences; must be a list (a bare string is a 500).
            num_ctx (int | Unset): Context window in tokens (default OLLAMA_CONTEXT_LENGTH or by VRAM).
            num_batch (int | Unset): Prompt batch size (default 512).
            num_gpu (int | Unset): Layers offloaded to the GPU (default -1, automatic).
            main_gpu (int | None | Unset): GPU used for small tensors (unset by default).
            use_mmap (bool | None | Unset): Memory-map the model file (unset means automatic).
            num_thread (int | Unset): CPU threads (default 0, automatic).
            draft_num_predict (int | Unset): Tokens drafted per step by a draft model (default 4 with a draft model).
    """

    num_keep: int | Unset = UNSET
    seed: int | Unset = UNSET
    num_predict: int | Unset = UNSET
    top_k: int | Unset = UNSET
    top_p: float | Unset = UNSET
    min_p: float | Unset = UNSET
    typical_p: float | Unset = UNSET
    repeat_last_n: int | Unset = UNSET
    temperature: float | Unset = UNSET
    repeat_penalty: float | Unset = UNSET
    presence_penalty: float | Unset = UNSET
    frequency_penalty: float | Unset = UNSET
    stop: list[str] | Unset = UNSET
    num_ctx: int | Unset = UNSET
    num_batch: int | Unset = UNSET
    num_gpu: int | Unset = UNSET
    main_gpu: int | None | Unset = UNSET
    use_mmap: bool | None | Unset = UNSET
    num_thread: int | Unset = UNSET
    draft_num_predict: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        num_keep = self.num_keep

        seed = self.seed

        num_predict = self.num_predict

        top_k = self.top_k

        top_p = self.top_p

        min_p = self.min_p

        typical_p = self.typical_p

        repeat_last_n = self.repeat_last_n

        temperature = self.temperature

        repeat_penalty = self.repeat_penalty

        presence_penalty = self.presence_penalty

        frequency_penalty = self.frequency_penalty

        stop: list[str] | Unset = UNSET
        if not isinstance(self.stop, Unset):
            stop = self.stop

        num_ctx = self.num_ctx

        num_batch = self.num_batch

        num_gpu = self.num_gpu

        main_gpu: int | None | Unset
        if isinstance(self.main_gpu, Unset):
            main_gpu = UNSET
        else:
            main_gpu = self.main_gpu

        use_mmap: bool | None | Unset
        if isinstance(self.use_mmap, Unset):
            use_mmap = UNSET
        else:
            use_mmap = self.use_mmap

        num_thread = self.num_thread

        draft_num_predict = self.draft_num_predict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if num_keep is not UNSET:
            field_dict["num_keep"] = num_keep
        if seed is not UNSET:
            field_dict["seed"] = seed
        if num_predict is not UNSET:
            field_dict["num_predict"] = num_predict
        if top_k is not UNSET:
            field_dict["top_k"] = top_k
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if min_p is not UNSET:
            field_dict["min_p"] = min_p
        if typical_p is not UNSET:
            field_dict["typical_p"] = typical_p
        if repeat_last_n is not UNSET:
            field_dict["repeat_last_n"] = repeat_last_n
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if repeat_penalty is not UNSET:
            field_dict["repeat_penalty"] = repeat_penalty
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if stop is not UNSET:
            field_dict["stop"] = stop
        if num_ctx is not UNSET:
            field_dict["num_ctx"] = num_ctx
        if num_batch is not UNSET:
            field_dict["num_batch"] = num_batch
        if num_gpu is not UNSET:
            field_dict["num_gpu"] = num_gpu
        if main_gpu is not UNSET:
            field_dict["main_gpu"] = main_gpu
        if use_mmap is not UNSET:
            field_dict["use_mmap"] = use_mmap
        if num_thread is not UNSET:
            field_dict["num_thread"] = num_thread
        if draft_num_predict is not UNSET:
            field_dict["draft_num_predict"] = draft_num_predict

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        num_keep = d.pop("num_keep", UNSET)

        seed = d.pop("seed", UNSET)

        num_predict = d.pop("num_predict", UNSET)

        top_k = d.pop("top_k", UNSET)

        top_p = d.pop("top_p", UNSET)

        min_p = d.pop("min_p", UNSET)

        typical_p = d.pop("typical_p", UNSET)

        repeat_last_n = d.pop("repeat_last_n", UNSET)

        temperature = d.pop("temperature", UNSET)

        repeat_penalty = d.pop("repeat_penalty", UNSET)

        presence_penalty = d.pop("presence_penalty", UNSET)

        frequency_penalty = d.pop("frequency_penalty", UNSET)

        stop = cast(list[str], d.pop("stop", UNSET))

        num_ctx = d.pop("num_ctx", UNSET)

        num_batch = d.pop("num_batch", UNSET)

        num_gpu = d.pop("num_gpu", UNSET)

        def _parse_main_gpu(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        main_gpu = _parse_main_gpu(d.pop("main_gpu", UNSET))

        def _parse_use_mmap(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_mmap = _parse_use_mmap(d.pop("use_mmap", UNSET))

        num_thread = d.pop("num_thread", UNSET)

        draft_num_predict = d.pop("draft_num_predict", UNSET)

        options = cls(
            num_keep=num_keep,
            seed=seed,
            num_predict=num_predict,
            top_k=top_k,
            top_p=top_p,
            min_p=min_p,
            typical_p=typical_p,
            repeat_last_n=repeat_last_n,
            temperature=temperature,
            repeat_penalty=repeat_penalty,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            stop=stop,
            num_ctx=num_ctx,
            num_batch=num_batch,
            num_gpu=num_gpu,
            main_gpu=main_gpu,
            use_mmap=use_mmap,
            num_thread=num_thread,
            draft_num_predict=draft_num_predict,
        )

        options.additional_properties = d
        return options

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
