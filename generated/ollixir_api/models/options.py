from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self, overload

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Model,
    expect_object,
    expect_strings,
    wrong,
)


@_attrs_define
class Options(Model):
    """Runtime options. Precedence: request > Modelfile PARAMETER > server default. Unknown keys are
    ignored and null values skipped; a value of the wrong type fails the request with a 500.

    Attributes:
        num_keep (int | None): Tokens of the prompt kept when the context shifts (default 4).
        seed (int | None): Random seed (default -1, random).
        num_predict (int | None): Maximum tokens to generate (default -1, unbounded).
        top_k (int | None): Top-k sampling (default 40).
        top_p (float | None): Nucleus sampling probability (default 0.9).
        min_p (float | None): Minimum probability relative to the top token (default 0.0).
        typical_p (float | None): Locally typical sampling (default 1.0).
        repeat_last_n (int | None): Tokens looked back for repetition penalties (default 64).
        temperature (float | None): Sampling temperature (default 0.8).
        repeat_penalty (float | None): Repetition penalty (default 1.0).
        presence_penalty (float | None): Presence penalty (default 0.0).
        frequency_penalty (float | None): Frequency penalty (default 0.0).
        stop (list[str] | None): Stop sequences; must be a list (a bare string is a 500).
        num_ctx (int | None): Context window in tokens (default OLLAMA_CONTEXT_LENGTH or by VRAM).
        num_batch (int | None): Prompt batch size (default 512).
        num_gpu (int | None): Layers offloaded to the GPU (default -1, automatic).
        main_gpu (int | None): GPU used for small tensors (unset by default).
        use_mmap (bool | None): Memory-map the model file (unset means automatic).
        num_thread (int | None): CPU threads (default 0, automatic).
        draft_num_predict (int | None): Tokens drafted per step by a draft model (default 4 with a
            draft model).
    """

    num_keep: int | None = None
    seed: int | None = None
    num_predict: int | None = None
    top_k: int | None = None
    top_p: float | None = None
    min_p: float | None = None
    typical_p: float | None = None
    repeat_last_n: int | None = None
    temperature: float | None = None
    repeat_penalty: float | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    stop: list[str] | None = None
    num_ctx: int | None = None
    num_batch: int | None = None
    num_gpu: int | None = None
    main_gpu: int | None = None
    use_mmap: bool | None = None
    num_thread: int | None = None
    draft_num_predict: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _KEYS: ClassVar[Mapping[str, str]] = {
        "num_keep": "num_keep",
        "seed": "seed",
        "num_predict": "num_predict",
        "top_k": "top_k",
        "top_p": "top_p",
        "min_p": "min_p",
        "typical_p": "typical_p",
        "repeat_last_n": "repeat_last_n",
        "temperature": "temperature",
        "repeat_penalty": "repeat_penalty",
        "presence_penalty": "presence_penalty",
        "frequency_penalty": "frequency_penalty",
        "stop": "stop",
        "num_ctx": "num_ctx",
        "num_batch": "num_batch",
        "num_gpu": "num_gpu",
        "main_gpu": "main_gpu",
        "use_mmap": "use_mmap",
        "num_thread": "num_thread",
        "draft_num_predict": "draft_num_predict",
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.num_keep is not None:
            out["num_keep"] = self.num_keep
        if self.seed is not None:
            out["seed"] = self.seed
        if self.num_predict is not None:
            out["num_predict"] = self.num_predict
        if self.top_k is not None:
            out["top_k"] = self.top_k
        if self.top_p is not None:
            out["top_p"] = self.top_p
        if self.min_p is not None:
            out["min_p"] = self.min_p
        if self.typical_p is not None:
            out["typical_p"] = self.typical_p
        if self.repeat_last_n is not None:
            out["repeat_last_n"] = self.repeat_last_n
        if self.temperature is not None:
            out["temperature"] = self.temperature
        if self.repeat_penalty is not None:
            out["repeat_penalty"] = self.repeat_penalty
        if self.presence_penalty is not None:
            out["presence_penalty"] = self.presence_penalty
        if self.frequency_penalty is not None:
            out["frequency_penalty"] = self.frequency_penalty
        if self.stop is not None:
            out["stop"] = self.stop
        if self.num_ctx is not None:
            out["num_ctx"] = self.num_ctx
        if self.num_batch is not None:
            out["num_batch"] = self.num_batch
        if self.num_gpu is not None:
            out["num_gpu"] = self.num_gpu
        if self.main_gpu is not None:
            out["main_gpu"] = self.main_gpu
        if self.use_mmap is not None:
            out["use_mmap"] = self.use_mmap
        if self.num_thread is not None:
            out["num_thread"] = self.num_thread
        if self.draft_num_predict is not None:
            out["draft_num_predict"] = self.draft_num_predict
        if self.additional_properties:
            for key, value in self.additional_properties.items():
                out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a JSON object; ``ShapeError`` for a missing required key or a value of the wrong type."""

        src = src_dict if type(src_dict) is dict else expect_object(src_dict)
        get = src.get
        # Keys found, to tell cheaply whether any key is left over for additional_properties.
        found = 0
        num_keep = get("num_keep")
        if num_keep is not None:
            found += 1
            if type(num_keep) is not int and (isinstance(num_keep, bool) or not isinstance(num_keep, int)):
                raise wrong(src, "num_keep", num_keep, "integer")

        seed = get("seed")
        if seed is not None:
            found += 1
            if type(seed) is not int and (isinstance(seed, bool) or not isinstance(seed, int)):
                raise wrong(src, "seed", seed, "integer")

        num_predict = get("num_predict")
        if num_predict is not None:
            found += 1
            if type(num_predict) is not int and (isinstance(num_predict, bool) or not isinstance(num_predict, int)):
                raise wrong(src, "num_predict", num_predict, "integer")

        top_k = get("top_k")
        if top_k is not None:
            found += 1
            if type(top_k) is not int and (isinstance(top_k, bool) or not isinstance(top_k, int)):
                raise wrong(src, "top_k", top_k, "integer")

        top_p = get("top_p")
        if top_p is not None:
            found += 1
            if (
                type(top_p) is not float
                and type(top_p) is not int
                and (isinstance(top_p, bool) or not isinstance(top_p, int | float))
            ):
                raise wrong(src, "top_p", top_p, "number")

        min_p = get("min_p")
        if min_p is not None:
            found += 1
            if (
                type(min_p) is not float
                and type(min_p) is not int
                and (isinstance(min_p, bool) or not isinstance(min_p, int | float))
            ):
                raise wrong(src, "min_p", min_p, "number")

        typical_p = get("typical_p")
        if typical_p is not None:
            found += 1
            if (
                type(typical_p) is not float
                and type(typical_p) is not int
                and (isinstance(typical_p, bool) or not isinstance(typical_p, int | float))
            ):
                raise wrong(src, "typical_p", typical_p, "number")

        repeat_last_n = get("repeat_last_n")
        if repeat_last_n is not None:
            found += 1
            if type(repeat_last_n) is not int and (
                isinstance(repeat_last_n, bool) or not isinstance(repeat_last_n, int)
            ):
                raise wrong(src, "repeat_last_n", repeat_last_n, "integer")

        temperature = get("temperature")
        if temperature is not None:
            found += 1
            if (
                type(temperature) is not float
                and type(temperature) is not int
                and (isinstance(temperature, bool) or not isinstance(temperature, int | float))
            ):
                raise wrong(src, "temperature", temperature, "number")

        repeat_penalty = get("repeat_penalty")
        if repeat_penalty is not None:
            found += 1
            if (
                type(repeat_penalty) is not float
                and type(repeat_penalty) is not int
                and (isinstance(repeat_penalty, bool) or not isinstance(repeat_penalty, int | float))
            ):
                raise wrong(src, "repeat_penalty", repeat_penalty, "number")

        presence_penalty = get("presence_penalty")
        if presence_penalty is not None:
            found += 1
            if (
                type(presence_penalty) is not float
                and type(presence_penalty) is not int
                and (isinstance(presence_penalty, bool) or not isinstance(presence_penalty, int | float))
            ):
                raise wrong(src, "presence_penalty", presence_penalty, "number")

        frequency_penalty = get("frequency_penalty")
        if frequency_penalty is not None:
            found += 1
            if (
                type(frequency_penalty) is not float
                and type(frequency_penalty) is not int
                and (isinstance(frequency_penalty, bool) or not isinstance(frequency_penalty, int | float))
            ):
                raise wrong(src, "frequency_penalty", frequency_penalty, "number")

        stop = get("stop")
        if stop is not None:
            found += 1
            stop = expect_strings(stop, src, "stop")

        num_ctx = get("num_ctx")
        if num_ctx is not None:
            found += 1
            if type(num_ctx) is not int and (isinstance(num_ctx, bool) or not isinstance(num_ctx, int)):
                raise wrong(src, "num_ctx", num_ctx, "integer")

        num_batch = get("num_batch")
        if num_batch is not None:
            found += 1
            if type(num_batch) is not int and (isinstance(num_batch, bool) or not isinstance(num_batch, int)):
                raise wrong(src, "num_batch", num_batch, "integer")

        num_gpu = get("num_gpu")
        if num_gpu is not None:
            found += 1
            if type(num_gpu) is not int and (isinstance(num_gpu, bool) or not isinstance(num_gpu, int)):
                raise wrong(src, "num_gpu", num_gpu, "integer")

        main_gpu = get("main_gpu")
        if main_gpu is not None:
            found += 1
            if type(main_gpu) is not int and (isinstance(main_gpu, bool) or not isinstance(main_gpu, int)):
                raise wrong(src, "main_gpu", main_gpu, "integer")

        use_mmap = get("use_mmap")
        if use_mmap is not None:
            found += 1
            if type(use_mmap) is not bool:
                raise wrong(src, "use_mmap", use_mmap, "boolean")

        num_thread = get("num_thread")
        if num_thread is not None:
            found += 1
            if type(num_thread) is not int and (isinstance(num_thread, bool) or not isinstance(num_thread, int)):
                raise wrong(src, "num_thread", num_thread, "integer")

        draft_num_predict = get("draft_num_predict")
        if draft_num_predict is not None:
            found += 1
            if type(draft_num_predict) is not int and (
                isinstance(draft_num_predict, bool) or not isinstance(draft_num_predict, int)
            ):
                raise wrong(src, "draft_num_predict", draft_num_predict, "integer")

        obj = cls(
            num_keep,
            seed,
            num_predict,
            top_k,
            top_p,
            min_p,
            typical_p,
            repeat_last_n,
            temperature,
            repeat_penalty,
            presence_penalty,
            frequency_penalty,
            stop,
            num_ctx,
            num_batch,
            num_gpu,
            main_gpu,
            use_mmap,
            num_thread,
            draft_num_predict,
        )
        if len(src) != found:
            obj.additional_properties = {k: v for k, v in src.items() if k not in cls._KEYS}
        return obj

    if TYPE_CHECKING:
        # Typed dict-style access (Model implements it): one overload per JSON key.
        @overload
        def __getitem__(self, key: Literal["num_keep"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["seed"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["num_predict"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["top_k"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["top_p"]) -> float | None: ...
        @overload
        def __getitem__(self, key: Literal["min_p"]) -> float | None: ...
        @overload
        def __getitem__(self, key: Literal["typical_p"]) -> float | None: ...
        @overload
        def __getitem__(self, key: Literal["repeat_last_n"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["temperature"]) -> float | None: ...
        @overload
        def __getitem__(self, key: Literal["repeat_penalty"]) -> float | None: ...
        @overload
        def __getitem__(self, key: Literal["presence_penalty"]) -> float | None: ...
        @overload
        def __getitem__(self, key: Literal["frequency_penalty"]) -> float | None: ...
        @overload
        def __getitem__(self, key: Literal["stop"]) -> list[str] | None: ...
        @overload
        def __getitem__(self, key: Literal["num_ctx"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["num_batch"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["num_gpu"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["main_gpu"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["use_mmap"]) -> bool | None: ...
        @overload
        def __getitem__(self, key: Literal["num_thread"]) -> int | None: ...
        @overload
        def __getitem__(self, key: Literal["draft_num_predict"]) -> int | None: ...
        def __getitem__(self, key: str) -> Any: ...

        @overload
        def get(self, key: Literal["num_keep"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["seed"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["num_predict"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["top_k"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["top_p"], default: object = None) -> float | None: ...
        @overload
        def get(self, key: Literal["min_p"], default: object = None) -> float | None: ...
        @overload
        def get(self, key: Literal["typical_p"], default: object = None) -> float | None: ...
        @overload
        def get(self, key: Literal["repeat_last_n"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["temperature"], default: object = None) -> float | None: ...
        @overload
        def get(self, key: Literal["repeat_penalty"], default: object = None) -> float | None: ...
        @overload
        def get(self, key: Literal["presence_penalty"], default: object = None) -> float | None: ...
        @overload
        def get(self, key: Literal["frequency_penalty"], default: object = None) -> float | None: ...
        @overload
        def get(self, key: Literal["stop"], default: object = None) -> list[str] | None: ...
        @overload
        def get(self, key: Literal["num_ctx"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["num_batch"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["num_gpu"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["main_gpu"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["use_mmap"], default: object = None) -> bool | None: ...
        @overload
        def get(self, key: Literal["num_thread"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: Literal["draft_num_predict"], default: object = None) -> int | None: ...
        @overload
        def get(self, key: str, default: Any = None) -> Any: ...
        def get(self, key: str, default: Any = None) -> Any: ...
